package dev.vectorizer.bench.fuzz;

import dev.vectorizer.bench.fuzz.Bodies.Shape;
import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-formed HTTP/1.1 requests to every route of the API, each with one thing broken (or, one time
 * in ten, nothing): the JSON body, a path segment, the method, Content-Type, Accept, the credential,
 * the body's framing, or the query.
 */
final class ApiRequests {

    /** Who calls: nobody, the fuzzing tenant's READ_WRITE key, the installation administrator, the tenant's ADMIN key. */
    private enum Access { PUBLIC, TENANT, ADMIN, OWNER }

    private record Route(String method, String template, Access access, Shape body) {
    }

    /**
     * Placeholders: {c} a collection, {id} a vector id, {t} any tenant, {victim} a tenant fuzzing may harm, {k} a key id of one,
     * {scratch} a collection fuzzing may delete, {b} a backup id (mostly the fixture's), {nb} one that is not the fixture's.
     */
    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/info", Access.PUBLIC, null),
            new Route("GET", "/api/collections", Access.TENANT, null),
            new Route("POST", "/api/collections", Access.TENANT, Shape.CREATE_COLLECTION),
            new Route("GET", "/api/collections/{c}", Access.TENANT, null),
            new Route("DELETE", "/api/collections/{scratch}", Access.TENANT, null),
            new Route("POST", "/api/collections/{c}/vectors", Access.TENANT, Shape.UPSERT),
            new Route("GET", "/api/collections/{c}/vectors/{id}", Access.TENANT, null),
            new Route("PUT", "/api/collections/{c}/vectors/{id}", Access.TENANT, Shape.PUT_VECTOR),
            new Route("DELETE", "/api/collections/{c}/vectors/{id}", Access.TENANT, null),
            new Route("GET", "/api/collections/{c}/vectors?id={id}", Access.TENANT, null),
            new Route("PUT", "/api/collections/{c}/vectors?id={id}", Access.TENANT, Shape.PUT_VECTOR),
            new Route("DELETE", "/api/collections/{c}/vectors?id={id}", Access.TENANT, null),
            new Route("POST", "/api/collections/{c}/vectors/delete", Access.TENANT, Shape.DELETE_MANY),
            new Route("POST", "/api/collections/{c}/insert_text", Access.TENANT, Shape.INSERT_TEXT),
            new Route("POST", "/api/collections/{c}/search", Access.TENANT, Shape.SEARCH),
            new Route("POST", "/api/collections/{c}/search/hybrid", Access.TENANT, Shape.HYBRID),
            new Route("POST", "/api/collections/{c}/scroll", Access.TENANT, Shape.SCROLL),
            new Route("POST", "/api/embed", Access.TENANT, Shape.EMBED),
            new Route("POST", "/api/admin/tenants", Access.ADMIN, Shape.CREATE_TENANT),
            new Route("GET", "/api/admin/tenants", Access.ADMIN, null),
            new Route("GET", "/api/admin/tenants/{t}", Access.ADMIN, null),
            new Route("POST", "/api/admin/tenants/{victim}/suspend", Access.ADMIN, null),
            new Route("POST", "/api/admin/tenants/{victim}/resume", Access.ADMIN, null),
            new Route("DELETE", "/api/admin/tenants/{victim}", Access.ADMIN, null),
            new Route("POST", "/api/admin/tenants/{t}/keys", Access.ADMIN, Shape.CREATE_KEY),
            new Route("GET", "/api/admin/tenants/{t}/keys", Access.ADMIN, null),
            new Route("POST", "/api/admin/tenants/{victim}/keys/{k}/rotate", Access.ADMIN, null),
            new Route("DELETE", "/api/admin/tenants/{victim}/keys/{k}", Access.ADMIN, null),
            new Route("POST", "/api/admin/tenants/{victim}/adopt-single-mode-data", Access.ADMIN, null),
            new Route("GET", "/api/admin/audit?tenant={t}&limit=20", Access.ADMIN, null),
            new Route("GET", "/api/hub/backups", Access.TENANT, null),
            new Route("POST", "/api/hub/backups", Access.TENANT, Shape.CREATE_BACKUP),
            new Route("GET", "/api/hub/backups/{b}", Access.TENANT, null),
            new Route("GET", "/api/hub/backups/{b}/download", Access.TENANT, null),
            new Route("DELETE", "/api/hub/backups/{nb}", Access.OWNER, null),
            new Route("POST", "/api/hub/backups/restore", Access.OWNER, Shape.RESTORE));

    /** Methods whose requests Grizzly refuses when they carry content. */
    static final List<String> WITHOUT_CONTENT = List.of("GET", "HEAD", "DELETE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final List<String> IDS = List.of("v1", "v2", "v7", "urn:doc:1", "doc0#0", "nope", "a/b", "100%", "ü");

    private final Fixture fixture;
    private final Random random;

    ApiRequests(Fixture fixture, Random random) {
        this.fixture = fixture;
        this.random = random;
    }

    FuzzRequest next() {
        Route route = ROUTES.get(random.nextInt(ROUTES.size()));
        List<String> segments = new ArrayList<>();
        String collection = Oddities.pick(random, List.copyOf(Fixture.COLLECTIONS.keySet()));
        Message message = new Message(route.method(), fill(route.template(), collection, segments)).header("Host", fixture.host);
        credential(message, route.access());
        Object tree = route.body() == null ? null : Bodies.valid(route.body(), random, Fixture.COLLECTIONS.get(collection), fixture.backupId);
        if (tree != null) {
            message.header("Content-Type", "application/json").body(JsonTree.write(tree));
        }
        int roll = random.nextInt(100);
        String mutation;
        if (roll < 10) {
            mutation = "none";
        } else if (roll < 40 && tree != null) {
            mutation = "body: values and members";
            message.body(Bodies.mutateTree(tree, random));
        } else if (roll < 50 && tree != null) {
            mutation = "body: not JSON, or too deep or long";
            message.body(Bodies.mutateText(JsonTree.write(tree), random));
        } else if (roll < 62) {
            mutation = "path: odd segment";
            message.target(oddPath(message.target(), segments));
        } else if (roll < 70) {
            mutation = "method";
            message.method(Oddities.method(random));
        } else if (roll < 77) {
            mutation = "content-type";
            contentType(message);
        } else if (roll < 81) {
            mutation = "accept";
            message.header("Accept", Oddities.pick(random, Oddities.ACCEPTS));
        } else if (roll < 91) {
            mutation = "credential";
            message.withoutHeader("Authorization");
            oddCredential(message);
        } else if (roll < 96) {
            mutation = "framing";
            framing(message);
        } else {
            mutation = "query";
            message.target(oddQuery(message.target()));
        }
        if (WITHOUT_CONTENT.contains(message.method())) {
            message.withoutBody(); // content on these the HTTP layer refuses (OtherRequests), the API never sees it
        }
        if (random.nextInt(3) > 0) {
            message.header("Connection", "close");
        }
        return FuzzRequest.of(Family.API, mutation, message);
    }

    private String fill(String template, String collection, List<String> segments) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder target = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "c" -> random.nextInt(20) == 0 ? "nope" : collection;
                case "id" -> encode(Oddities.pick(random, IDS));
                case "t" -> Oddities.pick(random, List.of(Fixture.TENANT, Fixture.VICTIMS.get(0), "t" + random.nextInt(20), "nope"));
                case "victim" -> random.nextBoolean() ? Oddities.pick(random, Fixture.VICTIMS) : "t" + random.nextInt(20);
                case "k" -> random.nextInt(4) > 0 ? Oddities.pick(random, fixture.victimKeyIds) : "AAAAAAAAAAAA";
                case "scratch" -> "scratch-" + random.nextInt(50);
                case "b" -> random.nextInt(4) > 0 ? fixture.backupId : otherBackup();
                case "nb" -> otherBackup();
                default -> throw new IllegalStateException(m.group());
            };
            segments.add(value);
            m.appendReplacement(target, Matcher.quoteReplacement(value));
        }
        return m.appendTail(target).toString();
    }

    private void credential(Message message, Access access) {
        switch (access) {
            case TENANT -> message.header("Authorization", "Bearer " + (random.nextInt(8) == 0 ? fixture.readOnlyKey : fixture.readWriteKey));
            case ADMIN -> message.header("Authorization", "Bearer " + fixture.adminKey);
            case OWNER -> message.header("Authorization", "Bearer " + (random.nextInt(6) == 0 ? fixture.readWriteKey : fixture.ownerKey));
            case PUBLIC -> { }
        }
    }

    private String otherBackup() {
        return Oddities.pick(random, List.of("00000000-0000-0000-0000-000000000000", UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString(),
                "not-an-id", "%2e%2e", fixture.backupId.substring(1)));
    }

    private void oddCredential(Message message) {
        switch (random.nextInt(6)) {
            case 0 -> { } // none at all
            case 1 -> message.header("Authorization", Oddities.pick(random, Oddities.CREDENTIALS));
            case 2 -> message.header("Authorization", "Bearer " + Oddities.pick(random, List.of(fixture.adminKey, fixture.readOnlyKey)));
            case 3 -> message.header("X-API-Key", Oddities.pick(random, List.of(fixture.readWriteKey, "", "x", fixture.readWriteKey + " ")));
            case 4 -> message.header("Authorization", "Bearer " + fixture.readWriteKey).header("Authorization", "Bearer " + fixture.adminKey);
            default -> message.header("Authorization", "Bearer " + fixture.readWriteKey.substring(0, fixture.readWriteKey.length() - 1) + "x");
        }
    }

    private String oddPath(String target, List<String> segments) {
        if (segments.isEmpty() || random.nextInt(4) == 0) {
            String[] parts = target.split("\\?", 2);
            return parts[0] + "/" + Oddities.segment(random) + (parts.length > 1 ? "?" + parts[1] : "");
        }
        String victim = segments.get(random.nextInt(segments.size()));
        int at = target.indexOf(victim, target.indexOf("/api/") + 1);
        return target.substring(0, at) + Oddities.segment(random) + target.substring(at + victim.length());
    }

    private void contentType(Message message) {
        message.withoutHeader("Content-Type");
        switch (random.nextInt(4)) {
            case 0 -> { } // none
            case 1 -> message.header("Content-Type", "application/json").header("Content-Type", "text/plain");
            default -> message.header("Content-Type", Oddities.pick(random, Oddities.CONTENT_TYPES));
        }
        if (message.body() == null && random.nextBoolean()) {
            message.body("{\"unexpected\":\"body\"}");
        }
    }

    private void framing(Message message) {
        byte[] body = message.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : message.body();
        switch (random.nextInt(6)) {
            case 0 -> message.body(body).chunked();
            case 1 -> message.body(body).header("Expect", "100-continue");
            case 2 -> message.body(body).header("Content-Encoding", Oddities.pick(random, List.of("gzip", "deflate", "br", "identity", "x")));
            case 3 -> message.body(new byte[0]).declaredLength("0");
            case 4 -> message.body(new byte[1024]).declaredLength(Long.toString(32L * 1024 * 1024 + 1 + random.nextInt(1 << 20)));
            default -> message.body(("{\"texts\":[" + "\"x\",".repeat(random.nextInt(4) == 0 ? 3_000_000 : 30_000) + "\"x\"]}")
                    .getBytes(StandardCharsets.UTF_8)).chunked();
        }
    }

    private String oddQuery(String target) {
        String path = target.split("\\?", 2)[0];
        String query = Oddities.pick(random, List.of("limit=abc", "limit=-1", "limit=0", "limit=99999999999", "limit=1e3", "limit=",
                "tenant=" + encode("a:b"), "tenant=%zz", "id=a&id=b", "id=", "id=%5C", "id=" + encode("\\..\\"), "x=%00", "a=b&a=c",
                "tenant", "=", "&&&", "id=" + "x".repeat(3000)));
        return path + "?" + query;
    }

    /** A path segment or query value: every byte but letters, digits, {@code -} and {@code _} percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace(".", "%2E");
    }
}
