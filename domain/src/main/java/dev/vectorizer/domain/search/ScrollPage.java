package dev.vectorizer.domain.search;

import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import java.util.List;
import java.util.Optional;

/** A page of vectors in id order, and the cursor of the next page if there is one. */
public record ScrollPage(List<Vector> vectors, Optional<VectorId> next) {

    public ScrollPage {
        vectors = List.copyOf(vectors);
    }
}
