package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.JsonClient;
import java.util.Map;
import java.util.TreeMap;

/** Answers by operation and status (0: no answer); every 5xx and every request without an answer is a finding. Thread-safe. */
final class Tally {

    private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private final Findings findings;

    Tally(Findings findings) {
        this.findings = findings;
    }

    /** Counts {@code reply} under {@code operation} and returns it. */
    JsonClient.Reply count(String operation, JsonClient.Reply reply) {
        synchronized (this) {
            byOperation.computeIfAbsent(operation, o -> new TreeMap<>()).merge(reply.status(), 1, Integer::sum);
        }
        if (!reply.answered()) {
            findings.add("no answer", operation + ": " + reply);
        } else if (reply.status() >= 500) {
            findings.add("5xx", operation + ": " + reply);
        }
        return reply;
    }

    synchronized Map<String, Map<Integer, Integer>> byOperation() {
        Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
        byOperation.forEach((op, statuses) -> copy.put(op, new TreeMap<>(statuses)));
        return copy;
    }
}
