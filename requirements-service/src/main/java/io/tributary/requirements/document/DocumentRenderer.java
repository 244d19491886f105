package io.tributary.requirements.document;

import java.util.List;
import java.util.stream.Collectors;

/** Renders a document's blocks as Markdown or as a standalone HTML page, escaping what each format needs. */
public final class DocumentRenderer {

    private DocumentRenderer() {
    }

    public static String markdown(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(md(h.text())).append("\n\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append(md(p.text())).append("\n\n");
            } else if (block instanceof Block.Quote q) {
                out.append("> ").append(md(q.text())).append("\n\n");
            } else if (block instanceof Block.Bullets b) {
                b.items().forEach(item -> out.append("- ").append(md(item)).append('\n'));
                out.append('\n');
            } else if (block instanceof Block.Table t) {
                out.append(row(t.header())).append(t.header().stream().map(c -> "---")
                        .collect(Collectors.joining(" | ", "| ", " |\n")));
                t.rows().forEach(r -> out.append(row(r)));
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static String html(String title, List<Block> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(html(title)).append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem "
                        + "auto;line-height:1.4}blockquote{border-left:4px solid #4a7;margin:0;padding:.2rem 1rem;"
                        + "background:#f4faf6}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:"
                        + ".2rem .5rem;text-align:left}</style></head><body>\n");
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                out.append("<h").append(h.level()).append('>').append(html(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(html(p.text())).append("</p>\n");
            } else if (block instanceof Block.Quote q) {
                out.append("<blockquote>").append(html(q.text())).append("</blockquote>\n");
            } else if (block instanceof Block.Bullets b) {
                out.append("<ul>");
                b.items().forEach(item -> out.append("<li>").append(html(item)).append("</li>"));
                out.append("</ul>\n");
            } else if (block instanceof Block.Table t) {
                out.append("<table><tr>");
                t.header().forEach(c -> out.append("<th>").append(html(c)).append("</th>"));
                out.append("</tr>");
                for (List<String> r : t.rows()) {
                    out.append("<tr>");
                    r.forEach(c -> out.append("<td>").append(html(c)).append("</td>"));
                    out.append("</tr>");
                }
                out.append("</table>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> md(c).replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Markdown's own characters in text are escaped, so a statement cannot change the document's structure. */
    static String md(String text) {
        String flat = text == null ? "" : text.replace("\r", " ").replace("\n", " ");
        StringBuilder out = new StringBuilder();
        for (char c : flat.toCharArray()) {
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String html(String text) {
        return (text == null ? "" : text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
