package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.json.ErrorType;
import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A request refused before any field runs (too deep, too costly, a mutation over GET), with its code. */
final class Refusal extends AbortExecutionException {

    private final ErrorType code;

    Refusal(ErrorType code, String message) {
        super(message);
        this.code = code;
    }

    ErrorType code() {
        return code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return ErrorCodes.extensions(code, Map.of());
    }
}
