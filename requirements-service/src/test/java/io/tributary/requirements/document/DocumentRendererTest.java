package io.tributary.requirements.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private final List<Block> blocks = List.of(new Block.Heading(1, "Requirements: <sales>"),
            new Block.Quote("Marketing needs sales *by region*"),
            new Block.Table(List.of("Name", "Team"), List.of(List.of("Dana | Reyes", "Marketing"))),
            new Block.Bullets(List.of("Live status: MET")));

    @Test
    void rendersMarkdownEscapingItsOwnCharacters() {
        assertEquals("# Requirements: \\<sales\\>\n\n> Marketing needs sales \\*by region\\*\n\n| Name | Team |\n"
                + "| --- | --- |\n| Dana \\| Reyes | Marketing |\n\n- Live status: MET\n\n", DocumentRenderer.markdown(blocks));
    }

    @Test
    void rendersAnHtmlPageEscapingText() {
        String html = DocumentRenderer.html("R & D", blocks);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>R &amp; D</title>"), html);
        assertTrue(html.contains("<h1>Requirements: &lt;sales&gt;</h1>"), html);
        assertTrue(html.contains("<td>Dana | Reyes</td>"), html);
    }
}
