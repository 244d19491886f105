package io.tributary.ingestion.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.common.annotation.Identifier;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.KafkaSecurity;
import io.tributary.ingestion.config.IngestionConfig;

/**
 * The topic of each dataset's accepted records (decision 0054), created with the configured partitions and replicas
 * before the first record is sent to it, so that a broker that creates no topic on first use (as on Kubernetes) takes
 * it, and one that would creates it with the same settings everywhere. Asked once per topic and service run.
 */
@ApplicationScoped
public class DatasetTopics {

    private final Admin admin;
    private final IngestionConfig.Topics settings;
    private final Duration timeout;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public DatasetTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestionConfig ingestion) {
        Map<String, Object> config = new HashMap<>(KafkaSecurity.of(kafka));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingestion-dataset-topics");
        // waits for Kafka as the producer does, and never less than one request may take (the admin client's rule)
        Duration request = ingestion.producer().requestTimeout();
        this.timeout = ingestion.producer().maxBlock().compareTo(request) > 0
                ? ingestion.producer().maxBlock()
                : request;
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(request.toMillis()));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.toIntExact(timeout.toMillis()));
        this.admin = Admin.create(config);
        this.settings = ingestion.topics();
    }

    /**
     * The topic of the dataset's accepted records, created first unless it exists.
     *
     * @throws KafkaException when Kafka refuses to create it (not authorized, an invalid setting) or does not answer
     *         in time
     */
    public String of(String dataset) {
        String topic = Channels.acceptedRecordsOf(dataset);
        if (!ready.contains(topic)) {
            create(topic);
            ready.add(topic);
        }
        return topic;
    }

    private void create(String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), settings.replicas()))).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            if (e.getCause() instanceof TopicAuthorizationException refused && exists(topic)) {
                // allowed to write the topic an operator created, not to create one
                return;
            }
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("Kafka did not create the topic " + topic
                    + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private boolean exists(String topic) {
        try {
            return admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
