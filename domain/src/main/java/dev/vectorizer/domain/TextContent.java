package dev.vectorizer.domain;

/**
 * What counts as content in a text that is embedded or searched. The embedding model's tokenizer
 * (BERT's normalisation) drops control, format, surrogate and private-use characters, U+FFFD and,
 * after decomposing, combining marks, and splits on whitespace: a text of only those reaches the
 * model empty, and the model refuses it. So a text has content if it has a code point that is none
 * of those ({@link #hasContent}; the embedding adapter's tests hold this against the real tokenizer,
 * code point by code point). Chunks are trimmed of blanks ({@link #isBlank(char)}: whitespace and
 * control characters), which never splits a surrogate pair or parts a mark from its letter. Every text
 * rule uses these two definitions.
 */
public final class TextContent {

    private TextContent() {
    }

    /** True if {@code c} is blank: whitespace, a space character or a control character. */
    public static boolean isBlank(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** True if {@code text} has a code point the embedding model reads. */
    public static boolean hasContent(CharSequence text) {
        return text.codePoints().anyMatch(TextContent::isContent);
    }

    /** Fails with {@code message} unless {@code text} is present and has content. */
    public static String require(String text, String message) {
        InvalidValueException.require(text != null && hasContent(text), message);
        return text;
    }

    private static boolean isContent(int codePoint) {
        if (codePoint <= ' ' || codePoint == 0xFFFD || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> true;
        };
    }
}
