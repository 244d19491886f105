package io.tributary.serving.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.serving.config.LiveConfig;

/**
 * Hears of every committed change to a derived table: one connection to PostgreSQL listens on the channel the
 * catalog's freshness trigger notifies (migration V52), and each notification's table name is handed to the
 * subscribers. After the connection was lost, subscribers are told that any table may have changed, since
 * notifications sent meanwhile are gone. A catalog change that can change any answer (a pipeline's version or a
 * contract, migration V53) is notified as {@link #ANY_TABLE}.
 * <p>
 * Each table also has a {@link #version}, moved before any subscriber hears of the change: what was computed from the
 * table under one version may be reused while the version is the same, since no commit to it has been heard since.
 */
@ApplicationScoped
public class AggregateChanges {

    /** The channel the catalog notifies, payload the changed table's name. */
    public static final String CHANNEL = "tributary_aggregate_changed";
    /** Handed to subscribers when changes may have been missed: every table may have changed. */
    public static final String ANY_TABLE = "*";

    private static final Logger LOG = Logger.getLogger(AggregateChanges.class);
    private static final int WAIT_MILLIS = 500;

    private final Set<Consumer<String>> subscribers = new CopyOnWriteArraySet<>();
    /** Orders every change heard: a table's version is the number of the last change that could touch it. */
    private final AtomicLong changes = new AtomicLong();
    private final Map<String, Long> changed = new ConcurrentHashMap<>();
    /** The number of the last change to every table: a notification for any table, or the connection lost or won. */
    private volatile long everything;
    private final String url;
    private final String user;
    private final String password;
    private final LiveConfig config;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public AggregateChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password, LiveConfig config) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "aggregate-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * WAIT_MILLIS + 1000);
        }
    }

    /** Calls {@code subscriber} with each changed table's name, or {@link #ANY_TABLE}, until unsubscribed. */
    public Runnable subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Whether the listening connection is up: changes committed from now on will be heard. */
    public boolean listening() {
        return listening;
    }

    /**
     * The table's version: it moves, before subscribers are told, on each change to the table heard, on each
     * notification that any table may have changed, and whenever the listening connection is lost or established
     * again. Two equal readings mean that no commit to the table was heard in between; while {@link #listening()} is
     * false a reading says nothing, since commits are then not heard.
     */
    public long version(String table) {
        long all = everything;
        Long own = changed.get(table);
        return own == null ? all : Math.max(all, own);
    }

    /**
     * The generation of every table: it moves, before subscribers are told, on each notification that any table may
     * have changed (a pipeline version, a contract: what answers mean) and whenever the listening connection is lost
     * or established again, but not on a commit to one table. Two equal readings mean that nothing but commits to
     * tables was heard in between.
     */
    public long generation() {
        return everything;
    }

    /** Marks a change heard: to one table, or {@link #ANY_TABLE}. */
    void heard(String table) {
        long number = changes.incrementAndGet();
        if (ANY_TABLE.equals(table)) {
            everything = number;
        } else {
            changed.merge(table, number, Math::max);
        }
    }

    private void listen() {
        boolean missed = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                // Commits from now on are heard; what was computed before cannot say what it missed.
                heard(ANY_TABLE);
                listening = true;
                if (missed) {
                    publish(ANY_TABLE);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            publish(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                heard(ANY_TABLE);
                missed = true;
                if (running) {
                    LOG.warnf("listening for aggregate changes failed (%s); connecting again in %s", e.getMessage(),
                            config.reconnectDelay());
                    sleep();
                }
            }
        }
        listening = false;
        heard(ANY_TABLE);
    }

    private void publish(String table) {
        heard(table);
        for (Consumer<String> subscriber : subscribers) {
            try {
                subscriber.accept(table);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a subscriber to aggregate changes failed on %s", table);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
