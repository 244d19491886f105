package io.tributary.serving.rest;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;

/** The requests of {@link TokenVerificationTest} with no verified token kept: every signature checked every time. */
@QuarkusTest
@TestProfile(TokenVerificationWithoutKeptTokensTest.NothingKept.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class TokenVerificationWithoutKeptTokensTest extends TokenVerificationTest {

    @Override
    protected boolean keeps() {
        return false;
    }

    /** The service verifying every request's token. */
    public static class NothingKept implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tributary.security.verified-tokens.enabled", "false");
        }
    }
}
