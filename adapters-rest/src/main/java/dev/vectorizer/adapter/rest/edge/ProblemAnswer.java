package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.adapter.rest.problem.Problem;
import dev.vectorizer.domain.json.DefensiveHeaders;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem document the way JAX-RS answers one, from servlet code that runs outside JAX-RS. */
final class ProblemAnswer {

    private static final int NOT_IMPLEMENTED = 501;

    private ProblemAnswer() {
    }

    /**
     * Answers a request the container refused with {@code status} (and perhaps a {@code message} of
     * its own) as a problem. An unknown method, which a servlet refuses with 501, is a 405 as it is
     * on every JAX-RS route: the client's mistake, not the server's.
     */
    static void refusal(HttpServletResponse response, int status, String route, String message) throws IOException {
        int answered = status == NOT_IMPLEMENTED ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : status;
        ErrorType type = ErrorType.forStatus(answered);
        String detail = answered >= 500 ? "The server could not complete " + route + "."
                : type.title() + ": " + route + (message == null || message.isBlank() ? "" : " (" + message + ")");
        write(response, answered, type, detail);
    }

    /** Answers {@code status} with the problem of {@code type}. */
    static void write(HttpServletResponse response, int status, ErrorType type, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        DefensiveHeaders.VALUES.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.write(type.problem(detail, status)));
        response.flushBuffer(); // committed: nothing after us may replace it (the container's HTML report, for HEAD)
    }
}
