package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL roles of the local suite (decision 0047): one per service and one for analysts, each signing in with
 * a password generated on the first start and kept in the keys directory for its owner alone. The roles are made here,
 * by the cluster's superuser; their grants are the catalog's ({@code db/migration/afterMigrate.sql}), applied by the
 * migration step that runs as the superuser. The cluster then asks every role but the superuser for its password.
 *
 * @param passwords each role's password, by role name
 * @param created the roles whose password this start generated, so that the analysts' is shown once
 */
public record DatabaseRoles(Path directory, Map<String, String> passwords, List<String> created) {

    public static final String INGESTION = "tributary_ingestion";
    public static final String TRANSFORM = "tributary_transform";
    public static final String SERVING = "tributary_serving";
    public static final String REQUIREMENTS = "tributary_requirements";
    public static final String ANALYST = "tributary_analyst";
    /** Every role, in the order they are made. */
    public static final List<String> ALL = List.of(INGESTION, TRANSFORM, SERVING, REQUIREMENTS, ANALYST);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 24;
    /**
     * Who may sign in how: the superuser, which runs the migrations and the launcher's own work, as before on this
     * machine's loopback interface; every other role with its password (SCRAM).
     */
    static final String HBA = """
            # Written by Tributary's local run on every start (decision 0047).
            # The superuser postgres runs the catalog's migrations and is trusted on this machine only;
            # the services' and analysts' roles sign in with their passwords.
            local   all  postgres                 trust
            host    all  postgres  127.0.0.1/32   trust
            host    all  postgres  ::1/128        trust
            local   all  all                      scram-sha-256
            host    all  all       127.0.0.1/32   scram-sha-256
            host    all  all       ::1/128        scram-sha-256
            """;

    /**
     * Makes the roles that are missing, sets each role's password to the one kept in {@code directory} (generated
     * there first if there is none, so deleting a file and starting again rotates that password), and makes the
     * cluster ask for passwords.
     */
    public static DatabaseRoles ensure(LocalPostgres postgres, Path directory) {
        OwnerOnly.directory(directory);
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> created = new java.util.ArrayList<>();
        for (String role : ALL) {
            Path file = passwordFile(directory, role);
            if (Files.isRegularFile(file)) {
                passwords.put(role, read(file));
            } else {
                String password = generate();
                OwnerOnly.write(file, password + System.lineSeparator());
                passwords.put(role, password);
                created.add(role);
            }
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> role : passwords.entrySet()) {
                boolean exists;
                try (PreparedStatement find = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                    find.setString(1, role.getKey());
                    try (ResultSet found = find.executeQuery()) {
                        exists = found.next();
                    }
                }
                String verb = exists ? "alter" : "create";
                s.execute(verb + " role " + role.getKey() + " login password " + literal(role.getValue()));
            }
            postgres.requirePasswords(HBA, s);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the database roles", e);
        }
        return new DatabaseRoles(directory, Map.copyOf(passwords), List.copyOf(created));
    }

    /** The file that keeps a role's password: {@code db-<role>-password} in the keys directory. */
    public static Path passwordFile(Path directory, String role) {
        return directory.resolve("db-" + role + "-password");
    }

    public String password(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no database role " + role);
        }
        return password;
    }

    /** The role a service signs in with. */
    public static String of(TributaryService service) {
        return switch (service) {
            case INGESTION -> INGESTION;
            case TRANSFORM -> TRANSFORM;
            case SERVING -> SERVING;
            case REQUIREMENTS -> REQUIREMENTS;
        };
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** A password as an SQL literal; the generated ones hold letters and digits only, a file edited by hand may not. */
    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    private static String read(Path file) {
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to have a new password generated");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseRoles[" + directory + "]"; // never the passwords
    }
}
