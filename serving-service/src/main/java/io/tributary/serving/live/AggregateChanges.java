package io.tributary.serving.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
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
 * notifications sent meanwhile are gone.
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

    private void listen() {
        boolean missed = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
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
                missed = true;
                if (running) {
                    LOG.warnf("listening for aggregate changes failed (%s); connecting again in %s", e.getMessage(),
                            config.reconnectDelay());
                    sleep();
                }
            }
        }
        listening = false;
    }

    private void publish(String table) {
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
