package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.ErrorCode;
import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A request refused before any field runs (too deep, too costly, a mutation over GET), with its code. */
final class Refusal extends AbortExecutionException {

    private final ErrorCode code;

    Refusal(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of(ErrorCodes.CODE, code.name());
    }
}
