package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import java.util.Optional;

/** Turns the credentials a request presented into the caller it acts for, or refuses. */
public interface AuthenticateQuery {

    /** What a request presented: the bearer token, the {@code X-API-Key} header. */
    record Credentials(Optional<String> bearer, Optional<String> apiKey) {
    }

    /**
     * The authenticated caller. Throws {@link dev.vectorizer.domain.tenant.AuthenticationException}
     * if credentials are missing or invalid, {@link dev.vectorizer.domain.tenant.ForbiddenException}
     * if they are valid but their tenant is suspended.
     */
    Caller authenticate(Credentials credentials);
}
