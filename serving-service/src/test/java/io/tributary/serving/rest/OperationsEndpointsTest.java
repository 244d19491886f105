package io.tributary.serving.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.OperationsEndpointsContract;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String apiTitle() {
        return "Tributary Serving API";
    }

    @Override
    protected String apiPath() {
        return "/api/metrics/{pipeline}";
    }
}
