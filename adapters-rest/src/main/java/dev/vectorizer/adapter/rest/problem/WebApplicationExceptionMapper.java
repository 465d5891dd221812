package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the runtime's HTTP errors (unknown route, wrong method, wrong media type...) into problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (Problem.is(original)) {
            return original;
        }
        int status = original.getStatus();
        ErrorType type = ErrorType.forStatus(status);
        String detail = switch (exception) {
            case NotFoundException e -> "No resource at " + request.getMethod() + " /" + uri.getPath().replaceFirst("^/", "");
            case NotAllowedException e -> request.getMethod() + " is not allowed here; allowed: " + original.getAllowedMethods();
            default -> type == ErrorType.INTERNAL_ERROR ? "The server could not complete the request." : type.title();
        };
        // the document states the status answered, which differs from the type's own for e.g. a 414
        Response.ResponseBuilder answer = Problem.answer(status, type.problem(detail, status));
        if (status == 405) {
            answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }
}
