package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.InvalidValueException;
import java.util.OptionalLong;

/**
 * How much of one limit a tenant uses: for a capacity what it holds (and writes in progress have
 * reserved), for a request rate the requests counted in the current window. {@code max} is empty
 * when the limit is unlimited.
 */
public record LimitUse(Limit limit, OptionalLong max, long used) {

    public LimitUse {
        InvalidValueException.require(limit != null && max != null, "limit is required");
        InvalidValueException.require(used >= 0, "use cannot be negative");
    }

    /** What is left; empty when unlimited, never negative (a lowered limit may be below the use). */
    public OptionalLong remaining() {
        return max.isPresent() ? OptionalLong.of(Math.max(0, max.getAsLong() - used)) : OptionalLong.empty();
    }
}
