package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.transform.service.SalesCurator;

/** Hands each poll of accepted records to the curator; offsets are committed once it returns. */
@ApplicationScoped
public class AcceptedRecordsConsumer {

    private final SalesCurator curator;

    public AcceptedRecordsConsumer(SalesCurator curator) {
        this.curator = curator;
    }

    @Incoming(Channels.ACCEPTED_RECORDS)
    @Blocking
    public void consume(List<RecordEvent> events) throws SQLException {
        curator.apply(events);
    }
}
