package dev.vectorizer.bench.failover;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Tally;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * HiveHub failover (issue H, item 3): the server in hub mode against {@link HiveHubStandIn} (a real
 * HTTP server in this JVM, the one the hub tests use) with several tenants, each searching and
 * upserting continuously, while HiveHub is stopped, slowed beyond the server's call timeout, made
 * to answer 500s, malformed JSON and the wrong shape, and brought back ({@link Impairments}); half
 * the tenants' second keys are revoked while HiveHub answers, the other half while it is stopped.
 * Judged: no answer for another tenant, no 2xx for a revoked key past time to live and grace, no
 * 5xx but a well-formed 503 {@code HUB_UNAVAILABLE} with {@code Retry-After}, no live key refused,
 * every acknowledged write there afterwards and no refused one, and usage reports neither lost nor
 * counted twice ({@link UsageAudit}). Seeded, bounded by time and count, loopback only.
 */
public final class FailoverHarness {

    /** {@code tenants} tenants (one client thread each) for {@code duration}. */
    public record Settings(Duration duration, int tenants) {

        /** The run CI makes (HarnessSmokeIT). */
        public static Settings smoke() {
            return new Settings(Duration.ofSeconds(20), 3);
        }
    }

    /** The service key the server presents to the stand-in. */
    private static final String SERVICE_KEY = "bench-service-key-" + UUID.randomUUID();
    private static final Duration KEY_TTL = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_REQUESTS_PER_SECOND = 2_000;

    private final URI base;
    private final HiveHubStandIn hub;
    private final long seed;
    private final Settings settings;

    /** A harness against the server at {@code base}, started with {@link #serverArgs} for {@code hub} (from {@link #startHub}). */
    public FailoverHarness(URI base, HiveHubStandIn hub, long seed, Settings settings) {
        JsonClient.requireLoopback(base);
        this.base = base;
        this.hub = hub;
        this.seed = seed;
        this.settings = settings;
    }

    /** A HiveHub stand-in on a free loopback port, for the server and the harness. */
    public static HiveHubStandIn startHub() throws IOException {
        return HiveHubStandIn.start(SERVICE_KEY);
    }

    /**
     * The server's settings: hub mode against {@code hub}, times to live, grace, timeouts and the
     * breaker in seconds (so a run of a minute sees them all), usage reported every second, and
     * failed logins never blocking (revoked keys are used on purpose).
     */
    public static List<String> serverArgs(HiveHubStandIn hub) {
        return List.of("-Dvectorizer.mode=hub", "-Dvectorizer.hub.url=" + hub.url(), "-Dvectorizer.hub.service-key=" + SERVICE_KEY,
                "-Dvectorizer.hub.service-secret=service-secret-" + UUID.randomUUID(), "-Dvectorizer.hub.signing-secret=signing-secret-" + UUID.randomUUID(),
                "-Dvectorizer.hub.cache.api-key-ttl=" + KEY_TTL.toSeconds() + "s", "-Dvectorizer.hub.cache.quota-ttl=" + KEY_TTL.toSeconds() + "s",
                "-Dvectorizer.hub.cache.invalid-key-ttl=1s", "-Dvectorizer.hub.cache.grace=" + GRACE.toSeconds() + "s",
                "-Dvectorizer.hub.request-timeout=" + CALL_TIMEOUT.toMillis() + "ms", "-Dvectorizer.hub.retries=1", "-Dvectorizer.hub.retry-backoff=50ms",
                "-Dvectorizer.hub.breaker.failures=3", "-Dvectorizer.hub.breaker.open-for=2s", "-Dvectorizer.hub.probe-interval=1s",
                "-Dvectorizer.hub.usage.interval=1s", "-Dvectorizer.usage.flush-interval=1s", "-Dvectorizer.auth.brute-force.max-failures=1000000000");
    }

    public FailoverReport run() throws IOException, InterruptedException {
        Findings findings = new Findings();
        Impairments impairments = new Impairments(hub, settings.duration(), CALL_TIMEOUT.multipliedBy(3));
        TenantTraffic.Arena arena = new TenantTraffic.Arena(new JsonClient(base), new Tally(findings, FailoverHarness::wellFormedUnavailable),
                findings, impairments);
        // a validation in flight when a key is revoked may still say "valid": one call timeout and a second of slack
        long revocationBound = KEY_TTL.plus(GRACE).plus(CALL_TIMEOUT).plusSeconds(1).toNanos();
        Random seeds = new Random(seed);
        List<TenantTraffic> tenants = new ArrayList<>();
        for (int i = 0; i < settings.tenants(); i++) {
            String id = "tenant-" + i;
            tenants.add(new TenantTraffic(id, hub.addKey(id, "Tenant " + i), hub.addKey(id, "Tenant " + i), arena, revocationBound,
                    new Random(seeds.nextLong())));
        }
        tenants.forEach(TenantTraffic::setUp);
        FailoverReport report = new FailoverReport(seed, settings, impairments, arena);
        long end = System.nanoTime() + settings.duration().toNanos();
        int maxRequests = (int) Math.min(Integer.MAX_VALUE, settings.duration().toSeconds() * MAX_REQUESTS_PER_SECOND);
        List<Thread> threads = tenants.stream().map(t -> Thread.ofPlatform().name("failover-" + t.tenant).start(() -> t.runUntil(end, maxRequests)))
                .toList();
        revokeEvery(tenants, 1); // while HiveHub answers: stops within the time to live
        impairments.run(impairment -> {
            if (impairment == 0) {
                revokeEvery(tenants, 0); // while HiveHub is stopped: the stale verdict serves for the grace at most
            }
        });
        for (Thread thread : threads) {
            thread.join();
        }
        report.usage(new UsageAudit(hub, findings).audit(tenants, Duration.ofSeconds(60), Duration.ofSeconds(4)));
        report.verified(tenants.stream().mapToInt(TenantTraffic::verify).sum());
        report.finish(tenants);
        return report;
    }

    /** Revokes the second key of every tenant whose index is {@code parity} modulo 2. */
    private void revokeEvery(List<TenantTraffic> tenants, int parity) {
        for (int i = parity; i < tenants.size(); i += 2) {
            tenants.get(i).revoked(System.nanoTime());
            hub.revoke(tenants.get(i).revocableKey());
        }
    }

    /** A 503 as the contract has it: {@code HUB_UNAVAILABLE} with a positive {@code Retry-After} in seconds. */
    static boolean wellFormedUnavailable(JsonClient.Reply reply) {
        return reply.status() == 503 && "HUB_UNAVAILABLE".equals(reply.errorType()) && reply.retryAfter() != null
                && reply.retryAfter().matches("[1-9]\\d{0,6}");
    }
}
