package dev.vectorizer.domain.quota;

import java.util.OptionalLong;

/**
 * The control plane's answer to a {@link QuotaCheck}: allowed or not, and, when it says, how much
 * the limit is and how much of it remains.
 */
public record QuotaDecision(boolean allowed, OptionalLong limit, OptionalLong remaining) {

    public static final QuotaDecision ALLOWED = new QuotaDecision(true, OptionalLong.empty(), OptionalLong.empty());

    /** The refusal as the exception a refused write ends with. */
    public QuotaExceededException refusal(QuotaCheck check) {
        long max = limit.orElse(0);
        long used = remaining.isPresent() ? Math.max(0, max - remaining.getAsLong()) : max;
        return new QuotaExceededException(check.operation().limit(), max, used, check.estimatedSize());
    }
}
