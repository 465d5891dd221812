package dev.vectorizer.bench.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What broke a rule, by kind, with the first examples of each; thread-safe. */
final class Findings {

    private static final int EXAMPLES = 5;

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();

    synchronized void add(String kind, String example) {
        int count = counts.merge(kind, 1, Integer::sum);
        if (count <= EXAMPLES) {
            examples.add(kind + ": " + example);
        }
    }

    synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }
}
