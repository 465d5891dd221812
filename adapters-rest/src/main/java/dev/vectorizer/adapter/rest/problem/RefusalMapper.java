package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.RefusalJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Answers every exception a resource throws (but the runtime's own, {@link WebApplicationExceptionMapper})
 * as every interface answers it: the status and problem document of its {@link ErrorType#of error type}
 * ({@link RefusalJson#problem}: a quota's figures too), with the {@link RefusalJson#headers headers} it
 * calls for ({@code WWW-Authenticate} on a 401, {@code Retry-After}, an exhausted rate limit's
 * {@code RateLimit-*}). Anything the domain does not name is a bug: logged with an incident id,
 * answered 500 with only that id, never the exception's text or stack.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(RefusalMapper.class.getName());

    @Override
    public Response toResponse(Throwable refusal) {
        Response.ResponseBuilder answer = Problem.answer(ErrorType.of(refusal).status(),
                RefusalJson.problem(refusal, RefusalJson.detail(refusal, LOG, "a REST request")));
        RefusalJson.headers(refusal).forEach(answer::header);
        return answer.build();
    }
}
