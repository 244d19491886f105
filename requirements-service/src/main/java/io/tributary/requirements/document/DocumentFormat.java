package io.tributary.requirements.document;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

/** Markdown, unless HTML is asked for by {@code ?format=html} or by the Accept header. */
public enum DocumentFormat {
    MARKDOWN_TEXT,
    HTML;

    public static final String MARKDOWN = "text/markdown";

    public static DocumentFormat of(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) {
            return format.strip().toLowerCase(Locale.ROOT).startsWith("htm") ? HTML : MARKDOWN_TEXT;
        }
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.valueOf(MARKDOWN)) && !type.isWildcardType()) {
                return MARKDOWN_TEXT;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return HTML;
            }
        }
        return MARKDOWN_TEXT;
    }

    public String mediaType() {
        return this == HTML ? MediaType.TEXT_HTML + ";charset=UTF-8" : MARKDOWN + ";charset=UTF-8";
    }

    public String render(DocumentService.Document document) {
        return this == HTML
                ? DocumentRenderer.html(document.title(), document.blocks())
                : DocumentRenderer.markdown(document.blocks());
    }
}
