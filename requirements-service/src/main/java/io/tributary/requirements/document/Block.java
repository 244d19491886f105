package io.tributary.requirements.document;

import java.util.List;

/** A part of a document, rendered alike as Markdown and as HTML. */
public sealed interface Block {

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** The read-back, quoted as the stakeholder reads it. */
    record Quote(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }
}
