package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;
import java.util.Set;

/** What a verified bearer token (JWT) says: who, for which tenant, with which groups. */
public record TokenClaims(String subject, Optional<String> tenant, Set<String> groups) {

    public TokenClaims {
        InvalidValueException.require(subject != null && tenant != null && groups != null, "token claims are required");
        groups = Set.copyOf(groups);
    }
}
