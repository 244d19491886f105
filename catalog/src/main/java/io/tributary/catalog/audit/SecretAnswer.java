package io.tributary.catalog.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a write whose answer holds a secret (a token, a new API key): the audit log keeps that the write happened, by
 * whom and how it ended, but not its answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretAnswer {
}
