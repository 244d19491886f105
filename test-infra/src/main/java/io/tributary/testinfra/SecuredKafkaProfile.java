package io.tributary.testinfra;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile of a service signed in to the secured broker ({@link SecuredKafkaBrokerResource}) instead of the
 * plain-text one, with PostgreSQL and the tokens' keys; no other test resource. A test names its own subclass with
 * {@code @TestProfile}, which says the user the service signs in as and whether its password is right.
 */
public abstract class SecuredKafkaProfile implements QuarkusTestProfile {

    private final Map<String, String> brokerArgs;

    /**
     * @param user the {@code KafkaUser} the service signs in as
     * @param rightPassword whether the service is given that user's password, or one the broker does not know
     */
    protected SecuredKafkaProfile(String user, boolean rightPassword) {
        this.brokerArgs = rightPassword
                ? Map.of(SecuredKafkaBrokerResource.USER, user)
                : Map.of(SecuredKafkaBrokerResource.USER, user,
                        SecuredKafkaBrokerResource.PASSWORD, SecuredKafkaBrokerResource.WRONG);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(SecurityResource.class),
                new TestResourceEntry(SecuredKafkaBrokerResource.class, brokerArgs));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
