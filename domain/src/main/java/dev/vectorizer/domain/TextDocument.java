package dev.vectorizer.domain;

/** Raw text to embed and store; long text becomes several vectors {@code <id>#0}, {@code <id>#1}, ... */
public record TextDocument(String id, String text, Payload payload) {

    public static final int MAX_TEXT_LENGTH = 1_000_000;

    public TextDocument {
        new VectorId(id + "#0"); // the chunk ids must be valid vector ids
        InvalidValueException.require(text != null && !text.isBlank(), "text must not be blank");
        InvalidValueException.require(text.length() <= MAX_TEXT_LENGTH, "text is longer than " + MAX_TEXT_LENGTH + " characters");
        payload = payload == null ? Payload.EMPTY : payload;
    }

    public VectorId chunkId(int n) {
        return new VectorId(id + "#" + n);
    }
}
