package io.tributary.transform.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.math.MathContext;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * An expression of a pipeline step in JEXL (Apache Commons JEXL 3), restricted to what a row needs: operators, literals,
 * the row's fields (a nested one by its path, {@code customer.id}) and methods of their values. No assignment, loops, object creation or class access, so an
 * expression cannot change anything outside its own result. Arithmetic on decimals is exact (34 significant digits).
 * <p>
 * Nor can an expression exhaust the service on a row's values: the methods whose cost an argument or a value makes
 * unbounded ({@link #UNBOUNDED_METHODS}: {@code repeat}, regular expressions, huge powers and scales) are not callable,
 * the regular-expression operators {@code =~} and {@code !~} only test membership in a list or set, and one evaluation
 * past {@link #TIME_LIMIT} fails its row (docs/security.md): past it on the clock and then for as long again in the
 * CPU time of its thread, so that a row is not failed because its thread waited (a busy machine, a collection).
 * <p>
 * The shapes pipelines mostly use (fields, literals, arithmetic, comparisons, {@code && || ! ?: ??}) are also compiled
 * to plain Java evaluators ({@link CompiledExpression}), which answer a row as the interpreter would, or leave it to the
 * interpreter; the interpreter stays the reference, and evaluates every other expression.
 */
public final class Expression {

    /** How long one evaluation may take: an expression reads the row's fields, it does not compute for long. */
    public static final Duration TIME_LIMIT = Duration.ofMillis(200);

    /**
     * Methods whose time or memory an argument or a value makes unbounded: repeating text, regular expressions
     * (backtracking on untrusted text), formatting with a width, and powers, scales and shifts of numbers.
     */
    static final Set<String> UNBOUNDED_METHODS = Set.of("repeat", "matches", "replaceAll", "replaceFirst", "split",
            "splitWithDelimiters", "formatted", "indent", "pow", "scaleByPowerOfTen", "setScale", "movePointLeft",
            "movePointRight", "shiftLeft", "shiftRight", "nCopies", "compile");

    /** Decimals are computed to 34 significant digits, rounded half-even. */
    static final MathContext MATH_CONTEXT = MathContext.DECIMAL128;
    /** The scale a decimal operand is rounded to before an operation or a comparison. */
    static final int MATH_SCALE = 16;

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false)
            .newInstance(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .lambda(false)
            .annotation(false)
            .pragma(false)
            .importPragma(false)
            .namespacePragma(false)
            .register(false)
            .script(false);
    private static final JexlEngine ENGINE = new JexlBuilder()
            .permissions(new BoundedPermissions())
            .arithmetic(new BoundedArithmetic())
            .features(FEATURES)
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(512)
            .create();

    private final String text;
    private final JexlScript script;
    /** The expression as plain Java evaluators, or null when its text holds a shape they do not cover. */
    private final CompiledExpression compiled;

    private Expression(String text, JexlScript script) {
        this.text = text;
        this.script = script;
        this.compiled = CompiledExpression.of(text, script.getVariables(), Expression::literal);
    }

    /** The value JEXL gives a literal's text alone, or null when it gives none. */
    private static Object literal(String text) {
        try {
            return ENGINE.createScript(text).execute(null);
        } catch (JexlException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * How deeply braces may nest. JEXL's parser looks ahead further at each level of {@code {}} (a set, a map or a
     * block), so its time grows about fourfold per level: ten levels take close to a second, sixteen half a minute. A
     * row's expression needs at most a set inside a list.
     */
    static final int MAX_BRACE_DEPTH = 4;

    /** @throws IllegalArgumentException with the position and reason when the text is not a valid expression */
    public static Expression compile(String text) {
        if (braceDepth(text) > MAX_BRACE_DEPTH) {
            throw new IllegalArgumentException("'" + text + "' is not a valid expression: braces are nested deeper than "
                    + MAX_BRACE_DEPTH + " levels");
        }
        try {
            return new Expression(text, ENGINE.createScript(text));
        } catch (JexlException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid expression: " + reason(e));
        }
    }

    /** The deepest nesting of braces in {@code text}, outside quoted text ('...', "..." or `...`, with \\ escapes). */
    static int braceDepth(String text) {
        int depth = 0;
        int deepest = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    /**
     * The row fields the expression reads, among {@code known}: a dotted path ({@code customer.id}) reads the longest
     * known field it starts with, the way a nested contract names its fields (decision 0030), and what follows is a
     * property of that field's value; a path that starts with no known field is given whole, as the field it would be.
     */
    public Set<String> fields(Set<String> known) {
        Set<String> fields = new LinkedHashSet<>();
        for (List<String> path : script.getVariables()) {
            String field = String.join(".", path);
            for (int length = path.size(); length > 0; length--) {
                String prefix = String.join(".", path.subList(0, length));
                if (known.contains(prefix)) {
                    field = prefix;
                    break;
                }
            }
            fields.add(field);
        }
        return fields;
    }

    /**
     * By the compiled evaluators when they cover the expression and the row's values, by the interpreter otherwise.
     *
     * @throws IllegalArgumentException saying why the expression could not be evaluated on this row
     */
    public Object evaluate(Map<String, Object> row) {
        if (compiled != null) {
            try {
                return compiled.evaluate(row);
            } catch (CompiledExpression.Uncovered e) {
                // a value outside the compiled rules (a null operand, an overflow, another type): the interpreter's turn
            }
        }
        return evaluate(row, TIME_LIMIT);
    }

    /** The compiled evaluators, or null when the expression is left to the interpreter. */
    CompiledExpression compiled() {
        return compiled;
    }

    /** As {@link #evaluate(Map)}, by JEXL's interpreter (the reference) within the given time. */
    Object evaluate(Map<String, Object> row, Duration limit) {
        Row context = new Row(row, limit.toNanos());
        try {
            Object value = script.execute(context);
            context.check();
            return value;
        } catch (TimeLimitPassed e) {
            throw timeLimitPassed(limit);
        } catch (JexlException e) {
            if (e.getCause() instanceof TimeLimitPassed || e instanceof JexlException.Cancel) {
                throw timeLimitPassed(limit);
            }
            throw new IllegalArgumentException("'" + text + "' failed: " + reason(e));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' failed: " + reason(e));
        }
    }

    private IllegalArgumentException timeLimitPassed(Duration limit) {
        return new IllegalArgumentException("'" + text + "' failed: one evaluation took longer than " + limit.toMillis()
                + " ms, the time limit of an expression");
    }

    public String text() {
        return text;
    }

    /**
     * The row as the expression's context: each read of a field checks the time limit, and past it the evaluation is
     * cancelled (the interpreter looks at the flag between its steps). The clock is read at each check (cheap); the
     * thread's CPU time only once the clock has passed the limit: from then on, the evaluation has the limit's length
     * of CPU time left.
     */
    private static final class Row implements JexlContext, JexlContext.CancellationHandle {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final Map<String, Object> values;
        private final long limit;
        private final long deadline;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private long cpuDeadline = -1;

        Row(Map<String, Object> values, long limit) {
            this.values = values;
            this.limit = limit;
            this.deadline = System.nanoTime() + limit;
        }

        @Override
        public Object get(String name) {
            check();
            return values.get(name);
        }

        @Override
        public void set(String name, Object value) {
            throw new UnsupportedOperationException("an expression does not change the row");
        }

        @Override
        public boolean has(String name) {
            check();
            return values.containsKey(name);
        }

        @Override
        public AtomicBoolean getCancellation() {
            return cancelled;
        }

        void check() {
            if (System.nanoTime() - deadline > 0 && cpuTimePassed()) {
                cancelled.set(true);
                throw new TimeLimitPassed();
            }
        }

        private boolean cpuTimePassed() {
            long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
            if (cpu < 0) {
                return true;
            }
            if (cpuDeadline < 0) {
                cpuDeadline = cpu + Math.max(0, limit);
                return false;
            }
            return cpu - cpuDeadline >= 0;
        }
    }

    private static final class TimeLimitPassed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TimeLimitPassed() {
            super("the time limit of the evaluation passed", null, false, false);
        }
    }

    /** JEXL's restricted permissions, without the methods of {@link #UNBOUNDED_METHODS}. */
    private static final class BoundedPermissions extends JexlPermissions.Delegate {

        BoundedPermissions() {
            super(JexlPermissions.RESTRICTED);
        }

        @Override
        public boolean allow(Method method) {
            return !UNBOUNDED_METHODS.contains(method.getName()) && super.allow(method);
        }

        @Override
        public boolean allow(Class<?> clazz, Method method) {
            return !UNBOUNDED_METHODS.contains(method.getName()) && super.allow(clazz, method);
        }
    }

    /**
     * Exact decimal arithmetic in which {@code =~} and {@code !~} test membership only: with text or a pattern on
     * their right they would run a regular expression on a row's text, which may backtrack for ever.
     */
    private static final class BoundedArithmetic extends JexlArithmetic {

        BoundedArithmetic() {
            super(true, MATH_CONTEXT, MATH_SCALE);
        }

        @Override
        public Boolean contains(Object container, Object value) {
            if (container instanceof CharSequence || container instanceof Pattern) {
                throw new ArithmeticException("=~ and !~ test whether a value is in a list or a set, such as "
                        + "region =~ ['East', 'West']; regular expressions are not run on a row's values");
            }
            return super.contains(container, value);
        }
    }

    private static String reason(Exception e) {
        String message = e instanceof JexlException jexl ? jexl.getMessage() : String.valueOf(e.getMessage());
        int detail = message.lastIndexOf('@');
        return detail >= 0 ? message.substring(detail) : message;
    }
}
