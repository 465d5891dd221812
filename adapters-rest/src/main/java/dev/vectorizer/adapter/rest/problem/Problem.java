package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.LimitHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document, extended with {@code error_type}. */
public record Problem(String type, String title, int status, String detail, String errorType) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorType errorType, String detail) {
        return new Problem(errorType.typeUri(), errorType.title(), errorType.status(), detail, errorType.name());
    }

    /** The problem as a response with the right status and media type. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    /** The problem as a response to {@code refusal}, with the {@link LimitHeaders#refusal headers} it calls for ({@code Retry-After}...). */
    public Response toResponse(Throwable refusal) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
        LimitHeaders.refusal(refusal).forEach(answer::header);
        return answer.build();
    }
}
