package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;

/** A search as a caller asks for it: by a vector, or by text that is embedded first. */
public record SearchRequest(Target target, int limit, int ef, Optional<Filter> filter, boolean withPayload, boolean withVector) {

    /** What to search near. */
    public sealed interface Target {
        record Dense(float[] vector) implements Target {
        }

        record Text(String text) implements Target {
            public Text {
                TextQuery.requireText(text);
            }
        }
    }

    public SearchRequest {
        InvalidValueException.require(target != null, "give either a vector or a text to search for");
        VectorQuery.requireLimit(limit);
        InvalidValueException.require(filter != null, "filter must be present or empty");
    }

    /** The kNN query for a resolved query vector. */
    public VectorQuery toVectorQuery(float[] vector) {
        return new VectorQuery(vector, limit, ef, filter, withPayload, withVector);
    }
}
