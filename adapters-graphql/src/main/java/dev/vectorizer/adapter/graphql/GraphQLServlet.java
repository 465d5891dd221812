package dev.vectorizer.adapter.graphql;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.json.DefensiveHeaders;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonMediaType;
import dev.vectorizer.domain.json.LimitHeaders;
import dev.vectorizer.domain.json.RefusalJson;
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
import java.util.OptionalLong;

/**
 * GraphQL over HTTP at {@code /api/graphql}: POST with a JSON body runs queries and mutations, GET
 * with the query string runs queries only. The answer is {@code application/graphql-response+json}
 * or {@code application/json}, as {@code Accept} asks ({@link MediaTypes}); with the former a
 * request that never executed (it did not parse, validate, or pass the limits) is a 400, with the
 * latter it is a 200 whose body says so, as the GraphQL-over-HTTP specification wants.
 *
 * <p>Before any GraphQL is read the request is admitted like every REST request (401, 403,
 * 429 with a GraphQL error body, {@code Retry-After} when the refusal says when to retry); permissions
 * and tenancy are the use cases' and come back as field errors. Every answer carries the
 * {@link DefensiveHeaders}, an admitted request's answer its caller's rate-limit standing
 * ({@link LimitHeaders}), and each is counted in {@code vectorizer_requests} ({@link RequestMetric}).
 * The exact mapping wins over JAX-RS's {@code /*} in the servlet container, so JAX-RS never sees
 * this path.
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
            return refused(code, type, message, Map.of());
        }

        static Answer refused(ErrorType code, MediaTypes type, String message, Map<String, Object> members) {
            Map<String, Object> error = Json.object("message", message, "extensions", ErrorCodes.extensions(code, members));
            return new Answer(code.status(), type, Map.of(), Map.of("errors", List.of(error)));
        }

        Answer with(String header, String value) {
            return with(Map.of(header, value));
        }

        Answer with(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Answer(status, type, all, body);
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
        AdmitRequestQuery.Admission admission;
        try {
            admission = admit(request);
        } catch (RuntimeException refused) {
            return refused(refused, type);
        }
        Answer answer = admitted(request, admission.caller(), type, get);
        return admission.rateLimit().map(status -> answer.with(LimitHeaders.standing(status))).orElse(answer);
    }

    /** The answer to an admitted request. */
    private Answer admitted(HttpServletRequest request, Caller caller, MediaTypes type, boolean get) {
        try {
            if (!get && !JsonMediaType.isUtf8Json(request.getContentType())) {
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
    private AdmitRequestQuery.Admission admit(HttpServletRequest request) {
        return admission.admit(AuthenticateQuery.Credentials.fromHeaders(request::getHeader, request.getRemoteAddr()));
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

    /**
     * 200 when the operation ran; otherwise 405 for a mutation over GET, else 400 or 200 as the media
     * type says. A field refused for a while ({@code extensions.retry_after}) gives the answer a
     * {@code Retry-After} too: the longest wait of its errors.
     */
    private static Answer executed(ExecutionResult result, MediaTypes type) {
        boolean mutationOverGet = result.getErrors().stream().anyMatch(e -> ErrorType.METHOD_NOT_ALLOWED.name().equals(ErrorCodes.code(e)));
        int status = mutationOverGet ? 405 : !result.isDataPresent() && type == MediaTypes.GRAPHQL_RESPONSE ? 400 : 200;
        Answer answer = new Answer(status, type, Map.of(), result.toSpecification());
        OptionalLong retryAfter = result.getErrors().stream().map(ErrorCodes::retryAfter).flatMapToLong(OptionalLong::stream).max();
        if (retryAfter.isPresent()) {
            answer = answer.with(LimitHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
        }
        return mutationOverGet ? answer.with("Allow", "POST") : answer;
    }

    /**
     * A request refused before execution: by admission (authentication, rate limits; with the
     * refusal's {@link RefusalJson#headers headers} and {@link RefusalJson#members members}), or because it is not a GraphQL request.
     */
    private static Answer refused(RuntimeException refused, MediaTypes type) {
        return Answer.refused(ErrorType.of(refused), type, ErrorCodes.detail(refused), RefusalJson.members(refused))
                .with(RefusalJson.headers(refused));
    }
}
