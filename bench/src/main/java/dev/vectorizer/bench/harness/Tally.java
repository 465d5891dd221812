package dev.vectorizer.bench.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Answers by operation and status (0: no answer); every request without an answer and every 5xx
 * the harness does not expect is a finding. Thread-safe.
 */
public final class Tally {

    private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private final Findings findings;
    private final Predicate<JsonClient.Reply> expected5xx;

    /** A tally for which every 5xx is a finding. */
    public Tally(Findings findings) {
        this(findings, reply -> false);
    }

    /** A tally for which a 5xx is a finding unless {@code expected5xx} accepts it (e.g. a well-formed 503 while a dependency is down). */
    public Tally(Findings findings, Predicate<JsonClient.Reply> expected5xx) {
        this.findings = findings;
        this.expected5xx = expected5xx;
    }

    /** Counts {@code reply} under {@code operation} and returns it. */
    public JsonClient.Reply count(String operation, JsonClient.Reply reply) {
        synchronized (this) {
            byOperation.computeIfAbsent(operation, o -> new TreeMap<>()).merge(reply.status(), 1, Integer::sum);
        }
        if (!reply.answered()) {
            findings.add("no answer", operation + ": " + reply);
        } else if (reply.status() >= 500 && !expected5xx.test(reply)) {
            findings.add("5xx", operation + ": " + reply);
        }
        return reply;
    }

    public synchronized Map<String, Map<Integer, Integer>> byOperation() {
        Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
        byOperation.forEach((op, statuses) -> copy.put(op, new TreeMap<>(statuses)));
        return copy;
    }

    /** Requests counted, all operations. */
    public synchronized int total() {
        return byOperation.values().stream().flatMap(s -> s.values().stream()).mapToInt(Integer::intValue).sum();
    }

    /** The answers as a Markdown table: a row per operation with its requests and their statuses. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| operation | sent | answers |\n|---|--:|---|\n");
        byOperation().forEach((op, statuses) -> out.append("| ").append(op).append(" | ")
                .append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(statuses.entrySet().stream().map(e -> (e.getKey() == 0 ? "no answer" : e.getKey()) + " ×" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(" |\n"));
        return out.toString();
    }
}
