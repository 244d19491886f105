package io.tributary.serving.rest;

import io.tributary.testinfra.SecuredEndpointsContract;

/** Every operation of the service names who may call it. */
class EndpointSecurityTest extends SecuredEndpointsContract {
}
