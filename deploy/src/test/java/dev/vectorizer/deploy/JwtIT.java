package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWTs from a configured issuer act for the tenant of their claim, with their groups as permissions. */
class JwtIT {

    private static final String ISSUER = "https://issuer.test";

    @TempDir
    Path workDir;

    @Test
    void tokensOfTheConfiguredIssuerWorkAndNothingElseDoes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path publicKey = workDir.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        try (ServerProcess server = new ServerProcess(workDir, "-Dmp.jwt.verify.publickey.location=" + publicKey,
                "-Dmp.jwt.verify.issuer=" + ISSUER, "-Dvectorizer.auth.brute-force.max-failures=1000").start()) {
            Http admin = server.http().withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
            String writerKey = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_WRITE\"]}").json().getString("key");
            assertThat(server.http().withKey(writerKey).postJson("api/collections", "{\"name\":\"docs\",\"dimension\":2}").status()).isEqualTo(201);

            Http reader = server.http().withKey(token(keys, claims().build()));
            assertThat(reader.get("api/collections/docs").status()).as("valid token, READ_ONLY group").isEqualTo(200);
            assertProblem(reader.postJson("api/collections/docs/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,2]}]}"), 403, "FORBIDDEN");

            assertProblem(server.http().withKey(token(keys, claims().issuer("https://evil.test").build())).get("api/collections"),
                    401, "AUTH_INVALID_KEY");
            assertProblem(server.http().withKey(token(keys, claims().expirationTime(Date.from(Instant.now().minusSeconds(300))).build()))
                    .get("api/collections"), 401, "AUTH_INVALID_KEY");
            assertProblem(server.http().withKey(token(keys, claims().claim("tenant_id", null).build())).get("api/collections"),
                    401, "AUTH_INVALID_KEY");
            assertProblem(server.http().withKey(token(keys, claims().claim("tenant_id", "globex").build())).get("api/collections"),
                    401, "AUTH_INVALID_KEY");
            KeyPair forger = generator.generateKeyPair();
            assertProblem(server.http().withKey(token(forger, claims().build())).get("api/collections"), 401, "AUTH_INVALID_KEY");
            assertProblem(server.http().withKey(token(keys, claims().expirationTime(Date.from(Instant.now().plus(Duration.ofHours(48)))).build()))
                    .get("api/collections"), 401, "AUTH_INVALID_KEY");

            assertProblem(withApiKeyHeader(server, token(keys, claims().build())), 401, "AUTH_INVALID_KEY");
            assertThat(withApiKeyHeader(server, writerKey).status()).as("X-API-Key takes API keys").isEqualTo(200);

            Http bob = server.http().withKey(token(keys, claims().subject("bob").claim("groups", List.of("READ_WRITE")).build()));
            assertThat(bob.postJson("api/collections", "{\"name\":\"scratch\",\"dimension\":2}").status()).isEqualTo(201);
            assertThat(bob.delete("api/collections/scratch").status()).isEqualTo(204);
            JsonObject deletion = admin.get("api/admin/audit?tenant=acme&limit=1").json().getJsonArray("events").getJsonObject(0);
            assertThat(deletion.getString("action")).isEqualTo("COLLECTION_DELETE");
            assertThat(deletion.getString("actor")).as("the token's subject").isEqualTo("jwt:bob");
        }
    }

    private static Http.Answer withApiKeyHeader(ServerProcess server, String credential) {
        Http http = server.http();
        return http.send(HttpRequest.newBuilder(http.resolve("api/collections")).header("X-API-Key", credential).GET());
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").claim("tenant_id", "acme").claim("groups", List.of("READ_ONLY"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String token(KeyPair keys, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
