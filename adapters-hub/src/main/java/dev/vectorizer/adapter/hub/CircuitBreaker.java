package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.hub.HubStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling HiveHub while it keeps failing. Closed, it lets every call through and counts
 * consecutive failed calls; at {@code failures} it opens. Open, it refuses every call for
 * {@code openFor}; then it lets exactly one trial call through (half open): a success closes it, a
 * failure opens it again.
 *
 * <p>Why not MicroProfile Fault Tolerance's {@code @CircuitBreaker}: Payara's works on a CDI bean
 * here (tried on Payara Micro 7.2025.1: it opens at the failure ratio, refuses without calling and
 * half-opens after its delay), but it exposes no current state (only time spent in each state,
 * {@code ft_circuitbreaker_state_total}), which the readiness data, {@code Retry-After} and the
 * metrics need, and its interceptor exists only in the container, so tests could not drive it with
 * a movable clock. This one is small, synchronized and reads its state directly.
 */
final class CircuitBreaker {

    private final int failures;
    private final Duration openFor;
    private final Clock clock;

    private HubStatus.Breaker state = HubStatus.Breaker.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(int failures, Duration openFor, Clock clock) {
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** True if a call may go out now; an open breaker past its time lets one trial through. */
    synchronized boolean tryAcquire() {
        if (state == HubStatus.Breaker.OPEN && !clock.instant().isBefore(openUntil)) {
            state = HubStatus.Breaker.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                boolean mayTry = !trialInFlight;
                trialInFlight = true;
                yield mayTry;
            }
        };
    }

    synchronized void onSuccess() {
        state = HubStatus.Breaker.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == HubStatus.Breaker.HALF_OPEN || consecutiveFailures >= failures) {
            state = HubStatus.Breaker.OPEN;
            openUntil = clock.instant().plus(openFor);
            trialInFlight = false;
        }
    }

    /** The state now (an open breaker past its time reads half open: the next call is its trial). */
    synchronized HubStatus.Breaker state() {
        return state == HubStatus.Breaker.OPEN && !clock.instant().isBefore(openUntil) ? HubStatus.Breaker.HALF_OPEN : state;
    }

    /** How long until a call may go out again: zero unless open. */
    synchronized Duration waitTime() {
        Duration left = Duration.between(clock.instant(), openUntil);
        return state == HubStatus.Breaker.OPEN && left.isPositive() ? left : Duration.ZERO;
    }
}
