package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every full-server test does with the deployed application, over HTTP as a user would: the
 * administrator (key from the data directory) creates tenant {@code acme} and its key, which creates
 * collection {@code docs}, upserts two vectors and finds the nearest.
 */
final class TenantJourney {

    private TenantJourney() {
    }

    /** The application at {@code server}, standalone, with its metadata in {@code dataDir}: acme's client, with its collection. */
    static Http acmeWithCollection(Http server, Path dataDir) throws IOException {
        assertThat(server.get("api/info").json().getString("mode")).isEqualTo("standalone");
        assertThat(dataDir.resolve("metadata/vectorizer.mv.db")).as("metadata in the configured data dir").exists();
        Http admin = server.withKey(Files.readString(dataDir.resolve("admin.key")).strip());
        assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
        Http.Answer issued = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_WRITE\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Http acme = server.withKey(issued.json().getString("key"));
        assertThat(acme.postJson("api/collections", "{\"name\":\"docs\",\"dimension\":3}").status()).isEqualTo(201);
        assertThat(acme.postJson("api/collections/docs/vectors",
                "{\"vectors\":[{\"id\":\"east\",\"vector\":[1,0,0]},{\"id\":\"north\",\"vector\":[0,1,0]}]}").status()).isEqualTo(200);
        assertNearestIsEast(acme);
        return acme;
    }

    static void assertNearestIsEast(Http tenant) {
        Http.Answer found = tenant.postJson("api/collections/docs/search", "{\"vector\":[0.9,0.1,0],\"limit\":1}");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().getJsonArray("results").getJsonObject(0).getString("id")).isEqualTo("east");
    }
}
