package dev.vectorizer.adapter.graphql;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.RetryLater;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.json.DefensiveHeaders;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.Caller;
import graphql.ExecutionResult;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GraphQL over HTTP at {@code /api/graphql}: POST with a JSON body runs queries and mutations, GET
 * with the query string runs queries only. The answer is {@code application/graphql-response+json}
 * or {@code application/json}, as {@code Accept} asks ({@link MediaTypes}); with the former a
 * request that never executed (it did not parse, validate, or pass the limits) is a 400, with the
 * latter it is a 200 whose body says so, as the GraphQL-over-HTTP specification wants.
 *
 * <p>Before any GraphQL is read the request is admitted like every REST request (401, 403,
 * 429 with a GraphQL error body); permissions and tenancy are the use cases' and come back as
 * field errors. Every answer carries the {@link DefensiveHeaders} and is counted in
 * {@code vectorizer_requests} ({@link RequestMetric}). The exact mapping wins over JAX-RS's
 * {@code /*} in the servlet container, so JAX-RS never sees this path.
 */
@WebServlet(urlPatterns = GraphQLServlet.PATH)
public class GraphQLServlet extends HttpServlet {

    static final String PATH = "/api/graphql";
    /** The largest POST body, as for REST. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final long serialVersionUID = 1L;

    @Inject
    transient GraphQLEngine engine;
    @Inject
    transient AdmitRequestQuery admission;
    @Inject
    transient RequestMetric metric;

    /** An answer before it is written: status, headers and the GraphQL response body. */
    private record Answer(int status, MediaTypes type, Map<String, String> headers, Map<String, Object> body) {

        static Answer refused(ErrorType code, MediaTypes type, String message) {
            Map<String, Object> error = Json.object("message", message, "extensions", Map.of(ErrorCodes.CODE, code.name()));
            return new Answer(code.status(), type, Map.of(), Map.of("errors", List.of(error)));
        }

        Answer with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Answer(status, type, more, body);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        Answer answer = answer(request);
        response.setStatus(answer.status());
        DefensiveHeaders.VALUES.forEach(response::setHeader);
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.type().contentType());
        response.getOutputStream().write(Json.writeUtf8(answer.body()));
        metric.record(request.getMethod(), answer.status(), started);
    }

    private Answer answer(HttpServletRequest request) {
        boolean get = "GET".equals(request.getMethod());
        if (!get && !"POST".equals(request.getMethod())) {
            return Answer.refused(ErrorType.METHOD_NOT_ALLOWED, MediaTypes.JSON, request.getMethod() + " is not allowed here; allowed: GET, POST")
                    .with("Allow", "GET, POST");
        }
        Optional<MediaTypes> negotiated = MediaTypes.negotiate(request.getHeader("Accept"));
        if (negotiated.isEmpty()) {
            return Answer.refused(ErrorType.NOT_ACCEPTABLE, MediaTypes.JSON,
                    "answers are " + MediaTypes.GRAPHQL_RESPONSE.contentType() + " or " + MediaTypes.JSON.contentType());
        }
        MediaTypes type = negotiated.get();
        try {
            Caller caller = admit(request);
            if (!get && !MediaTypes.isJson(request.getContentType())) {
                return Answer.refused(ErrorType.UNSUPPORTED_MEDIA_TYPE, type, "a GraphQL POST is application/json (UTF-8)");
            }
            GraphQLRequest graphQLRequest = get ? GraphQLRequest.fromParameters(request::getParameter) : GraphQLRequest.fromBody(body(request));
            return executed(engine.execute(graphQLRequest, caller, get), type);
        } catch (RuntimeException refused) {
            return refused(refused, type);
        }
    }

    /**
     * Who the request acts for, counted against its rate limits: the one admission every interface
     * shares, the one place GraphQL asks. GraphQL takes no signed HiveHub calls.
     */
    private Caller admit(HttpServletRequest request) {
        return admission.admit(AuthenticateQuery.Credentials.fromHeaders(request::getHeader, request.getRemoteAddr())).caller();
    }

    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new InvalidValueException("the request body could not be read");
        }
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException("request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    /** 200 when the operation ran; otherwise 405 for a mutation over GET, else 400 or 200 as the media type says. */
    private static Answer executed(ExecutionResult result, MediaTypes type) {
        boolean mutationOverGet = result.getErrors().stream().anyMatch(e -> ErrorType.METHOD_NOT_ALLOWED.name().equals(ErrorCodes.code(e)));
        int status = mutationOverGet ? 405 : !result.isDataPresent() && type == MediaTypes.GRAPHQL_RESPONSE ? 400 : 200;
        Answer answer = new Answer(status, type, Map.of(), result.toSpecification());
        return mutationOverGet ? answer.with("Allow", "POST") : answer;
    }

    /** A request refused before execution: by authentication, or because it is not a GraphQL request. */
    private static Answer refused(RuntimeException refused, MediaTypes type) {
        ErrorType code = ErrorType.of(refused);
        Answer answer = Answer.refused(code, type, code == ErrorType.INTERNAL_ERROR ? ErrorCodes.logged(refused) : refused.getMessage());
        return switch (refused) {
            case AuthenticationException e -> answer.with("WWW-Authenticate", "Bearer");
            case RetryLater later -> answer.with("Retry-After", String.valueOf(later.retryAfterSeconds()));
            default -> answer;
        };
    }
}
