package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything not mapped elsewhere is a bug: log it with an incident id and answer 500 with only that
 * id, never the exception's text or stack.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
        return Problem.of(ErrorType.INTERNAL_ERROR, "Unexpected error; incident " + incident + " is in the server log.").toResponse();
    }
}
