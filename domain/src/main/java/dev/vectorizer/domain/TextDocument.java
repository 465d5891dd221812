package dev.vectorizer.domain;

/**
 * Raw text to embed and store; long text becomes several vectors {@code <id>#0}, {@code <id>#1}, ...
 * The id is a vector id short enough to take the suffix of any chunk ({@code #999} at most, as a
 * batch has at most a thousand vectors).
 */
public record TextDocument(String id, String text, Payload payload) {

    public static final int MAX_TEXT_LENGTH = 1_000_000;
    public static final int MAX_ID_LENGTH = VectorId.MAX_LENGTH - "#999".length();

    public TextDocument {
        new VectorId(id); // not empty, no control characters
        InvalidValueException.require(id.length() <= MAX_ID_LENGTH, "document id is longer than " + MAX_ID_LENGTH + " characters");
        TextContent.require(text, "text must not be blank");
        InvalidValueException.require(text.length() <= MAX_TEXT_LENGTH, "text is longer than " + MAX_TEXT_LENGTH + " characters");
        payload = payload == null ? Payload.EMPTY : payload;
    }

    public VectorId chunkId(int n) {
        return new VectorId(id + "#" + n);
    }
}
