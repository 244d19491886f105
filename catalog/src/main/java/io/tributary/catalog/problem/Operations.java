package io.tributary.catalog.problem;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * The operations of a service as its resource classes declare them: method, path template, and the media types each
 * takes and answers in. A 405, 406 or 415 is decided by the framework before any operation runs; this is how its
 * problem can still say what the path allows.
 */
final class Operations {

    /** A path parameter: {@code {name}}, or {@code {name: regex}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    /** One resource method; an empty list of types means any type. */
    record Operation(String method, String template, Pattern path, List<String> consumes, List<String> produces) {

        boolean matches(String requestPath) {
            return path.matcher(requestPath).matches();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private final List<Operation> operations;

    private Operations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** Reads the operations of the given classes; those without {@code @Path} have none. */
    static Operations of(Collection<Class<?>> resources) {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                String template = join(root.value(), path == null ? "" : path.value());
                operations.add(new Operation(httpMethod, template, regex(template),
                        types(method, resource, Consumes.class, Consumes::value),
                        types(method, resource, Produces.class, Produces::value)));
            }
        }
        return new Operations(operations);
    }

    /** The operations whose path template matches the request path, whatever their method. */
    List<Operation> at(String requestPath) {
        String path = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1)
                : requestPath;
        return operations.stream().filter(operation -> operation.matches(path)).toList();
    }

    /** The methods allowed at the path, in the order declared. */
    List<String> methodsAt(String requestPath) {
        return at(requestPath).stream().map(Operation::method).distinct().toList();
    }

    /** The media types the operations of this method at this path take; empty when none is declared. */
    List<String> consumed(String method, String requestPath) {
        return types(method, requestPath, Operation::consumes);
    }

    /** The media types the operations of this method at this path answer in; empty when none is declared. */
    List<String> produced(String method, String requestPath) {
        return types(method, requestPath, Operation::produces);
    }

    private List<String> types(String method, String requestPath, Function<Operation, List<String>> types) {
        Set<String> all = new LinkedHashSet<>();
        at(requestPath).stream().filter(operation -> operation.method().equalsIgnoreCase(method))
                .forEach(operation -> all.addAll(types.apply(operation)));
        return List.copyOf(all);
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(httpMethod -> httpMethod != null)
                .map(HttpMethod::value)
                .findFirst().orElse(null);
    }

    /** The method's types, else its class's: JAX-RS lets a method's annotation replace its class's. */
    private static <A extends java.lang.annotation.Annotation> List<String> types(Method method, Class<?> resource,
            Class<A> annotation, Function<A, String[]> values) {
        for (AnnotatedElement element : List.<AnnotatedElement>of(method, resource)) {
            A declared = element.getAnnotation(annotation);
            if (declared != null) {
                return Arrays.stream(values.apply(declared))
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::trim)
                        .filter(type -> !type.isEmpty())
                        .distinct()
                        .toList();
            }
        }
        return List.of();
    }

    private static String join(String root, String path) {
        String joined = ("/" + root + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).trim() + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
