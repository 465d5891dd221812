package dev.vectorizer.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How every inbound adapter reads a request's credentials from its headers. */
class CredentialsTest {

    private static Credentials read(Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return Credentials.fromHeaders(caseInsensitive::get, "192.0.2.7");
    }

    @Test
    void aBearerTokenIsTheAuthorizationHeaderAfterItsScheme() {
        assertThat(read(Map.of("Authorization", "Bearer hh_live_abc")).bearer()).contains("hh_live_abc");
        assertThat(read(Map.of("authorization", "bearer   eyJ.x.y  ")).bearer()).as("scheme ignoring case, value stripped").contains("eyJ.x.y");
        assertThat(read(Map.of("Authorization", "Basic dXNlcjpwYXNz")).bearer()).as("another scheme is no credential").isEmpty();
        assertThat(read(Map.of("Authorization", "Bearer ")).bearer()).isEmpty();
        assertThat(read(Map.of("Authorization", "Bearerhh_live_abc")).bearer()).isEmpty();
    }

    @Test
    void theApiKeyHeaderIsTakenAsItIs() {
        Credentials both = read(Map.of("x-api-key", " hh_live_k ", "Authorization", "Bearer t"));
        assertThat(both.apiKey()).contains("hh_live_k");
        assertThat(both.bearer()).contains("t");
        assertThat(read(Map.of("X-API-Key", "   ")).apiKey()).isEmpty();
    }

    @Test
    void noHeadersNoCredentialsAndThePeerIsTheClient() {
        assertThat(read(Map.of())).isEqualTo(new Credentials(Optional.empty(), Optional.empty(), "192.0.2.7"));
    }

    @Test
    void aServiceCallIsReadWithWhatItIsSignedOverAndTheBodyOnlyThen() {
        AtomicInteger bodyReads = new AtomicInteger();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(Map.of("X-HiveHub-Service", "s3cret", "x-hivehub-user-id", "acme", "x-hivehub-timestamp", "1767225600",
                "x-hivehub-nonce", "n-0001", "x-hivehub-signature", "ab12", "X-Forwarded-For", "198.51.100.1, 10.0.0.2"));
        Credentials signed = Credentials.fromRequest("POST", "/api/collections/a%2Fb/search?x=1", headers::get, "10.0.0.1", () -> {
            bodyReads.incrementAndGet();
            return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });

        assertThat(bodyReads).hasValue(1);
        assertThat(signed.forwardedFor()).contains("198.51.100.1, 10.0.0.2");
        var claim = signed.serviceCall().orElseThrow();
        assertThat(claim.serviceSecret()).isEqualTo("s3cret");
        assertThat(claim.userId()).contains("acme");
        assertThat(claim.signed().orElseThrow().canonical())
                .isEqualTo("POST\n/api/collections/a%2Fb/search?x=1\n1767225600\nn-0001\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");

        headers.remove("x-hivehub-signature");
        Credentials unsigned = Credentials.fromRequest("POST", "/api/collections", headers::get, "10.0.0.1", () -> {
            bodyReads.incrementAndGet();
            return new byte[0];
        });
        assertThat(bodyReads).as("no signature: the body is not read").hasValue(1);
        assertThat(unsigned.serviceCall().orElseThrow().signed()).isEmpty();
        assertThat(read(Map.of("Authorization", "Bearer k")).serviceCall()).isEmpty();
    }
}
