package io.tributary.transform.pipeline;

import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * An expression of a pipeline step in JEXL (Apache Commons JEXL 3), restricted to what a row needs: operators, literals,
 * the row's fields (a nested one by its path, {@code customer.id}) and methods of their values. No assignment, loops, object creation or class access, so an
 * expression cannot change anything outside its own result. Arithmetic on decimals is exact (34 significant digits).
 */
public final class Expression {

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
            .permissions(JexlPermissions.RESTRICTED)
            .arithmetic(new JexlArithmetic(true, MathContext.DECIMAL128, 16))
            .features(FEATURES)
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(512)
            .create();

    private final String text;
    private final JexlScript script;

    private Expression(String text, JexlScript script) {
        this.text = text;
        this.script = script;
    }

    /** @throws IllegalArgumentException with the position and reason when the text is not a valid expression */
    public static Expression compile(String text) {
        try {
            return new Expression(text, ENGINE.createScript(text));
        } catch (JexlException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid expression: " + reason(e));
        }
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

    /** @throws IllegalArgumentException saying why the expression could not be evaluated on this row */
    public Object evaluate(Map<String, Object> row) {
        try {
            return script.execute(new MapContext(row));
        } catch (JexlException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' failed: " + reason(e));
        }
    }

    public String text() {
        return text;
    }

    private static String reason(Exception e) {
        String message = e instanceof JexlException jexl ? jexl.getMessage() : String.valueOf(e.getMessage());
        int detail = message.lastIndexOf('@');
        return detail >= 0 ? message.substring(detail) : message;
    }
}
