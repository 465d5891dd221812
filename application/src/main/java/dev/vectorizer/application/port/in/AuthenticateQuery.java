package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.hub.ServiceCallSignature;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Sha256;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Turns the credentials a request presented into the caller it acts for, or refuses. */
public interface AuthenticateQuery {

    /**
     * What a request presented and where it came from, as every inbound adapter reads it: through
     * {@link #fromRequest} (or {@link #fromHeaders} where no signed call can arrive), never by
     * parsing headers itself. The rules (which credential may stand where, which client address
     * counts, what a client address may do, whether a service call is genuine) are the
     * authenticator's.
     *
     * @param bearer the token of {@code Authorization: Bearer <token>} (an API key or a JWT)
     * @param apiKey the value of {@code X-API-Key} (an API key only)
     * @param peerAddress the IP address of the connection's peer (a proxy, if there is one)
     * @param forwardedFor the value of {@code X-Forwarded-For}, believed only from a trusted proxy
     * @param serviceCall what a request claiming to be HiveHub's service call presented
     */
    record Credentials(Optional<String> bearer, Optional<String> apiKey, String peerAddress, Optional<String> forwardedFor,
            Optional<ServiceCallClaim> serviceCall) {

        public static final String AUTHORIZATION = "Authorization";
        public static final String API_KEY = "X-API-Key";
        public static final String FORWARDED_FOR = "X-Forwarded-For";
        public static final String HUB_SERVICE = "x-hivehub-service";
        public static final String HUB_USER_ID = "x-hivehub-user-id";
        public static final String HUB_TIMESTAMP = "x-hivehub-timestamp";
        public static final String HUB_NONCE = "x-hivehub-nonce";
        public static final String HUB_SIGNATURE = "x-hivehub-signature";
        private static final String BEARER = "Bearer ";

        public Credentials {
            bearer = present(bearer);
            apiKey = present(apiKey);
            forwardedFor = present(forwardedFor);
        }

        /** A request with a key or token, straight from its peer. */
        public Credentials(Optional<String> bearer, Optional<String> apiKey, String peerAddress) {
            this(bearer, apiKey, peerAddress, Optional.empty(), Optional.empty());
        }

        /**
         * What a request with an {@code x-hivehub-service} header presented: the secret, the user
         * it acts for, the signature, and what it must be signed over — present only if the request
         * has a timestamp and a nonce and the adapter gave the request line and body.
         */
        public record ServiceCallClaim(String serviceSecret, Optional<String> userId, Optional<String> signature,
                Optional<ServiceCallSignature> signed) {
            public ServiceCallClaim {
                userId = present(userId);
                signature = present(signature);
            }
        }

        /**
         * Reads a request's credentials.
         *
         * @param method the HTTP method as sent
         * @param rawPathAndQuery the request path exactly as sent (not decoded), with {@code ?} and
         *        the raw query string if there is one
         * @param header the value of a request header by (case-insensitive) name, or null if absent
         * @param peerAddress the IP address of the connection's peer
         * @param body the exact bytes of the request body (empty if none); asked for only when the
         *        request is a signed service call, whose signature covers the body's SHA-256
         */
        public static Credentials fromRequest(String method, String rawPathAndQuery, UnaryOperator<String> header, String peerAddress,
                Supplier<byte[]> body) {
            Optional<ServiceCallClaim> serviceCall = present(Optional.ofNullable(header.apply(HUB_SERVICE))).map(secret -> {
                Optional<String> timestamp = present(Optional.ofNullable(header.apply(HUB_TIMESTAMP)));
                Optional<String> nonce = present(Optional.ofNullable(header.apply(HUB_NONCE)));
                Optional<String> signature = present(Optional.ofNullable(header.apply(HUB_SIGNATURE)));
                Optional<ServiceCallSignature> signed = timestamp.isPresent() && nonce.isPresent() && signature.isPresent() && method != null
                        && rawPathAndQuery != null
                        ? Optional.of(new ServiceCallSignature(method, rawPathAndQuery, timestamp.get(), nonce.get(), Sha256.hex(body.get())))
                        : Optional.empty();
                return new ServiceCallClaim(secret, Optional.ofNullable(header.apply(HUB_USER_ID)), signature, signed);
            });
            Optional<String> bearer = Optional.ofNullable(header.apply(AUTHORIZATION))
                    .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                    .map(h -> h.substring(BEARER.length()));
            return new Credentials(bearer, Optional.ofNullable(header.apply(API_KEY)), peerAddress,
                    Optional.ofNullable(header.apply(FORWARDED_FOR)), serviceCall);
        }

        /**
         * Reads a request's credentials without its request line and body: for interfaces that do
         * not take HiveHub's signed calls (such a call then never verifies).
         */
        public static Credentials fromHeaders(UnaryOperator<String> header, String peerAddress) {
            return fromRequest(null, null, header, peerAddress, () -> new byte[0]);
        }

        private static Optional<String> present(Optional<String> value) {
            return value.map(String::strip).filter(s -> !s.isEmpty());
        }
    }

    /**
     * The authenticated caller. Throws {@link dev.vectorizer.domain.tenant.AuthenticationException}
     * if credentials are missing or invalid, {@link dev.vectorizer.domain.tenant.ForbiddenException}
     * if they are valid but their tenant is suspended or the client's address may not use them (or,
     * in single mode, the client is not local), {@link dev.vectorizer.domain.tenant.TooManyFailuresException}
     * while the client address is blocked after too many failures, and
     * {@link dev.vectorizer.domain.hub.HubUnavailableException} in hub mode when HiveHub must
     * decide and cannot.
     */
    Caller authenticate(Credentials credentials);
}
