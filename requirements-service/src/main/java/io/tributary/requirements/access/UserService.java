package io.tributary.requirements.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;

/** People's accounts: created and changed by admins, signed in to by their owners. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;

    public UserService(UserRepository users) {
        this.users = users;
    }

    /** The account whose password this is; empty for an unknown name or a wrong password alike. */
    public Optional<User> signIn(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        Optional<UserRepository.Stored> stored = users.withPassword(name);
        boolean matches = Passwords.matches(password, stored.map(UserRepository.Stored::passwordHash).orElse(null));
        return matches ? stored.map(UserRepository.Stored::user) : Optional.empty();
    }

    public User create(String name, String password, List<String> roles, Long stakeholderId) {
        List<String> problems = new ArrayList<>(UserRules.name("$.name", name));
        problems.addAll(Passwords.problems("$.password", password));
        problems.addAll(checked(roles, stakeholderId));
        invalidIfAny("the account is not valid", problems);
        return users.insert(name, Passwords.hash(password), distinct(roles), stakeholderId)
                .orElseThrow(() -> new ProblemException(Response.Status.CONFLICT,
                        "an account named '" + name + "' exists"));
    }

    /** Creates the account unless one of that name exists; true when it was created. */
    public boolean createIfAbsent(String name, String password, List<String> roles) {
        invalidIfAny("the account is not valid", Passwords.problems("password of '" + name + "'", password));
        return users.insert(name, Passwords.hash(password), roles, null).isPresent();
    }

    public User update(String name, List<String> roles, Long stakeholderId) {
        User current = get(name);
        invalidIfAny("the account is not valid", checked(roles, stakeholderId));
        if (current.roles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            keepOneAdmin(name);
        }
        return users.update(name, distinct(roles), stakeholderId).orElseThrow(() -> unknown(name));
    }

    public User setPassword(String name, String password) {
        get(name);
        invalidIfAny("the password cannot be used", Passwords.problems("$.password", password));
        return users.setPassword(name, Passwords.hash(password)).orElseThrow(() -> unknown(name));
    }

    public void delete(String name) {
        User current = get(name);
        if (current.roles().contains(Roles.ADMIN)) {
            keepOneAdmin(name);
        }
        if (!users.delete(name)) {
            throw unknown(name);
        }
    }

    public User get(String name) {
        return users.find(name).orElseThrow(() -> unknown(name));
    }

    public List<User> list() {
        return users.list();
    }

    private List<String> checked(List<String> roles, Long stakeholderId) {
        List<String> problems = new ArrayList<>(UserRules.roles(roles, stakeholderId));
        if (stakeholderId != null && !users.stakeholderExists(stakeholderId)) {
            problems.add("$.stakeholder: no stakeholder has the id " + stakeholderId);
        }
        return problems;
    }

    private void keepOneAdmin(String name) {
        if (users.countWithRole(Roles.ADMIN) <= 1) {
            throw new ProblemException(Response.Status.CONFLICT, "'" + name + "' is the last admin; make another "
                    + "account admin first");
        }
    }

    private static List<String> distinct(List<String> roles) {
        return List.copyOf(new LinkedHashSet<>(roles));
    }

    private static void invalidIfAny(String detail, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, detail, problems);
        }
    }

    private static ProblemException unknown(String name) {
        return new ProblemException(Response.Status.NOT_FOUND, "no account named '" + name + "'");
    }
}
