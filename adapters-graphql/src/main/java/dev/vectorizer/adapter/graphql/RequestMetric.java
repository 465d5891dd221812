package dev.vectorizer.adapter.graphql;

import dev.vectorizer.application.port.in.RecordAnswerUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Records GraphQL answers like every API answer ({@link RecordAnswerUseCase}: the metric
 * {@code vectorizer_requests{operation,status}}), as operation {@code GraphQLServlet.get} or
 * {@code .post} ({@code unmatched} for other methods).
 */
@Dependent
class RequestMetric {

    private final RecordAnswerUseCase answers;

    @Inject
    RequestMetric(RecordAnswerUseCase answers) {
        this.answers = answers;
    }

    void record(String method, int status, long startedNanos) {
        String operation = switch (method) {
            case "GET" -> "GraphQLServlet.get";
            case "POST" -> "GraphQLServlet.post";
            default -> "unmatched";
        };
        answers.answered(operation, status, Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
