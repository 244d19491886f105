package io.tributary.transform.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.smallrye.reactive.messaging.ClientCustomizer;
import io.tributary.catalog.event.Channels;
import io.tributary.transform.registry.ReadDatasets;

/**
 * Hands the accepted-records consumer's deserializer its collaborator: the connector applies every such bean to the
 * configuration of the Kafka clients it creates, and a deserializer receives that configuration in
 * {@link AcceptedRecordDeserializer#configure}.
 */
@ApplicationScoped
public class AcceptedRecordsClientConfig implements ClientCustomizer<Map<String, Object>> {

    private final ReadDatasets datasets;

    public AcceptedRecordsClientConfig(ReadDatasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (Channels.ACCEPTED_RECORDS.equals(channel)) {
            config.put(AcceptedRecordDeserializer.READ_DATASETS, datasets);
        }
        return config;
    }
}
