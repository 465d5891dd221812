package dev.vectorizer.domain;

/**
 * What counts as content in a text that is embedded or searched: a character that is neither
 * whitespace nor a control character. The embedding model ignores the rest (it trims everything up
 * to U+0020), so a text of only those would reach it empty; every text rule uses this one definition.
 */
public final class TextContent {

    private TextContent() {
    }

    /** True if {@code c} carries no content: whitespace, a space character or a control character. */
    public static boolean isBlank(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** True if {@code text} has no content character. */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Fails with {@code message} unless {@code text} is present and has content. */
    public static String require(String text, String message) {
        InvalidValueException.require(text != null && !isBlank(text), message);
        return text;
    }
}
