package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;

/**
 * Text that is not JSON as {@link Json#parse} accepts it (or a document that is not the object a
 * request must be). The message says where: line and column of the text, or the byte offset for
 * bytes that are not UTF-8.
 */
public final class MalformedJsonException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    private MalformedJsonException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** A well-formed document of the wrong kind, e.g. an array where an object is expected. */
    public MalformedJsonException(String message) {
        this(message, -1);
    }

    static MalformedJsonException at(char[] text, int offset, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new MalformedJsonException("malformed JSON at line " + line + ", column " + (offset - lineStart + 1) + ": " + problem, offset);
    }

    static MalformedJsonException atByte(int offset, String problem) {
        return new MalformedJsonException("malformed JSON at byte " + offset + ": " + problem, offset);
    }

    /** Where the problem is (characters into the text, or bytes for bad UTF-8); -1 if nowhere in particular. */
    public int offset() {
        return offset;
    }
}
