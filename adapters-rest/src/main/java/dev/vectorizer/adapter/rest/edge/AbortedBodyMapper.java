package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.adapter.rest.problem.Problem;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that breaks off (the client closed or reset the connection before sending the
 * length it declared) is the client's doing, not a bug: 400, logged at FINE, instead of a 500 with
 * a SEVERE stack trace that any client could repeat at will. Every other {@link ProcessingException}
 * goes to the mapper of unexpected errors.
 */
@Provider
public class AbortedBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(AbortedBodyMapper.class.getName());

    @Context
    Providers providers;

    @Override
    public Response toResponse(ProcessingException exception) {
        if (exception.getCause() instanceof IOException broken) {
            LOG.log(Level.FINE, "request body broke off", broken);
            return Problem.of(ErrorType.VALIDATION_ERROR, "The request body ended before its declared length.").build();
        }
        return providers.getExceptionMapper(Throwable.class).toResponse(exception);
    }
}
