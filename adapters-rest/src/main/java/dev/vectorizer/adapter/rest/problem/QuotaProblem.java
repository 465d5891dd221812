package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.quota.QuotaExceededException;

/**
 * The problem document of a refused write: a {@link Problem} plus the quota that refused it (a plan
 * limit's name, e.g. {@code max_vectors}), its limit, what is used (held plus writes in progress) and
 * what the write asked for.
 */
public record QuotaProblem(String type, String title, int status, String detail, String errorType, String quota, long limit, long used,
        long requested) {

    static QuotaProblem of(QuotaExceededException refused) {
        Problem problem = Problem.of(ErrorType.QUOTA_EXCEEDED, refused.getMessage());
        return new QuotaProblem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.errorType(),
                refused.quota().wireName(), refused.limit(), refused.used(), refused.requested());
    }
}
