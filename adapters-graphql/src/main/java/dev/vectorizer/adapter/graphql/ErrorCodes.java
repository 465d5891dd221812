package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.RefusalJson;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * Gives every error of an answer its {@code extensions.code}, the REST API's {@code error_type}
 * names ({@link ErrorType}): a resolver's exception by the domain's mapping, with its message (an
 * unexpected one is logged with an incident id, which is all the client sees) and what else the
 * refusal says ({@link RefusalJson}: a quota's figures, {@code retry_after}), and graphql-java's
 * own errors by their kind — a document that does not parse or validate, or that a limit refuses
 * (also graphql-java's own bounds on introspection), is a {@code VALIDATION_ERROR}; introspection
 * switched off is {@code FORBIDDEN}. Clients get {@code message}, {@code locations}, {@code path}
 * and {@code extensions}; graphql-java's classification stays inside.
 */
final class ErrorCodes implements DataFetcherExceptionHandler {

    static final String CODE = "code";
    private static final Logger LOG = Logger.getLogger(ErrorCodes.class.getName());

    /** An error as clients see it. */
    private record CodedError(String message, List<SourceLocation> locations, List<Object> path, ErrorClassification kind,
            Map<String, Object> extensions) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public ErrorClassification getErrorType() {
            return kind;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                error.put("locations", locations.stream().map(at -> Json.object("line", at.getLine(), "column", at.getColumn())).toList());
            }
            if (path != null) {
                error.put("path", path);
            }
            error.put("extensions", extensions);
            return error;
        }
    }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters failure) {
        Throwable exception = failure.getException() instanceof CompletionException wrapper && wrapper.getCause() != null
                ? wrapper.getCause() : failure.getException();
        GraphQLError error = new CodedError(detail(exception),
                failure.getSourceLocation() == null ? List.of() : List.of(failure.getSourceLocation()), failure.getPath().toList(),
                graphql.ErrorType.DataFetchingException, extensions(ErrorType.of(exception), RefusalJson.members(exception)));
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    /** The answer with a code on each error. */
    static ExecutionResult coded(ExecutionResult result) {
        if (result.getErrors().stream().allMatch(CodedError.class::isInstance)) {
            return result;
        }
        return result.transform(answer -> answer.errors(result.getErrors().stream().map(ErrorCodes::coded).toList()));
    }

    /** The code an error carries, or null. */
    static String code(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get(CODE) instanceof String code ? code : null;
    }

    /** The seconds after which a retry may succeed, if the error says ({@code extensions.retry_after}). */
    static OptionalLong retryAfter(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get(RefusalJson.RETRY_AFTER) instanceof Number seconds
                ? OptionalLong.of(seconds.longValue()) : OptionalLong.empty();
    }

    /** The {@code extensions} of an error of {@code code}: the code, then what else the refusal says. */
    static Map<String, Object> extensions(ErrorType code, Map<String, Object> members) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(CODE, code.name());
        extensions.putAll(members);
        return extensions;
    }

    /** The message a client gets for {@code refusal} ({@link RefusalJson#detail}: an incident id for a bug). */
    static String detail(Throwable refusal) {
        return RefusalJson.detail(refusal, LOG, "GraphQL");
    }

    private static GraphQLError coded(GraphQLError error) {
        if (error instanceof CodedError) {
            return error;
        }
        Map<String, Object> extensions = error.getExtensions() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(error.getExtensions());
        extensions.putIfAbsent(CODE, of(error.getErrorType()).name());
        String message = ErrorType.INTERNAL_ERROR.name().equals(extensions.get(CODE))
                ? RefusalJson.incident(new IllegalStateException(error.getMessage()), LOG, "GraphQL")
                : error.getMessage();
        return new CodedError(message, error.getLocations(), error.getPath(), error.getErrorType(), extensions);
    }

    private static ErrorType of(ErrorClassification kind) {
        if (kind instanceof graphql.ErrorType type) {
            return switch (type) {
                case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> ErrorType.VALIDATION_ERROR;
                case DataFetchingException, NullValueInNonNullableField -> ErrorType.INTERNAL_ERROR;
            };
        }
        return switch (String.valueOf(kind)) {
            case "BadFaithIntrospection" -> ErrorType.VALIDATION_ERROR;
            case "IntrospectionDisabled" -> ErrorType.FORBIDDEN;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }
}
