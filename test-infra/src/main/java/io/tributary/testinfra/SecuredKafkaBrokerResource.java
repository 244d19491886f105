package io.tributary.testinfra;

import java.security.Security;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real broker that asks for SCRAM-SHA-512 and holds the Kubernetes manifests' users, ACLs and topics
 * ({@link SecuredKafka}), with the service under test signed in as one of those users through its ordinary Kafka
 * configuration ({@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}, as
 * the {@code KAFKA_*} variables of its Deployment set them).
 * <p>
 * Arguments: {@value #USER}, the {@code KafkaUser} the service signs in as (by default {@code ingestion-service}), and
 * {@value #PASSWORD} set to {@value #WRONG} to give it a password the broker does not know.
 */
public class SecuredKafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** The argument naming the user the service signs in as. */
    public static final String USER = "user";
    /** The argument that, set to {@value #WRONG}, gives the service a wrong password. */
    public static final String PASSWORD = "password";
    public static final String WRONG = "wrong";

    private static final String SCRAM_CLIENT_PROVIDER = "SASL/SCRAM Client Provider";
    private static final String SCRAM_SERVER_PROVIDER = "SASL/SCRAM Server Provider";

    private static volatile SecuredKafka running;

    private String user = "ingestion-service";
    private boolean wrongPassword;
    private SecuredKafka kafka;

    /** The broker started in this JVM, for tests that read or write as its administrator. */
    public static SecuredKafka kafka() {
        SecuredKafka broker = running;
        if (broker == null) {
            throw new IllegalStateException("no secured Kafka broker was started in this JVM");
        }
        return broker;
    }

    @Override
    public void init(Map<String, String> args) {
        user = args.getOrDefault(USER, user);
        wrongPassword = WRONG.equals(args.get(PASSWORD));
    }

    @Override
    public Map<String, String> start() {
        // Kafka installs its SCRAM mechanisms as security providers of the whole JVM, once, from the class loader of
        // the first application that signs in. An application tested earlier in this JVM left them behind: they would
        // answer this application's sign-ins with classes it does not know, and refuse them. Removed, they are
        // installed again from this application's class loader.
        Security.removeProvider(SCRAM_CLIENT_PROVIDER);
        Security.removeProvider(SCRAM_SERVER_PROVIDER);
        kafka = SecuredKafka.start();
        running = kafka;
        Map<String, Object> service = wrongPassword
                ? kafka.serviceConfig(user, SecuredKafka.password())
                : kafka.serviceConfig(user);
        Map<String, String> config = new LinkedHashMap<>();
        service.forEach((key, value) -> config.put("kafka." + key, value.toString()));
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            if (running == kafka) {
                running = null;
            }
            kafka.close();
        }
    }
}
