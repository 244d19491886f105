package io.tributary.requirements.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.repository.Jdbc;

/** The accounts in {@code catalog.user_account}. */
@ApplicationScoped
public class UserRepository {

    private static final String COLUMNS = "name, roles, stakeholder_id, created_at, updated_at, password_set_at";

    private final Jdbc jdbc;

    public UserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the account; empty when one of that name exists. */
    public Optional<User> insert(String name, String passwordHash, List<String> roles, Long stakeholderId) {
        return jdbc.one("""
                insert into catalog.user_account (name, password_hash, roles, stakeholder_id)
                values (?, ?, ?, ?)
                on conflict (name) do nothing
                returning\s""" + COLUMNS, statement -> {
            statement.setString(1, name);
            statement.setString(2, passwordHash);
            Jdbc.texts(statement, 3, roles);
            Jdbc.nullableLong(statement, 4, stakeholderId);
        }, UserRepository::user);
    }

    public Optional<User> update(String name, List<String> roles, Long stakeholderId) {
        return jdbc.one("""
                update catalog.user_account set roles = ?, stakeholder_id = ?, updated_at = now()
                where name = ?
                returning\s""" + COLUMNS, statement -> {
            Jdbc.texts(statement, 1, roles);
            Jdbc.nullableLong(statement, 2, stakeholderId);
            statement.setString(3, name);
        }, UserRepository::user);
    }

    public Optional<User> setPassword(String name, String passwordHash) {
        return jdbc.one("""
                update catalog.user_account
                set password_hash = ?, password_set_at = now(), updated_at = now()
                where name = ?
                returning\s""" + COLUMNS, statement -> {
            statement.setString(1, passwordHash);
            statement.setString(2, name);
        }, UserRepository::user);
    }

    public boolean delete(String name) {
        return jdbc.update("delete from catalog.user_account where name = ?", s -> s.setString(1, name)) > 0;
    }

    public Optional<User> find(String name) {
        return jdbc.one("select " + COLUMNS + " from catalog.user_account where name = ?",
                s -> s.setString(1, name), UserRepository::user);
    }

    /** The account and its password's hash, to check a sign-in. */
    public Optional<Stored> withPassword(String name) {
        return jdbc.one("select password_hash, " + COLUMNS + " from catalog.user_account where name = ?",
                s -> s.setString(1, name), row -> new Stored(user(row), row.getString("password_hash")));
    }

    public List<User> list() {
        return jdbc.list("select " + COLUMNS + " from catalog.user_account order by name", s -> {
        }, UserRepository::user);
    }

    /** How many accounts hold the role, to keep the last admin from being removed. */
    public long countWithRole(String role) {
        return jdbc.one("select count(*) from catalog.user_account where ? = any(roles)",
                s -> s.setString(1, role), row -> row.getLong(1)).orElse(0L);
    }

    public boolean stakeholderExists(long id) {
        return jdbc.one("select 1 from catalog.stakeholder where id = ?", s -> s.setLong(1, id), row -> true)
                .isPresent();
    }

    record Stored(User user, String passwordHash) {
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("name"), Jdbc.texts(row, "roles"), Jdbc.nullableLong(row, "stakeholder_id"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"),
                Jdbc.instant(row, "password_set_at"));
    }
}
