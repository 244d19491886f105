package io.tributary.requirements.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Changes the other services made, as the catalog shows them, and which were acted upon. */
@ApplicationScoped
public class ChangeRepository {

    public record PipelineVersion(String name, int version, Instant createdAt) {
    }

    /** @param definition the source's format and options, as text to fingerprint */
    public record SourceFormat(String name, String definition, Instant updatedAt) {
    }

    public record HeldDrift(String source, String batch, String reason, Instant createdAt) {
    }

    private final Jdbc jdbc;

    public ChangeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<PipelineVersion> pipelineVersions() {
        return jdbc.list("select name, version, created_at from catalog.pipeline_version order by name, version",
                s -> {
                }, row -> new PipelineVersion(row.getString(1), row.getInt(2), Jdbc.instant(row, 3)));
    }

    public List<SourceFormat> sourceFormats() {
        return jdbc.list("select name, format || ' ' || options::text || ' ' || formats::text || ' ' || "
                + "column_aliases::text, updated_at from catalog.source order by name", s -> {
                }, row -> new SourceFormat(row.getString(1), row.getString(2), Jdbc.instant(row, 3)));
    }

    public List<HeldDrift> heldDrifts() {
        return jdbc.list("select source, id::text, coalesce(hold_reason, ''), created_at from catalog.ingestion_batch "
                + "where status = 'AWAITING_REVIEW' and drift is not null order by created_at", s -> {
                }, row -> new HeldDrift(row.getString(1), row.getString(2), row.getString(3), Jdbc.instant(row, 4)));
    }

    /** Records a change; true when it was not recorded before. */
    public boolean observe(String kind, String subject, String key) {
        return jdbc.update("insert into catalog.observed_change (kind, subject, change_key) values (?, ?, ?) "
                + "on conflict do nothing", s -> {
                    s.setString(1, kind);
                    s.setString(2, subject);
                    s.setString(3, key.length() > 255 ? key.substring(0, 255) : key);
                }) == 1;
    }

    public boolean observed(String kind, String subject) {
        return jdbc.one("select 1 from catalog.observed_change where kind = ? and subject = ? limit 1", s -> {
            s.setString(1, kind);
            s.setString(2, subject);
        }, row -> true).isPresent();
    }
}
