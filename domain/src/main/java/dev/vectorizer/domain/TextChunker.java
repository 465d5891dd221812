package dev.vectorizer.domain;

import java.util.List;

/** Placeholder until the real chunker lands (branch embed). */
public final class TextChunker {

    public List<String> chunk(String text) {
        return List.of(text.strip());
    }
}
