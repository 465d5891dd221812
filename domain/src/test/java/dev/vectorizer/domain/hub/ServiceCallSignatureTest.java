package dev.vectorizer.domain.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.tenant.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** HiveHub's request signature, and the worked example of docs/HUB_INTEGRATION.md, which this test keeps true. */
class ServiceCallSignatureTest {

    static final SharedSecret EXAMPLE_SECRET = new SharedSecret("example-signing-secret-0123456789abcdef");
    static final String EXAMPLE_BODY = "{\"vector\":[0.1,0.2,0.3],\"limit\":5}";
    static final ServiceCallSignature EXAMPLE = new ServiceCallSignature("POST", "/api/collections/docs/search", "1767225600",
            "3f6c1a52-9d3e-4c5e-8a77-0b1c2d3e4f50", Sha256.hex(EXAMPLE_BODY));
    /** Computed independently: {@code openssl dgst -sha256 -hmac <secret>} over the canonical text. */
    static final String EXAMPLE_SIGNATURE = "bf2385c8fdd9b0e412cf9bd1d4a1658af1dce90b813926d5d8ac827a0c56340c";

    @Test
    void theWorkedExampleSignsAsDocumented() throws Exception {
        assertThat(EXAMPLE.bodySha256()).isEqualTo("55e05d50915ff6056d7e1c4361067959417a85f9e860f34bee02986fcba4da01");
        assertThat(EXAMPLE.canonical()).isEqualTo("POST\n/api/collections/docs/search\n1767225600\n3f6c1a52-9d3e-4c5e-8a77-0b1c2d3e4f50\n"
                + "55e05d50915ff6056d7e1c4361067959417a85f9e860f34bee02986fcba4da01");
        assertThat(EXAMPLE.sign(EXAMPLE_SECRET)).isEqualTo(EXAMPLE_SIGNATURE);

        String doc = Files.readString(Path.of("..", "docs", "HUB_INTEGRATION.md"));
        assertThat(doc).as("the documented example").contains(EXAMPLE_BODY, EXAMPLE.bodySha256(), EXAMPLE_SIGNATURE,
                "example-signing-secret-0123456789abcdef", EXAMPLE.canonical().replace("\n", "\\n"));
    }

    @Test
    void anythingChangedBreaksTheSignature() {
        assertThat(EXAMPLE.isSignedBy(EXAMPLE_SECRET, EXAMPLE_SIGNATURE)).isTrue();
        assertThat(EXAMPLE.isSignedBy(EXAMPLE_SECRET, EXAMPLE_SIGNATURE.toUpperCase())).as("hex in any case").isTrue();
        assertThat(EXAMPLE.isSignedBy(new SharedSecret("another-signing-secret-0123456789abcdef"), EXAMPLE_SIGNATURE)).isFalse();
        for (ServiceCallSignature changed : new ServiceCallSignature[] {
                new ServiceCallSignature("GET", EXAMPLE.pathAndQuery(), EXAMPLE.timestamp(), EXAMPLE.nonce(), EXAMPLE.bodySha256()),
                new ServiceCallSignature("POST", EXAMPLE.pathAndQuery() + "?limit=6", EXAMPLE.timestamp(), EXAMPLE.nonce(), EXAMPLE.bodySha256()),
                new ServiceCallSignature("POST", EXAMPLE.pathAndQuery(), "1767225601", EXAMPLE.nonce(), EXAMPLE.bodySha256()),
                new ServiceCallSignature("POST", EXAMPLE.pathAndQuery(), EXAMPLE.timestamp(), "another-nonce", EXAMPLE.bodySha256()),
                new ServiceCallSignature("POST", EXAMPLE.pathAndQuery(), EXAMPLE.timestamp(), EXAMPLE.nonce(), Sha256.hex(""))}) {
            assertThat(changed.isSignedBy(EXAMPLE_SECRET, EXAMPLE_SIGNATURE)).as(changed.canonical()).isFalse();
        }
        assertThat(EXAMPLE.isSignedBy(EXAMPLE_SECRET, null)).isFalse();
        assertThat(EXAMPLE.isSignedBy(EXAMPLE_SECRET, "")).isFalse();
    }

    @Test
    void secretsAreLongComparedInConstantTimeAndNeverPrinted() {
        assertThatThrownBy(() -> new SharedSecret("short")).isInstanceOf(InvalidValueException.class);
        SharedSecret secret = new SharedSecret("a-service-secret-of-thirty-two-chars!");
        assertThat(secret.matches("a-service-secret-of-thirty-two-chars!")).isTrue();
        assertThat(secret.matches("a-service-secret-of-thirty-two-chars?")).isFalse();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.toString()).doesNotContain("thirty");
    }
}
