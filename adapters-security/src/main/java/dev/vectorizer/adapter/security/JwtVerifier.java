package dev.vectorizer.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.tenant.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies JWTs with the standard MicroProfile JWT configuration: the public key from
 * {@code mp.jwt.verify.publickey} (PEM, base64 DER, JWK or JWKS) or the file named by
 * {@code mp.jwt.verify.publickey.location}, the issuer from {@code mp.jwt.verify.issuer} and,
 * optionally, accepted audiences from {@code mp.jwt.verify.audiences}. RSA (RS/PS) and EC (ES)
 * signatures; {@code exp} is required and checked with a 60 s clock skew, and a token must name its
 * subject ({@code sub} or {@code upn}). Without a key no token verifies; a key without an issuer
 * fails the deployment (fail closed). How long a token may live is the authenticator's rule.
 */
@ApplicationScoped
public class JwtVerifier implements TokenVerifierPort {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final Optional<DefaultJWTProcessor<SecurityContext>> processor;
    private final String tenantClaim;

    @Inject
    public JwtVerifier(@ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences,
            @ConfigProperty(name = "vectorizer.jwt.tenant-claim") String tenantClaim) {
        this.tenantClaim = tenantClaim;
        Optional<String> keyText = publicKey.or(() -> publicKeyLocation.map(JwtVerifier::read));
        this.processor = keyText.map(text -> processor(keys(text), issuer.filter(i -> !i.isBlank()).orElseThrow(() ->
                new InvalidValueException("mp.jwt.verify.issuer is required when a JWT verification key is configured")), audiences));
    }

    /** For the CDI client proxy only. */
    protected JwtVerifier() {
        this.processor = Optional.empty();
        this.tenantClaim = null;
    }

    /** Reads the configuration at deployment, so a bad key or a missing issuer fails the start. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        isEnabled();
    }

    public boolean isEnabled() {
        return processor.isPresent();
    }

    @Override
    public Optional<TokenClaims> verify(String token) {
        if (processor.isEmpty()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.get().process(token, null);
            Optional<String> subject = Optional.ofNullable(claims.getSubject()).or(() -> Optional.ofNullable(stringClaim(claims, "upn")))
                    .filter(s -> !s.isBlank());
            List<String> groups = claims.getClaim("groups") instanceof List<?> ? claims.getStringListClaim("groups") : List.of();
            return subject.map(s -> new TokenClaims(s, Optional.ofNullable(stringClaim(claims, tenantClaim)), new HashSet<>(groups),
                    Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant), claims.getExpirationTime().toInstant()));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException notAValidToken) {
            return Optional.empty();
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSet keys, String issuer, Optional<String> audiences) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
        Set<String> accepted = audiences.map(a -> Arrays.stream(a.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet())).filter(s -> !s.isEmpty()).orElse(null);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(accepted,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null));
        return processor;
    }

    /** The verification key(s): a JWK or JWKS document, or a PEM / base64 DER public key (RSA or EC). */
    static JWKSet keys(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
            }
            byte[] der = Base64.getMimeDecoder().decode(trimmed.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
            return new JWKSet(jwk(der));
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidValueException("the JWT verification key is neither a JWK/JWKS nor an RSA/EC public key: " + e.getMessage());
        }
    }

    private static JWK jwk(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            PublicKey rsa = KeyFactory.getInstance("RSA").generatePublic(spec);
            return new RSAKey.Builder((RSAPublicKey) rsa).build();
        } catch (GeneralSecurityException notRsa) {
            ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
        } catch (IOException | RuntimeException e) {
            throw new InvalidValueException("cannot read mp.jwt.verify.publickey.location " + location + ": " + e.getMessage());
        }
    }
}
