package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a verified bearer token (JWT) says: who, for which tenant, with which groups, and from
 * when ({@code iat}, if it says) until when ({@code exp}) it is meant to work.
 */
public record TokenClaims(String subject, Optional<String> tenant, Set<String> groups, Optional<Instant> issuedAt, Instant expiresAt) {

    public TokenClaims {
        InvalidValueException.require(subject != null && !subject.isBlank(), "a token must name its subject");
        InvalidValueException.require(tenant != null && groups != null && issuedAt != null && expiresAt != null, "token claims are required");
        groups = Set.copyOf(groups);
    }

    /**
     * How long the token works, counted from when it was issued, or from {@code now} if it does not
     * say or claims a time still to come: a token cannot shorten its lifetime by a future {@code iat}.
     */
    public Duration lifetime(Instant now) {
        Instant from = issuedAt.filter(now::isAfter).orElse(now);
        return Duration.between(from, expiresAt);
    }
}
