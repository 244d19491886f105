package io.tributary.catalog.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * On an operation that a {@link Roles#PRODUCER} may call: the key may call it for its own sources only, named by the
 * path parameter {@link #value()}; any other source answers 403 before the body is read. People's roles are not
 * narrowed by it. {@link OwnSourceFilter} enforces it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnSourceOnly {

    /** The path parameter that names the source. */
    String value() default "name";
}
