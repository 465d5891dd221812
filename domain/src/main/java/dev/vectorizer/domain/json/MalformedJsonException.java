package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;

/**
 * Text that is not JSON as {@link Json#parse} accepts it (or a document that is not the object a
 * request must be). The message says where, as line and column of the text.
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

    /** A problem at byte {@code offset} of a UTF-8 text, told as line and column (in characters). */
    static MalformedJsonException at(byte[] text, int offset, String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text[i] == '\n') {
                line++;
                column = 1;
            } else if ((text[i] & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                column++;
            }
        }
        return new MalformedJsonException("malformed JSON at line " + line + ", column " + column + ": " + problem, offset);
    }

    /** Where the problem is, in bytes into the UTF-8 text; -1 if nowhere in particular. */
    public int offset() {
        return offset;
    }
}
