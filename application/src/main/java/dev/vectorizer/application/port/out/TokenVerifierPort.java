package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.tenant.TokenClaims;
import java.util.Optional;

/** Verifies bearer tokens (JWTs) against the installation's configured issuer and key. */
public interface TokenVerifierPort {

    /**
     * The claims of {@code token} if its signature, issuer, audience and validity period check out
     * and it names its subject; empty for any other token, and always empty when no token
     * verification is configured. Whether the token may be used (its tenant, its lifetime) is the
     * authenticator's to decide.
     */
    Optional<TokenClaims> verify(String token);
}
