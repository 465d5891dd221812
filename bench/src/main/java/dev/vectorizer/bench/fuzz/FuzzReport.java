package dev.vectorizer.bench.fuzz;

import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a fuzzing run saw: answers by family and status class, and every answer that breaks the rules
 * of its family (a finding). API, GraphQL and MCP answers: always an answer, no 5xx, the security
 * headers, and errors in the family's format ({@link ProtocolRules}). HTTP-layer refusals:
 * no 5xx but 505 (a version that is not HTTP/1.x), no body that is not JSON. The server: ready at
 * every check. Runtime endpoints are Payara's own and only counted.
 */
public final class FuzzReport {

    /** An answer that breaks a rule: why, the request, the answer. */
    public record Finding(Family family, String rule, String request, String answer) {
    }

    private static final String[] CLASSES = {"no answer", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final long seed;
    private final Map<Family, long[]> byFamily = new EnumMap<>(Family.class);
    private final Map<String, long[]> byMutation = new TreeMap<>();
    private final Map<String, Map<String, Integer>> otherOutcomes = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final MessageDigest requests = sha256();
    private int readinessChecks;
    private int sent;
    private Duration elapsed = Duration.ZERO;

    FuzzReport(long seed) {
        this.seed = seed;
        for (Family family : Family.values()) {
            byFamily.put(family, new long[CLASSES.length]);
        }
    }

    /** Records the answer to {@code request}, whose {@code canonical} text (without what the server chose) goes into the digest. */
    void record(FuzzRequest request, String canonical, RawHttp.Answer answer) {
        sent++;
        requests.update(canonical.getBytes(StandardCharsets.ISO_8859_1));
        int statusClass = answer.status() <= 0 ? 0 : Math.min(5, answer.status() / 100);
        byFamily.get(request.family())[statusClass]++;
        String contentType = answer.header("Content-Type").orElse("");
        String shown = answer.status() <= 0 ? answer.statusLine()
                : answer.status() + " " + (contentType.isEmpty() ? "(no type)" : contentType) + " "
                        + FuzzRequest.printable(FuzzRequest.shorten(answer.bodyText(), 160));
        switch (request.family()) {
            case API, GRAPHQL, MCP -> {
                byMutation.computeIfAbsent(request.family() + ": " + request.mutation(), m -> new long[CLASSES.length])[statusClass]++;
                List<String> broken = switch (request.family()) {
                    case GRAPHQL -> ProtocolRules.graphql(request, answer, contentType);
                    case MCP -> ProtocolRules.mcp(request, answer, contentType);
                    default -> ProtocolRules.api(request, answer, contentType);
                };
                broken.forEach(rule -> findings.add(new Finding(request.family(), rule, request.describe(), shown)));
            }
            case HTTP_LAYER -> {
                otherOutcomes.computeIfAbsent("HTTP layer: " + request.mutation(), k -> new TreeMap<>())
                        .merge(answer.status() <= 0 ? answer.statusLine() : answer.status() + (answer.body().length == 0 ? " (no body)" : " " + contentType), 1, Integer::sum);
                if (answer.status() >= 500 && answer.status() != 505 || answer.body().length > 0 && !contentType.contains("json")) {
                    findings.add(new Finding(Family.HTTP_LAYER, answer.status() >= 500 ? "5xx" : "a body that is not JSON", request.describe(), shown));
                }
            }
            case RUNTIME -> otherOutcomes.computeIfAbsent("runtime: " + request.method() + " " + request.target().split("\\?")[0], k -> new TreeMap<>())
                    .merge(answer.status() <= 0 ? answer.statusLine() : answer.status() + " " + contentType.split(";")[0], 1, Integer::sum);
        }
    }

    void readiness(boolean ready) {
        readinessChecks++;
        if (!ready) {
            findings.add(new Finding(Family.RUNTIME, "not ready", "GET /health/ready", "not 200 after " + sent + " requests"));
        }
    }

    void finish(Duration took) {
        elapsed = took;
    }

    /** SHA-256 of every request, in order, without what the server chose (keys, key ids, its port): the same for the same seed. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) requests.clone()).digest()).substring(0, 16);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int sent() {
        return sent;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The findings that break {@code rule} (e.g. {@code "5xx"}). */
    public List<Finding> findings(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    public boolean passed() {
        return findings.isEmpty();
    }

    /** The run as Markdown: the tables, then every finding (at most {@code maxListed} of them). */
    public String markdown(int maxListed) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "### Fuzzing run: seed %d, %d requests in %.1f s, %d readiness checks — %s%n%n",
                seed, sent, elapsed.toMillis() / 1000.0, readinessChecks, passed() ? "PASS" : "FAIL: " + findings.size() + " findings"));
        out.append("Requests digest (the same for the same seed and count): `").append(digest()).append("`\n\n");
        out.append("| family | sent | no answer | 1xx | 2xx | 3xx | 4xx | 5xx | findings |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        byFamily.forEach((family, counts) -> out.append(row(family.name(), counts,
                findings.stream().filter(f -> f.family() == family).count())));
        out.append("\n| request: what was broken | sent | no answer | 1xx | 2xx | 3xx | 4xx | 5xx |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
        byMutation.forEach((mutation, counts) -> out.append(row(mutation, counts, -1)));
        out.append("\n| HTTP layer case / runtime endpoint | answers |\n|---|---|\n");
        otherOutcomes.forEach((name, answers) -> out.append("| ").append(name).append(" | ").append(answers.entrySet().stream()
                .map(e -> e.getKey().strip() + " ×" + e.getValue()).collect(Collectors.joining(", "))).append(" |\n"));
        if (!findings.isEmpty()) {
            out.append("\n#### Findings (").append(findings.size()).append(")\n\n");
            findings.stream().limit(maxListed).forEach(f -> out.append("- [").append(f.family()).append("] ").append(f.rule()).append(": `")
                    .append(f.request().replace("`", "'")).append("` → ").append(f.answer()).append('\n'));
            if (findings.size() > maxListed) {
                out.append("- … and ").append(findings.size() - maxListed).append(" more\n");
            }
        }
        return out.toString();
    }

    private static String row(String name, long[] counts, long findingCount) {
        StringBuilder row = new StringBuilder("| ").append(name).append(" | ").append(Arrays.stream(counts).sum());
        for (long c : counts) {
            row.append(" | ").append(c);
        }
        return row.append(findingCount >= 0 ? " | " + findingCount : "").append(" |\n").toString();
    }
}
