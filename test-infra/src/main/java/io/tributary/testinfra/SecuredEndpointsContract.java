package io.tributary.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;

/**
 * Every resource method of a service says who may call it. A service's test extends this; a new endpoint without a
 * security annotation fails the build, before it would be refused at run time (deny-unannotated-endpoints).
 * <p>
 * The annotation must be on the method itself, so that a reader sees who may call an operation where it is
 * declared; {@code @PermitAll} is allowed only on the operations listed in {@link #open()}.
 */
public abstract class SecuredEndpointsContract {

    private static final Set<Class<? extends Annotation>> SECURITY = Set.of(RolesAllowed.class, PermitAll.class,
            DenyAll.class, Authenticated.class, PermissionsAllowed.class);

    /** Where the service's compiled classes are, relative to the module. */
    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");

    /** The operations open to anyone, as {@code Class#method}; none unless a service overrides this. */
    protected Set<String> open() {
        return Set.of();
    }

    @Test
    void everyResourceMethodNamesWhoMayCallIt() {
        List<Method> operations = operations();
        assertFalse(operations.isEmpty(), "no resource method found under " + CLASSES.toAbsolutePath());
        List<String> unannotated = operations.stream()
                .filter(method -> Arrays.stream(method.getAnnotations())
                        .noneMatch(annotation -> SECURITY.contains(annotation.annotationType())))
                .map(SecuredEndpointsContract::name)
                .sorted().toList();
        assertEquals(List.of(), unannotated, "resource methods without @RolesAllowed (or another security "
                + "annotation) on the method");
    }

    @Test
    void onlyTheListedOperationsAreOpenToAnyone() {
        List<String> open = operations().stream()
                .filter(method -> method.isAnnotationPresent(PermitAll.class))
                .map(SecuredEndpointsContract::name)
                .filter(name -> !open().contains(name))
                .sorted().toList();
        assertEquals(List.of(), open, "@PermitAll on operations that must name their roles");
    }

    @Test
    void noResourceClassOpensAllItsOperations() {
        List<String> classes = resourceClasses().stream()
                .filter(type -> type.isAnnotationPresent(PermitAll.class))
                .map(Class::getName).sorted().toList();
        assertEquals(List.of(), classes, "@PermitAll on a resource class opens every operation it will ever have");
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }

    private static List<Method> operations() {
        List<Method> operations = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                boolean httpMethod = Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
                if (httpMethod || method.isAnnotationPresent(Path.class)) {
                    operations.add(method);
                }
            }
        }
        return operations;
    }

    /** The classes with JAX-RS operations: a {@code @Path} on the class or on one of its methods. */
    private static List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> type = load(CLASSES.relativize(file));
                if ((type.isAnnotationPresent(Path.class) || Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(method -> method.isAnnotationPresent(Path.class)))) {
                    classes.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + CLASSES.toAbsolutePath(), e);
        }
        return classes;
    }

    private static Class<?> load(java.nio.file.Path relative) {
        String name = relative.toString().replace(java.io.File.separatorChar, '.');
        name = name.substring(0, name.length() - ".class".length());
        try {
            return Class.forName(name, false, SecuredEndpointsContract.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("could not load " + name + " to check its operations", e);
        }
    }
}
