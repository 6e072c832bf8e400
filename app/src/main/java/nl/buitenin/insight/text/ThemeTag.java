package nl.buitenin.insight.text;

/**
 * An analyst's verdict on one theme of one text: accepted (the text speaks about the theme) or rejected (it does
 * not). Theme models learn from these next to the taxonomy's example phrases.
 */
public record ThemeTag(String text, String theme, boolean accepted) {
}
