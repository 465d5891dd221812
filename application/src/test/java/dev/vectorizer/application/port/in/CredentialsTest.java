package dev.vectorizer.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
}
