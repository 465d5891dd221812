package dev.vectorizer.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.tenant.TokenClaims;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real RSA and EC keys, real signatures: what verifies and what does not. */
class JwtVerifierTest {

    private static final String ISSUER = "https://issuer.test";
    private static final KeyPair RSA = generate("RSA");
    private static final KeyPair OTHER_RSA = generate("RSA");

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
    }

    private static JwtVerifier verifier(KeyPair keys, Optional<String> audiences) {
        return new JwtVerifier(Optional.of(pem(keys)), Optional.empty(), Optional.of(ISSUER), audiences, "tenant_id");
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").claim("tenant_id", "acme")
                .claim("groups", List.of("READ_WRITE")).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) throws JOSEException {
        boolean ec = keys.getPrivate() instanceof ECPrivateKey;
        JWSSigner signer = ec ? new ECDSASigner((ECPrivateKey) keys.getPrivate()) : new RSASSASigner(keys.getPrivate());
        SignedJWT jwt = new SignedJWT(new JWSHeader(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void aWellSignedTokenYieldsItsClaims() throws Exception {
        Instant issued = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        Instant expires = issued.plusSeconds(300);
        assertThat(verifier(RSA, Optional.empty()).verify(sign(claims().issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build(), RSA)))
                .contains(new TokenClaims("alice", Optional.of("acme"), Set.of("READ_WRITE"), Optional.of(issued), expires));
    }

    @Test
    void aTokenNamesItsSubjectBySubOrUpn() throws Exception {
        JwtVerifier verifier = verifier(RSA, Optional.empty());
        assertThat(verifier.verify(sign(claims().subject(null).claim("upn", "bob@example.com").build(), RSA)))
                .hasValueSatisfying(c -> assertThat(c.subject()).isEqualTo("bob@example.com"));
        assertThat(verifier.verify(sign(claims().subject(null).build(), RSA))).as("nobody").isEmpty();
        assertThat(verifier.verify(sign(claims().subject(" ").build(), RSA))).as("blank").isEmpty();
        assertThat(verifier.verify(sign(claims().issueTime(null).build(), RSA))).as("iat is optional")
                .hasValueSatisfying(c -> assertThat(c.issuedAt()).isEmpty());
    }

    @Test
    void ecKeysWorkToo() throws Exception {
        KeyPair ec = generate("EC");
        assertThat(verifier(ec, Optional.empty()).verify(sign(claims().build(), ec))).isPresent();
    }

    @Test
    void forgedWrongIssuerExpiredAndMalformedTokensDoNotVerify() throws Exception {
        JwtVerifier verifier = verifier(RSA, Optional.empty());
        assertThat(verifier.verify(sign(claims().build(), OTHER_RSA))).as("signed by another key").isEmpty();
        assertThat(verifier.verify(sign(claims().issuer("https://evil.test").build(), RSA))).as("wrong issuer").isEmpty();
        assertThat(verifier.verify(sign(claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build(), RSA))).as("expired").isEmpty();
        assertThat(verifier.verify(sign(claims().expirationTime(null).build(), RSA))).as("no exp").isEmpty();
        assertThat(verifier.verify("hh_live_" + "a".repeat(40))).isEmpty();
        assertThat(verifier.verify("a.b.c")).isEmpty();
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize();
        assertThat(verifier.verify(unsigned)).as("alg none").isEmpty();
    }

    @Test
    void audiencesAreCheckedWhenConfigured() throws Exception {
        JwtVerifier verifier = verifier(RSA, Optional.of("vectorizer, other"));
        assertThat(verifier.verify(sign(claims().audience("vectorizer").build(), RSA))).isPresent();
        assertThat(verifier.verify(sign(claims().audience("somebody-else").build(), RSA))).isEmpty();
    }

    @Test
    void missingGroupsOrTenantAreEmptyNotErrors() throws Exception {
        TokenClaims bare = verifier(RSA, Optional.empty()).verify(sign(claims().claim("groups", null).claim("tenant_id", null).build(), RSA))
                .orElseThrow();
        assertThat(bare.groups()).isEmpty();
        assertThat(bare.tenant()).isEmpty();
    }

    @Test
    void withoutAKeyNothingVerifiesAndAKeyWithoutIssuerIsRefused() throws Exception {
        JwtVerifier disabled = new JwtVerifier(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "tenant_id");
        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.verify(sign(claims().build(), RSA))).isEmpty();
        assertThatThrownBy(() -> new JwtVerifier(Optional.of(pem(RSA)), Optional.empty(), Optional.empty(), Optional.empty(), "tenant_id"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("mp.jwt.verify.issuer");
        assertThatThrownBy(() -> new JwtVerifier(Optional.of("not a key"), Optional.empty(), Optional.of(ISSUER), Optional.empty(), "tenant_id"))
                .isInstanceOf(InvalidValueException.class);
    }
}
