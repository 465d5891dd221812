package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.RefusalJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * REST's answers with an RFC 9457 problem document (extended with {@code error_type}): the
 * documents are the domain's ({@link ErrorType#problem}, {@link RefusalJson#problem}), written by
 * {@code JsonTreeWriter} as every other interface writes them.
 */
public final class Problem {

    public static final String MEDIA_TYPE = RefusalJson.PROBLEM_MEDIA_TYPE;
    private static final MediaType PROBLEM = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    /** The answer with the status and problem document of {@code type}. */
    public static Response.ResponseBuilder of(ErrorType type, String detail) {
        return answer(type.status(), type.problem(detail));
    }

    /** Whether {@code answer} is a problem answer already. */
    static boolean is(Response answer) {
        return PROBLEM.isCompatible(answer.getMediaType());
    }

    static Response.ResponseBuilder answer(int status, Map<String, Object> problem) {
        return Response.status(status).type(PROBLEM).entity(problem);
    }
}
