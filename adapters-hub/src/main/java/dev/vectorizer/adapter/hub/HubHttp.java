package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The wire to HiveHub: one shared JDK {@link HttpClient} (connections reused), JSON bodies, the
 * service key as {@code Authorization: Bearer}, never a redirect followed. A call has
 * {@code request-timeout} in all, retries included; an idempotent call is retried after no answer,
 * a 5xx or a 429, with exponential backoff of which a random part is waited (full jitter), while
 * time is left. A call that gets no usable answer (none in time, an unexpected status, a body that
 * is not the JSON expected or longer than {@value #MAX_ANSWER_BYTES} bytes) is a failure: it
 * counts against the {@link CircuitBreaker}, which, open, refuses calls without sending them.
 * Every failure is a {@link HubUnavailableException}, so callers fail closed. Each call's outcome and
 * time go to the {@link CallStatistics} and to a {@link CallObserver} (the metrics).
 */
final class HubHttp {

    /** Told of every call: whether it got a usable answer and how long it took, retries included. */
    @FunctionalInterface
    interface CallObserver {
        void called(HubCall call, boolean succeeded, Duration took);
    }

    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    /** What a caller is told to wait when the breaker is still closed: HiveHub may answer the next call. */
    static final Duration RETRY_SOON = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(HubHttp.class.getName());
    /** Below this much time left a retry is not worth starting. */
    private static final Duration LEAST_ATTEMPT = Duration.ofMillis(50);

    private final HubClientSettings settings;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final CallStatistics stats = new CallStatistics();
    private final CallObserver observer;
    private final Clock clock;

    HubHttp(HubClientSettings settings, Clock clock, CallObserver observer) {
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), clock);
        // no HiveHub, no client (and none of its threads) in the other modes
        this.client = settings.url().map(url -> HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version("https".equals(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1).build()).orElse(null);
    }

    /**
     * Sends {@code method path} with {@code body} as JSON (if any) and reads an answer whose status
     * is one of {@code accepted} with {@code parse}, which throws {@link IllegalArgumentException}
     * or {@link DateTimeException} for a body of the wrong shape.
     */
    <T> T call(HubCall call, String method, String path, Optional<Object> body, boolean idempotent, Set<Integer> accepted,
            Function<byte[], T> parse) {
        URI base = settings.url().orElseThrow(() -> new HubUnavailableException("HiveHub is not configured (vectorizer.hub.url)", RETRY_SOON));
        if (!breaker.tryAcquire()) {
            throw new HubUnavailableException("HiveHub is unavailable (circuit breaker open)", breaker.waitTime());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + settings.serviceKey())
                .header("Accept", "application/json")
                .method(method, body.map(b -> HttpRequest.BodyPublishers.ofByteArray(Json.writeUtf8(b))).orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        long started = System.nanoTime();
        long deadline = started + settings.requestTimeout().toNanos();
        String problem = "no attempt";
        boolean succeeded = false;
        try {
            for (int attempt = 0;; attempt++) {
                Outcome<T> outcome = attempt(request, deadline - System.nanoTime(), accepted, parse);
                if (outcome.value() != null) {
                    succeeded = true;
                    return outcome.value();
                }
                problem = outcome.problem();
                long backoff = backoffNanos(attempt);
                if (!idempotent || !outcome.retryable() || attempt >= settings.retries()
                        || deadline - System.nanoTime() - backoff < LEAST_ATTEMPT.toNanos()) {
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            stats.record(call, succeeded, took, clock.instant());
            observer.called(call, succeeded, took);
            if (succeeded) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
        LOG.log(System.Logger.Level.WARNING, "HiveHub call {0} failed: {1}", call, problem);
        Duration wait = breaker.waitTime();
        throw new HubUnavailableException("HiveHub gave no usable answer", wait.isZero() ? RETRY_SOON : wait);
    }

    /** One attempt's outcome: a value, or why not and whether another attempt may help. */
    private record Outcome<T>(T value, String problem, boolean retryable) {
    }

    private <T> Outcome<T> attempt(HttpRequest.Builder request, long timeLeftNanos, Set<Integer> accepted, Function<byte[], T> parse)
            throws InterruptedException {
        if (timeLeftNanos <= 0) {
            return new Outcome<>(null, "no time left", false);
        }
        HttpResponse<byte[]> response;
        var exchange = client.sendAsync(request.timeout(Duration.ofNanos(timeLeftNanos)).build(), BoundedBody.handler(MAX_ANSWER_BYTES));
        try {
            response = exchange.get(timeLeftNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Outcome<>(null, "no answer within " + settings.requestTimeout(), true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome<>(null, cause.toString(), cause instanceof IOException);
        }
        int status = response.statusCode();
        if (!accepted.contains(status)) {
            return new Outcome<>(null, "answered " + status, status >= 500 || status == 429);
        }
        try {
            return new Outcome<>(parse.apply(response.body()), null, false);
        } catch (IllegalArgumentException | DateTimeException wrongShape) {
            return new Outcome<>(null, "answered " + status + " with a body of the wrong shape: " + wrongShape.getMessage(), false);
        }
    }

    private long backoffNanos(int attempt) {
        long ceiling = settings.retryBackoff().toNanos() << Math.min(attempt, 16);
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    HubStatus.Breaker breakerState() {
        return breaker.state();
    }

    CallStatistics statistics() {
        return stats;
    }

    /** The time the current instant is measured by (the clock of the breaker and the caches). */
    Instant now() {
        return clock.instant();
    }
}
