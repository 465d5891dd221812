package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Turns the credentials a request presented into the caller it acts for, or refuses. */
public interface AuthenticateQuery {

    /**
     * What a request presented and where it came from, as every inbound adapter reads it: through
     * {@link #fromHeaders}, never by parsing headers itself. The rules (which credential may stand
     * where, what a client address may do) are the authenticator's.
     *
     * <p>HiveHub's signed service calls will be read here too: their {@code x-hivehub-*} headers
     * through the same header lookup, plus the request line and body hash they are signed over.
     *
     * @param bearer the token of {@code Authorization: Bearer <token>} (an API key or a JWT)
     * @param apiKey the value of {@code X-API-Key} (an API key only)
     * @param clientAddress the client's IP address (the TCP peer)
     */
    record Credentials(Optional<String> bearer, Optional<String> apiKey, String clientAddress) {

        public static final String AUTHORIZATION = "Authorization";
        public static final String API_KEY = "X-API-Key";
        private static final String BEARER = "Bearer ";

        public Credentials {
            bearer = bearer.map(String::strip).filter(s -> !s.isEmpty());
            apiKey = apiKey.map(String::strip).filter(s -> !s.isEmpty());
        }

        /**
         * Reads a request's credentials.
         *
         * @param header the value of a request header by (case-insensitive) name, or null if absent
         * @param peerAddress the IP address of the connection's peer
         */
        public static Credentials fromHeaders(UnaryOperator<String> header, String peerAddress) {
            Optional<String> bearer = Optional.ofNullable(header.apply(AUTHORIZATION))
                    .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                    .map(h -> h.substring(BEARER.length()));
            return new Credentials(bearer, Optional.ofNullable(header.apply(API_KEY)), peerAddress);
        }
    }

    /**
     * The authenticated caller. Throws {@link dev.vectorizer.domain.tenant.AuthenticationException}
     * if credentials are missing or invalid, {@link dev.vectorizer.domain.tenant.ForbiddenException}
     * if they are valid but their tenant is suspended (or, in single mode, the client is not local),
     * and {@link dev.vectorizer.domain.tenant.TooManyFailuresException} while the client address is
     * blocked after too many failures.
     */
    Caller authenticate(Credentials credentials);
}
