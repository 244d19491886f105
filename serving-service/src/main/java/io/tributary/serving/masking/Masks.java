package io.tributary.serving.masking;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.catalog.masking.PersonalData;
import io.tributary.catalog.masking.StoredPersonalColumns;

/**
 * Where the serving service decides what it masks (decision 0037): the personal columns of a pipeline, from the column
 * lineage its current version stored and its dataset's current contract, for a caller whose roles may not see them.
 * Answers that are streamed after the request returns are given the columns when the request is checked.
 */
@ApplicationScoped
public class Masks {

    private final SecurityIdentity identity;
    private final DataSource dataSource;

    public Masks(SecurityIdentity identity, DataSource dataSource) {
        this.identity = identity;
        this.dataSource = dataSource;
    }

    /** Whether the caller of the current request sees personal values as they are. */
    public boolean callerSeesPersonalData() {
        return PersonalData.seenBy(identity.getRoles());
    }

    /** The pipeline's columns the caller of the current request may not see; none for roles that see them. */
    public PersonalColumns forCaller(String pipeline) {
        return forAudience(pipeline, callerSeesPersonalData());
    }

    /** The pipeline's columns masked for someone who sees personal data or not. */
    public PersonalColumns forAudience(String pipeline, boolean seesPersonalData) {
        return seesPersonalData ? PersonalColumns.NONE : personal(pipeline);
    }

    /** The personal columns of the pipeline's current version; none when it was never declared. */
    public PersonalColumns personal(String pipeline) {
        try (Connection connection = dataSource.getConnection()) {
            PersonalColumns columns = StoredPersonalColumns.of(connection, pipeline);
            return columns == null ? PersonalColumns.NONE : columns;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read what " + pipeline + " holds of personal data: "
                    + e.getMessage(), e);
        }
    }
}
