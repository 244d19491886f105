package io.tributary.transform.pipeline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An expression as a tree of plain Java evaluators, for the shapes pipelines mostly use: the row's fields by their
 * plain name, number, text, boolean and null literals, {@code + - * / %}, unary {@code -} and {@code !}, the six
 * comparisons, {@code && ||}, {@code ?:} and {@code ??}, and parentheses. Anything else in the text (method calls,
 * dotted paths, lists, other operators, comments) leaves the expression to JEXL's interpreter.
 * <p>
 * It computes what the interpreter computes with {@link Expression}'s arithmetic: whole numbers as longs, narrowed to an
 * int when neither operand is a long; decimals rounded to {@link Expression#MATH_SCALE} places, half-even, before each
 * operation, the result within {@link Expression#MATH_CONTEXT}; text joined by {@code +}. It does so only on the values
 * whose rules it follows (integers, longs, decimals, text, booleans and the literals' doubles beside a decimal). On any
 * other value, a null an operator needs, an overflow or a division by zero it throws {@link Uncovered}, and the
 * interpreter evaluates the row instead: its answer, or its failure, is the reference. The tree has no loops and
 * calls no methods of the row's values, so its time is bounded by its size; the interpreter's time limit is not needed.
 */
final class CompiledExpression {

    /** How deeply the compiled tree may nest; a deeper expression stays with the interpreter. */
    static final int MAX_DEPTH = 64;
    /** How many tokens a compiled expression may have: a long chain of operators makes a deep tree too. */
    static final int MAX_TOKENS = 512;

    private static final Uncovered UNCOVERED = new Uncovered();

    private final Node root;

    private CompiledExpression(Node root) {
        this.root = root;
    }

    /**
     * @param variables the fields JEXL's parser found in the text, each a path of one or more names
     * @param literal the value JEXL gives a literal's text (a number, a quoted text, a negated number), or null
     * @return the compiled tree, or null when the text holds something it does not compile
     */
    static CompiledExpression of(String text, Set<List<String>> variables, Function<String, Object> literal) {
        try {
            Parser parser = new Parser(Lexer.tokens(text), literal);
            Node root = parser.parse();
            Set<List<String>> read = new LinkedHashSet<>();
            parser.fields.forEach(field -> read.add(List.of(field)));
            // a word JEXL takes for an operator or a keyword is not a field to it: the two readings differ
            return read.equals(variables) ? new CompiledExpression(root) : null;
        } catch (NotCompiled e) {
            return null;
        }
    }

    /** @throws Uncovered when a value leaves the rules this tree follows: the interpreter then evaluates the row */
    Object evaluate(Map<String, Object> row) {
        return root.evaluate(row);
    }

    /** A value the compiled tree does not follow; thrown without a stack, as it is an answer, not an error. */
    static final class Uncovered extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private Uncovered() {
            super("left to the interpreter", null, false, false);
        }
    }

    private static final class NotCompiled extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotCompiled() {
            super(null, null, false, false);
        }
    }

    /** One evaluator of the tree. */
    sealed interface Node {

        Object evaluate(Map<String, Object> row);
    }

    record Field(String name) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            Object value = row.get(name);
            if (value == null && !row.containsKey(name)) {
                throw UNCOVERED;
            }
            return value;
        }
    }

    record Constant(Object value) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            return value;
        }
    }

    enum Operator {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE,
        REMAINDER
    }

    record Arithmetic(Operator operator, Node left, Node right) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            return Values.arithmetic(operator, left.evaluate(row), right.evaluate(row));
        }
    }

    enum Comparison {
        EQUAL,
        NOT_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL
    }

    record Compare(Comparison comparison, Node left, Node right) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            return Values.compare(comparison, left.evaluate(row), right.evaluate(row));
        }
    }

    record Negate(Node operand) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            Object value = operand.evaluate(row);
            if (value instanceof Integer i) {
                return -i;
            } else if (value instanceof Long l) {
                return -l;
            } else if (value instanceof BigDecimal d) {
                return d.negate();
            } else if (value instanceof Boolean b) {
                return !b;
            }
            throw UNCOVERED;
        }
    }

    record Not(Node operand) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            return !Values.bool(operand.evaluate(row));
        }
    }

    /** {@code &&} when {@code and}, {@code ||} otherwise: the right side is read only when the left does not decide. */
    record Logical(boolean and, Node left, Node right) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            if (Values.bool(left.evaluate(row)) != and) {
                return !and;
            }
            return Values.bool(right.evaluate(row));
        }
    }

    /** {@code condition ? then : otherwise}; a null condition takes the second branch. */
    record Choice(Node condition, Node then, Node otherwise) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            Object test = condition.evaluate(row);
            return test != null && Values.bool(test) ? then.evaluate(row) : otherwise.evaluate(row);
        }
    }

    /** {@code value ?? otherwise}. */
    record Coalesce(Node value, Node otherwise) implements Node {

        @Override
        public Object evaluate(Map<String, Object> row) {
            Object first = value.evaluate(row);
            return first != null ? first : otherwise.evaluate(row);
        }
    }

    /** The interpreter's arithmetic and comparisons on the values the tree follows. */
    static final class Values {

        private static final MathContext MATH = Expression.MATH_CONTEXT;
        private static final int SCALE = Expression.MATH_SCALE;
        private static final RoundingMode ROUNDING = MATH.getRoundingMode();

        private Values() {
        }

        static Object arithmetic(Operator operator, Object left, Object right) {
            if (isWhole(left) && isWhole(right)) {
                long result = whole(operator, ((Number) left).longValue(), ((Number) right).longValue());
                return !(left instanceof Long || right instanceof Long) && (int) result == result
                        ? (Object) (int) result
                        : (Object) result;
            }
            if ((left instanceof BigDecimal || right instanceof BigDecimal) && isDecimal(left) && isDecimal(right)) {
                return decimal(operator, decimal(left), decimal(right));
            }
            if (operator == Operator.ADD && left instanceof String a && right instanceof String b) {
                return a.concat(b);
            }
            throw UNCOVERED;
        }

        private static long whole(Operator operator, long x, long y) {
            try {
                return switch (operator) {
                    case ADD -> Math.addExact(x, y);
                    case SUBTRACT -> Math.subtractExact(x, y);
                    case MULTIPLY -> Math.multiplyExact(x, y);
                    case DIVIDE -> x / y;
                    case REMAINDER -> x % y;
                };
            } catch (ArithmeticException e) {
                throw UNCOVERED;
            }
        }

        private static BigDecimal decimal(Operator operator, BigDecimal x, BigDecimal y) {
            try {
                return switch (operator) {
                    case ADD -> x.add(y, MATH);
                    case SUBTRACT -> x.subtract(y, MATH);
                    case MULTIPLY -> x.multiply(y, MATH);
                    case DIVIDE -> x.divide(y, MATH);
                    case REMAINDER -> x.remainder(y, MATH);
                };
            } catch (ArithmeticException e) {
                throw UNCOVERED;
            }
        }

        /** A null is equal to null only, and an operand of an ordering the interpreter refuses (strictly). */
        static Boolean compare(Comparison comparison, Object left, Object right) {
            if (comparison == Comparison.EQUAL || comparison == Comparison.NOT_EQUAL) {
                return equal(left, right) == (comparison == Comparison.EQUAL);
            }
            if (left == null || right == null) {
                throw UNCOVERED;
            }
            return switch (comparison) {
                case LESS -> left != right && order(left, right) < 0;
                case LESS_OR_EQUAL -> left == right || order(left, right) <= 0;
                case GREATER -> left != right && order(left, right) > 0;
                default -> left == right || order(left, right) >= 0;
            };
        }

        private static boolean equal(Object left, Object right) {
            if (left == right) {
                return true;
            }
            if (left == null || right == null) {
                return false;
            }
            if (left instanceof Boolean || right instanceof Boolean) {
                return bool(left) == bool(right);
            }
            return order(left, right) == 0;
        }

        private static int order(Object left, Object right) {
            if (left instanceof BigDecimal || right instanceof BigDecimal) {
                if (isDecimal(left) && isDecimal(right)) {
                    return decimal(left).compareTo(decimal(right));
                }
            } else if (isWhole(left) && isWhole(right)) {
                return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
            } else if (left instanceof String a && right instanceof String b) {
                return a.compareTo(b);
            }
            throw UNCOVERED;
        }

        static boolean bool(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw UNCOVERED;
        }

        private static boolean isWhole(Object value) {
            return value instanceof Long || value instanceof Integer;
        }

        private static boolean isDecimal(Object value) {
            return value instanceof BigDecimal || isWhole(value)
                    || value instanceof Double d && !d.isNaN() && !d.isInfinite();
        }

        /** A number as the interpreter makes it a decimal: at the arithmetic's scale, rounded half-even. */
        private static BigDecimal decimal(Object value) {
            BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString(), MATH);
            return decimal.setScale(SCALE, ROUNDING);
        }
    }

    /** The text's tokens, or {@link NotCompiled} for any character or token outside the compiled shapes. */
    private static final class Lexer {

        /** Operators of two characters, then of one; a longer JEXL operator they begin is refused after them. */
        private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "??", "+", "-", "*",
                "/", "%", "<", ">", "!", "?", ":", "(", ")");
        /** What may not follow an operator: it would be another JEXL operator (===, <<, ?:, ?., =~, !~, --, //...). */
        private static final String REFUSED_AFTER_OPERATOR = "=~^$<>.:[*/+-&|";

        private Lexer() {
        }

        static List<Token> tokens(String text) {
            List<Token> tokens = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                if (tokens.size() > MAX_TOKENS) {
                    throw new NotCompiled();
                }
                char c = text.charAt(at);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    at++;
                } else if (c >= '0' && c <= '9') {
                    at = number(text, at, tokens);
                } else if (isNameStart(c)) {
                    at = name(text, at, tokens);
                } else if (c == '\'' || c == '"') {
                    at = quoted(text, at, c, tokens);
                } else {
                    at = operator(text, at, tokens);
                }
            }
            return tokens;
        }

        private static int number(String text, int start, List<Token> tokens) {
            int at = digits(text, start);
            if (at < text.length() - 1 && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
                at = digits(text, at + 1);
            }
            boolean octal = text.charAt(start) == '0' && start + 1 < text.length() && isDigit(text.charAt(start + 1));
            if (octal || !endsToken(text, at)) {
                throw new NotCompiled();
            }
            tokens.add(new Token(Token.NUMBER, text.substring(start, at)));
            return at;
        }

        private static int name(String text, int start, List<Token> tokens) {
            int at = start;
            while (at < text.length() && isNamePart(text.charAt(at))) {
                at++;
            }
            if (!endsToken(text, at)) {
                throw new NotCompiled();
            }
            int next = at;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < text.length() && "([.".indexOf(text.charAt(next)) >= 0) {
                throw new NotCompiled();
            }
            tokens.add(new Token(Token.NAME, text.substring(start, at)));
            return at;
        }

        private static int quoted(String text, int start, char quote, List<Token> tokens) {
            int at = start + 1;
            while (at < text.length() && text.charAt(at) != quote) {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            if (at >= text.length()) {
                throw new NotCompiled();
            }
            tokens.add(new Token(Token.TEXT, text.substring(start, at + 1)));
            return at + 1;
        }

        private static int operator(String text, int start, List<Token> tokens) {
            for (String operator : OPERATORS) {
                if (text.startsWith(operator, start)) {
                    int end = start + operator.length();
                    boolean bracket = operator.equals("(") || operator.equals(")");
                    if (!bracket && end < text.length() && REFUSED_AFTER_OPERATOR.indexOf(text.charAt(end)) >= 0) {
                        throw new NotCompiled();
                    }
                    tokens.add(new Token(operator, operator));
                    return end;
                }
            }
            throw new NotCompiled();
        }

        private static int digits(String text, int at) {
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            return at;
        }

        /** A number or a name ends at the end, a space or an operator's character; a letter, $, @, # or . goes on. */
        private static boolean endsToken(String text, int at) {
            return at >= text.length() || Character.isWhitespace(text.charAt(at))
                    || "=!<>&|?+-*/%:()".indexOf(text.charAt(at)) >= 0;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || isDigit(c);
        }
    }

    private record Token(String kind, String text) {

        static final String NUMBER = "number";
        static final String NAME = "name";
        static final String TEXT = "text";
    }

    /**
     * JEXL's precedence, lowest first: {@code ?: ??}, {@code ||}, {@code &&}, one equality, one comparison, {@code + -},
     * {@code * / %}, unary {@code - !}.
     */
    private static final class Parser {

        private final List<Token> tokens;
        private final Function<String, Object> literal;
        final Set<String> fields = new LinkedHashSet<>();
        private int at;
        private int depth;

        Parser(List<Token> tokens, Function<String, Object> literal) {
            this.tokens = tokens;
            this.literal = literal;
        }

        Node parse() {
            Node node = expression();
            if (at != tokens.size()) {
                throw new NotCompiled();
            }
            return node;
        }

        private Node expression() {
            if (++depth > MAX_DEPTH) {
                throw new NotCompiled();
            }
            Node node = or();
            if (accept("?")) {
                Node then = expression();
                expect(":");
                node = new Choice(node, then, expression());
            } else if (accept("??")) {
                node = new Coalesce(node, expression());
            }
            depth--;
            return node;
        }

        private Node or() {
            Node node = and();
            while (accept("||")) {
                node = new Logical(false, node, and());
            }
            return node;
        }

        private Node and() {
            Node node = equality();
            while (accept("&&")) {
                node = new Logical(true, node, equality());
            }
            return node;
        }

        private Node equality() {
            Node node = relational();
            if (accept("==")) {
                return new Compare(Comparison.EQUAL, node, relational());
            } else if (accept("!=")) {
                return new Compare(Comparison.NOT_EQUAL, node, relational());
            }
            return node;
        }

        private Node relational() {
            Node node = additive();
            for (Comparison comparison : List.of(Comparison.LESS_OR_EQUAL, Comparison.GREATER_OR_EQUAL,
                    Comparison.LESS, Comparison.GREATER)) {
                if (accept(symbol(comparison))) {
                    return new Compare(comparison, node, additive());
                }
            }
            return node;
        }

        private static String symbol(Comparison comparison) {
            return switch (comparison) {
                case LESS -> "<";
                case LESS_OR_EQUAL -> "<=";
                case GREATER -> ">";
                case GREATER_OR_EQUAL -> ">=";
                default -> throw new IllegalArgumentException(comparison.name());
            };
        }

        private Node additive() {
            Node node = multiplicative();
            while (true) {
                if (accept("+")) {
                    node = new Arithmetic(Operator.ADD, node, multiplicative());
                } else if (accept("-")) {
                    node = new Arithmetic(Operator.SUBTRACT, node, multiplicative());
                } else {
                    return node;
                }
            }
        }

        private Node multiplicative() {
            Node node = unary();
            while (true) {
                if (accept("*")) {
                    node = new Arithmetic(Operator.MULTIPLY, node, unary());
                } else if (accept("/")) {
                    node = new Arithmetic(Operator.DIVIDE, node, unary());
                } else if (accept("%")) {
                    node = new Arithmetic(Operator.REMAINDER, node, unary());
                } else {
                    return node;
                }
            }
        }

        private Node unary() {
            if (++depth > MAX_DEPTH) {
                throw new NotCompiled();
            }
            Node node;
            if (accept("-")) {
                // the interpreter keeps a negated number literal as one constant of the literal's type: JEXL makes it
                node = peek(Token.NUMBER) ? new Constant(constant("-" + tokens.get(at++).text())) : new Negate(unary());
            } else if (accept("!")) {
                node = new Not(unary());
            } else {
                node = primary();
            }
            depth--;
            return node;
        }

        private Node primary() {
            if (accept("(")) {
                Node node = expression();
                expect(")");
                return node;
            }
            if (at >= tokens.size()) {
                throw new NotCompiled();
            }
            Token token = tokens.get(at++);
            return switch (token.kind()) {
                case Token.NUMBER, Token.TEXT -> new Constant(constant(token.text()));
                case Token.NAME -> switch (token.text()) {
                    case "true" -> new Constant(Boolean.TRUE);
                    case "false" -> new Constant(Boolean.FALSE);
                    case "null" -> new Constant(null);
                    default -> {
                        fields.add(token.text());
                        yield new Field(token.text());
                    }
                };
                default -> throw new NotCompiled();
            };
        }

        private Object constant(String text) {
            Object value = literal.apply(text);
            if (!(value instanceof Number || value instanceof String)) {
                throw new NotCompiled();
            }
            return value;
        }

        private boolean peek(String kind) {
            return at < tokens.size() && tokens.get(at).kind().equals(kind);
        }

        private boolean accept(String operator) {
            if (peek(operator)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String operator) {
            if (!accept(operator)) {
                throw new NotCompiled();
            }
        }
    }
}
