package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.Point;
import java.util.List;
import java.util.Random;

/**
 * Reads the contested collection while it comes and goes — searches (some with a filter), gets its
 * info, scrolls it — mostly with a usable key and, one time in four, with a key whose revocation was
 * acknowledged, which must be refused. Any 2xx, 4xx is fine here; a 5xx or no answer is a finding.
 */
final class Searcher {

    private final Arena arena;
    private final Random random;

    Searcher(Arena arena, Random random) {
        this.arena = arena;
        this.random = random;
    }

    void runUntil(long deadline) {
        while (System.nanoTime() < deadline) {
            List<KeyRing.Key> revoked = arena.keys.revoked();
            KeyRing.Key key = !revoked.isEmpty() && random.nextInt(4) == 0 ? revoked.get(random.nextInt(revoked.size()))
                    : arena.keys.pickForClient(random);
            switch (random.nextInt(4)) {
                case 0 -> arena.call("get collection", key, "GET", Arena.PATH, null);
                case 1 -> arena.call("scroll", key, "POST", Arena.PATH + "/scroll", "{\"limit\":" + (1 + random.nextInt(50)) + "}");
                default -> {
                    String vector = Point.valuesJson(Point.random("q", arena.dimension, random, "{}").values());
                    String filter = random.nextBoolean() ? "" : ",\"filter\":{\"must\":[{\"key\":\"writer\",\"match\":" + random.nextInt(4) + "}]}";
                    arena.call("search", key, "POST", Arena.PATH + "/search", "{\"vector\":" + vector + ",\"limit\":10" + filter + "}");
                }
            }
        }
    }
}
