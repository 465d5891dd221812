package dev.vectorizer.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What broke a rule, by kind, with the first examples of each; thread-safe. */
public final class Findings {

    private static final int EXAMPLES = 5;

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();

    public synchronized void add(String kind, String example) {
        int count = counts.merge(kind, 1, Integer::sum);
        if (count <= EXAMPLES) {
            examples.add(kind + ": " + example);
        }
    }

    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized List<String> examples() {
        return List.copyOf(examples);
    }
}
