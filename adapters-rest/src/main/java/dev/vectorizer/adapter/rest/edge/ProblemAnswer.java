package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.adapter.rest.SecurityHeaders;
import dev.vectorizer.adapter.rest.problem.ErrorType;
import dev.vectorizer.adapter.rest.problem.Problem;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes a problem document the way JAX-RS answers one, from servlet code that runs outside JAX-RS. */
final class ProblemAnswer {

    private ProblemAnswer() {
    }

    /** Answers {@code status} (kept as the container chose it) with the problem of {@code type}. */
    static void write(HttpServletResponse response, int status, ErrorType type, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        SecurityHeaders.VALUES.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer out = response.getWriter()) {
            Json.createWriter(out).writeObject(Json.createObjectBuilder()
                    .add("detail", detail)
                    .add("error_type", type.name())
                    .add("status", status)
                    .add("title", type.title())
                    .add("type", type.typeUri())
                    .build());
        }
    }
}
