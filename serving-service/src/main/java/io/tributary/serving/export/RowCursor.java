package io.tributary.serving.export;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The cursor of a page of curated rows: the key of the last row of the page before, which the next page starts after
 * (keyset pagination, decision 0049). Opaque to callers: base64url of a version mark and the key, so that its form
 * may change without breaking the cursors callers hold as long as the mark is read.
 */
public final class RowCursor {

    /** The query parameter that carries a cursor. */
    public static final String PARAMETER = "cursor";
    /** The longest cursor read; a key of a curated table is far shorter. */
    static final int MAX_LENGTH = 4096;

    private static final String MARK = "k1:";

    private RowCursor() {
    }

    /** The cursor of the page that starts after the row of this key. */
    public static String after(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARK + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key a cursor starts after.
     *
     * @return null when the cursor is absent (the first page), or when it is not one this service gave, with the
     *         problem added
     */
    public static String key(String cursor, List<String> problems) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String problem = "query parameter '" + PARAMETER + "': '" + abbreviated(cursor)
                + "' is not a cursor this service gave; use the 'next' of the previous page, or none for the first";
        if (cursor.length() > MAX_LENGTH) {
            problems.add(problem);
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith(MARK) && text.indexOf('\0') < 0) {
                return text.substring(MARK.length());
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // not base64url, or not UTF-8: named below
        }
        problems.add(problem);
        return null;
    }

    private static String abbreviated(String cursor) {
        return cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "…";
    }
}
