package io.tributary.transform.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.catalog.masking.StoredPersonalColumns;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.pipeline.PipelineReader;

/**
 * The analysts' views (decision 0050): one view in the schema {@value #SCHEMA} per curated table a pipeline owns,
 * selecting every column, those the serving service masks for an analyst masked. The analysts' role reads these views
 * and not the curated tables. A pipeline's declaration drops its views before it changes its tables and makes them
 * again before it commits; every replica checks every {@value #PERIOD_SECONDS} seconds, and at start, whether a
 * pipeline or a contract changed since it last made them, and makes again those that differ.
 */
@ApplicationScoped
public class AnalyticsViews {

    /** The schema of the analysts' views. */
    public static final String SCHEMA = "analytics";
    /** The role that reads the views, granted each view the transform makes; skipped when it does not exist. */
    public static final String READER = "tributary_analyst";
    private static final long PERIOD_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(AnalyticsViews.class);

    private static final String FINGERPRINT = """
            select (select coalesce(max(id), 0) from catalog.pipeline_version) || '/'
                || (select coalesce(max(id), 0) from catalog.contract_version)
            """;
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('tributary.analytics.views'))";
    private static final String VIEWS = """
            select c.relname, obj_description(c.oid, 'pg_class') from pg_class c
            join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind = 'v'
            """;
    private static final String TABLES = """
            select c.relname, a.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where n.nspname = ? and c.relkind in ('r', 'p') order by c.relname, a.attnum
            """;
    private static final String OWNERS = "select table_name, pipeline from catalog.curated_table_owner";
    private static final String CURRENT_DOCUMENT = """
            select document, media_type from catalog.pipeline_version where name = ? order by version desc limit 1
            """;

    private final AgroalDataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "analytics-views");
        thread.setDaemon(true);
        return thread;
    });
    /** The catalog's pipelines and contracts as they were when the views were last made. */
    private volatile String madeFor = "";

    public AnalyticsViews(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        timer.scheduleWithFixedDelay(this::followCatalog, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void followCatalog() {
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                String fingerprint;
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement query = connection.prepareStatement(FINGERPRINT);
                        ResultSet result = query.executeQuery()) {
                    result.next();
                    fingerprint = result.getString(1);
                }
                if (!fingerprint.equals(madeFor)) {
                    make();
                    madeFor = fingerprint;
                }
                return null;
            });
        } catch (Exception | Error e) {
            // the next period tries again
            LOG.warnf("the analysts' views were not made again: %s", e.getMessage());
        }
    }

    /**
     * In the caller's transaction, before the pipeline's tables change: drops the pipeline's views, which would stop a
     * table from being dropped or a column from changing, until {@link #make()} makes them again.
     */
    public void dropOf(String pipeline) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(LOCK);
            for (String table : CuratedTables.all(pipeline)) {
                statement.execute("drop view if exists " + view(table));
            }
        }
    }

    /**
     * In the caller's transaction: makes the view of every curated table a pipeline owns whose query differs from the
     * one it should have now (each view keeps its query as its comment), and drops the views of tables that are gone.
     */
    public void make() throws SQLException {
        make(null);
    }

    /**
     * In the caller's transaction: makes again the views of the pipeline's tables whose query differs from the one they
     * should have now. Those of the pipelines that look it up follow within a period.
     */
    public void makeOf(String pipeline) throws SQLException {
        make(pipeline);
    }

    /** @param only the pipeline whose views are made; null for every pipeline's */
    private void make(String only) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(LOCK);
            Map<String, String> views = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(VIEWS)) {
                query.setString(1, SCHEMA);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        views.put(result.getString(1), result.getString(2));
                    }
                }
            }
            Map<String, List<String>> tables = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(TABLES)) {
                query.setString(1, CuratedTables.SCHEMA);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        tables.computeIfAbsent(result.getString(1), t -> new ArrayList<>()).add(result.getString(2));
                    }
                }
            }
            Map<String, String> owners = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(OWNERS);
                    ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    owners.put(result.getString(1), result.getString(2));
                }
            }
            boolean readerExists = roleExists(connection, READER);
            Map<String, Pipeline> pipelines = new HashMap<>();
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                String owner = owners.get(table.getKey());
                if (owner == null || only != null && !only.equals(owner)) {
                    continue; // a table no pipeline owns has no view, so analysts read none of it
                }
                Pipeline pipeline = pipelines.get(owner);
                if (pipeline == null) {
                    pipeline = pipeline(connection, owner);
                    pipelines.put(owner, pipeline);
                }
                Set<String> masked = ViewDefinition.masked(owner, table.getKey(), table.getValue(), pipeline.personal,
                        pipeline.recordsPersonal, pipeline.definition);
                String select = ViewDefinition.select(table.getKey(), table.getValue(), masked);
                if (!select.equals(views.get(table.getKey()))) {
                    statement.execute("drop view if exists " + view(table.getKey()));
                    statement.execute("create view " + view(table.getKey()) + " as " + select);
                    statement.execute("comment on view " + view(table.getKey()) + " is '" + select.replace("'", "''")
                            + "'");
                    if (readerExists) {
                        statement.execute("grant select on " + view(table.getKey()) + " to " + Sql.quote(READER));
                    }
                }
            }
            for (String existing : only == null ? views.keySet() : Set.<String>of()) {
                if (!tables.containsKey(existing) || !owners.containsKey(existing)) {
                    statement.execute("drop view if exists " + view(existing));
                }
            }
        }
    }

    /** The view of a curated table: {@code analytics.<table>}. */
    public static String view(String table) {
        return SCHEMA + "." + Sql.quote(table);
    }

    private record Pipeline(PersonalColumns personal, boolean recordsPersonal, PipelineDefinition definition) {
    }

    private static Pipeline pipeline(Connection connection, String name) throws SQLException {
        PipelineDefinition definition = null;
        try (PreparedStatement query = connection.prepareStatement(CURRENT_DOCUMENT)) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    definition = PipelineReader.read(result.getString(1), result.getString(2).contains("yaml"));
                }
            }
        } catch (PipelineException e) {
            // a stored version today's reader refuses: the tables derived from its rows are masked whole
        }
        return new Pipeline(StoredPersonalColumns.of(connection, name),
                StoredPersonalColumns.recordsHoldPersonalData(connection, name), definition);
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select exists (select from pg_roles "
                + "where rolname = ?)")) {
            query.setString(1, role);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
