package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.WebApplicationException;

/** Ends a request with a problem answer of the given type. */
public class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ProblemException(ErrorType type, String detail) {
        super(detail, Problem.of(type, detail).build());
    }
}
