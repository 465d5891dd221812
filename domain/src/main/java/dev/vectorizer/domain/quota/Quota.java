package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Limits of a tenant: a plan sets some of them; a limit the plan leaves out falls back to the
 * installation's default ({@link #orElse}); one that is absent there too is unlimited.
 */
public record Quota(Map<Limit, Long> limits) {

    /** A plan that sets nothing: every limit is the installation's default. */
    public static final Quota NONE = new Quota(Map.of());

    public Quota {
        InvalidValueException.require(limits != null, "limits are required");
        Map<Limit, Long> copy = new EnumMap<>(Limit.class);
        limits.forEach((limit, value) -> {
            InvalidValueException.require(limit != null && value != null, "a limit and its value are required");
            long least = limit.isRate() ? 1 : 0;
            InvalidValueException.require(value >= least, limit.wireName() + " must be at least " + least + ", got " + value);
            copy.put(limit, value);
        });
        limits = Collections.unmodifiableMap(copy);
    }

    /** The value of {@code limit}, empty if unset. */
    public OptionalLong limit(Limit limit) {
        Long value = limits.get(limit);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** This plan, each limit it leaves out taken from {@code defaults}. */
    public Quota orElse(Quota defaults) {
        Map<Limit, Long> merged = new EnumMap<>(Limit.class);
        merged.putAll(defaults.limits);
        merged.putAll(limits);
        return new Quota(merged);
    }
}
