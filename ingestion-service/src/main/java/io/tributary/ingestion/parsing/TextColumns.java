package io.tributary.ingestion.parsing;

/**
 * What a PostgreSQL text column (or a {@code jsonb} string) can hold: any text but U+0000, and but half a surrogate pair
 * without its other half, which is not a character. Decoded bytes never make the latter; a JSON escape
 * ({@code \ud800}) can, and a JSON escape or a zero byte makes the former.
 */
public final class TextColumns {

    private TextColumns() {
    }

    /**
     * Where the text holds a character no text column can hold: U+0000, or half of a surrogate pair without the other
     * half (which only a JSON escape such as {@code \ud800} can make); -1 when it holds none.
     */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The text with each character no text column can hold written as its JSON escape ({@code \u0000},
     * {@code \ud800}): how the quarantine and the catalog show such text. The same text when it has none.
     */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        int at = firstUnstorable(text);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 12).append(text, 0, at);
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || (Character.isSurrogate(c) && !paired(text, i))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) {
                    out.append(text.charAt(++i));
                }
            }
        }
        return out.toString();
    }

    private static boolean paired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
