package io.tributary.requirements.access;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.security.Roles;

/**
 * On start, creates the {@code admin} account with the configured password when the catalog has no account of that
 * name, so that a new installation can be signed in to. An existing account, its password changed or not, is left as
 * it is.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AccessConfig config;
    private final UserService users;

    public AdminBootstrap(AccessConfig config, UserService users) {
        this.config = config;
        this.users = users;
    }

    void onStart(@Observes StartupEvent event) {
        config.bootstrapAdminPassword().filter(password -> !password.isEmpty()).ifPresent(password -> {
            if (users.createIfAbsent(ADMIN, password, List.of(Roles.ADMIN))) {
                LOG.infof("created the account '%s' with the configured password", ADMIN);
            }
        });
    }
}
