package dev.vectorizer.bench.failover;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The bounded schedule by which the harness impairs HiveHub: a warm-up, then each way HiveHub can
 * fail (stopped, slower than the server's call timeout, 500s, malformed JSON, the wrong shape) for
 * a while, each followed by a recovery. Remembers when each impairment lasted, so a request can be
 * judged by whether HiveHub was impaired all the while it was under way. Thread-safe.
 */
final class Impairments {

    /** One impairment: how HiveHub misbehaved, from {@code startNanos} until {@code endNanos} (0 while it lasts). */
    record Window(String how, long startNanos, long endNanos) {
    }

    private static final List<String> KINDS = List.of("stopped", "slow", "500", "malformed JSON", "wrong shape");

    private final HiveHubStandIn hub;
    private final Duration warmUp;
    private final Duration impaired;
    private final Duration recovery;
    private final List<Window> windows = new ArrayList<>();

    /**
     * The schedule that fills {@code total}: a warm-up of a tenth, then each impairment for 65% of its
     * share and a recovery; a slow HiveHub answers after {@code slowerThanTimeout}.
     */
    Impairments(HiveHubStandIn hub, Duration total, Duration slowerThanTimeout) {
        this.hub = hub;
        hub.slowness(slowerThanTimeout);
        this.warmUp = total.dividedBy(10);
        Duration share = total.minus(warmUp).dividedBy(KINDS.size());
        this.impaired = share.multipliedBy(65).dividedBy(100);
        this.recovery = share.minus(impaired);
    }

    /**
     * Runs the schedule; {@code atImpairment} runs as each impairment begins (its index), e.g. to
     * revoke keys while HiveHub cannot be asked. Leaves HiveHub answering normally.
     */
    void run(IntConsumer atImpairment) throws IOException, InterruptedException {
        Thread.sleep(warmUp);
        try {
            for (int i = 0; i < KINDS.size(); i++) {
                String how = KINDS.get(i);
                impair(how);
                long start = System.nanoTime();
                synchronized (this) {
                    windows.add(new Window(how, start, 0));
                }
                atImpairment.accept(i);
                Thread.sleep(impaired);
                long end = System.nanoTime();
                restore();
                synchronized (this) {
                    windows.set(windows.size() - 1, new Window(how, start, end));
                }
                Thread.sleep(recovery);
            }
        } finally {
            restore();
        }
    }

    private void impair(String how) {
        switch (how) {
            case "stopped" -> hub.down();
            case "slow" -> hub.behave(HiveHubStandIn.Behaviour.SLOW);
            case "500" -> hub.behave(HiveHubStandIn.Behaviour.ERROR_500);
            case "malformed JSON" -> hub.behave(HiveHubStandIn.Behaviour.MALFORMED_JSON);
            case "wrong shape" -> hub.behave(HiveHubStandIn.Behaviour.WRONG_SHAPE);
            default -> throw new IllegalArgumentException(how);
        }
    }

    private void restore() throws IOException {
        if (currentlyStopped()) {
            hub.up();
        }
        hub.behave(HiveHubStandIn.Behaviour.NORMAL);
    }

    private synchronized boolean currentlyStopped() {
        return !windows.isEmpty() && windows.getLast().how().equals("stopped") && windows.getLast().endNanos() == 0;
    }

    /** Whether HiveHub was impaired from {@code sentNanos} to {@code answeredNanos} (within one impairment). */
    synchronized boolean impairedThroughout(long sentNanos, long answeredNanos) {
        return windows.stream().anyMatch(w -> w.startNanos() <= sentNanos && (w.endNanos() == 0 || answeredNanos <= w.endNanos()));
    }

    synchronized List<Window> windows() {
        return List.copyOf(windows);
    }

    /** The schedule in words. */
    String describe() {
        return String.format(Locale.ROOT, "warm-up %.1f s, then %s, each %.1f s with %.1f s to recover", warmUp.toMillis() / 1e3,
                String.join(", ", KINDS), impaired.toMillis() / 1e3, recovery.toMillis() / 1e3);
    }
}
