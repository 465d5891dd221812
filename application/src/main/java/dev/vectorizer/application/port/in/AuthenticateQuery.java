package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import java.util.Optional;

/** Turns the credentials a request presented into the caller it acts for, or refuses. */
public interface AuthenticateQuery {

    /** What a request presented (the bearer token, the {@code X-API-Key} header) and where it came from. */
    record Credentials(Optional<String> bearer, Optional<String> apiKey, String clientAddress) {
    }

    /**
     * The authenticated caller. Throws {@link dev.vectorizer.domain.tenant.AuthenticationException}
     * if credentials are missing or invalid, {@link dev.vectorizer.domain.tenant.ForbiddenException}
     * if they are valid but their tenant is suspended, and
     * {@link dev.vectorizer.domain.tenant.TooManyFailuresException} while the client address or the
     * key is blocked after too many failures.
     */
    Caller authenticate(Credentials credentials);
}
