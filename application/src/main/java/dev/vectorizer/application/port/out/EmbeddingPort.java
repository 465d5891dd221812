package dev.vectorizer.application.port.out;

import java.util.List;

/** An in-process text embedding model. */
public interface EmbeddingPort {

    /** The model's name as collections refer to it, e.g. {@code all-minilm-l6-v2}. */
    String model();

    int dimension();

    /** Embeddings of the texts, in order, computed in batches (not one model call per text). */
    List<float[]> embed(List<String> texts);
}
