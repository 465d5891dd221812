package dev.vectorizer.bench.crash;

import dev.vectorizer.bench.harness.Point;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one writer's vectors must look like after a crash. A writer owns its ids (prefix
 * {@code w<n>-}, never reused) in one collection and sends one request at a time, so its vectors'
 * state is known exactly, except for the one request that was under way when the server died: that
 * upsert is all there or not at all (the API promises a batch is all or nothing), that delete may
 * have removed any of its ids (no promise; counted, not judged).
 */
final class WriterLedger {

    /** The request whose answer never came. */
    private record Pending(boolean upsert, List<Point> points, List<String> ids) {
    }

    /** What {@link #verify} found for this writer. */
    record Check(int lost, int wrong, int resurrected, int torn, int pendingApplied, int pendingNotApplied, int partialDeletes,
                 List<String> examples) {
    }

    final int writer;
    final String collection;
    private final String prefix;
    private final Map<String, Point> present = new HashMap<>();
    private final Set<String> everWritten = new HashSet<>();
    private Pending pending;
    private long nextId;

    WriterLedger(int writer, String collection) {
        this.writer = writer;
        this.collection = collection;
        this.prefix = "w" + writer + "-";
    }

    String newId() {
        return prefix + nextId++;
    }

    /** Whether this writer ever sent a vector with this id. */
    boolean owns(String id) {
        return everWritten.contains(id);
    }

    /** The ids present now, in a stable order. */
    List<String> presentIds() {
        List<String> ids = new ArrayList<>(present.keySet());
        ids.sort(null);
        return ids;
    }

    void sendingUpsert(List<Point> points) {
        pending = new Pending(true, List.copyOf(points), points.stream().map(Point::id).toList());
        pending.ids.forEach(everWritten::add);
    }

    void sendingDelete(List<String> ids) {
        pending = new Pending(false, List.of(), List.copyOf(ids));
    }

    /** The request under way was acknowledged: it is now the expected state. */
    void acknowledged() {
        if (pending.upsert) {
            pending.points.forEach(p -> present.put(p.id(), p));
        } else {
            pending.ids.forEach(present::remove);
        }
        pending = null;
    }

    /**
     * Compares what the restarted server holds ({@code stored}: every vector of the collection by id)
     * with what this writer was told, then takes the stored state as the expectation from now on.
     */
    Check verify(Map<String, JsonObject> stored) {
        int lost = 0;
        int wrong = 0;
        int resurrected = 0;
        List<String> examples = new ArrayList<>();
        Set<String> pendingIds = pending == null ? Set.of() : new HashSet<>(pending.ids);
        for (String id : everWritten) {
            if (pendingIds.contains(id)) {
                continue;
            }
            Point expected = present.get(id);
            JsonObject found = stored.get(id);
            if (expected == null && found != null) {
                resurrected++;
                examples.add("deleted (acknowledged) but back: " + collection + "/" + id);
            } else if (expected != null && found == null) {
                lost++;
                examples.add("acknowledged but missing: " + collection + "/" + expected);
            } else if (expected != null && !expected.sameAs(found)) {
                wrong++;
                examples.add("acknowledged " + collection + "/" + expected + " but stored " + found);
            }
        }
        int[] outcome = pending == null ? new int[3] : pendingOutcome(stored, examples);
        present.clear();
        stored.forEach((id, v) -> {
            if (id.startsWith(prefix)) {
                present.put(id, Point.of(v));
            }
        });
        boolean pendingUpsert = pending != null && pending.upsert;
        pending = null;
        int torn = pendingUpsert ? outcome[2] : 0;
        return new Check(lost, wrong + outcome[0], resurrected, torn, outcome[1] == 1 ? 1 : 0, outcome[1] == 0 ? 1 : 0,
                pendingUpsert ? 0 : outcome[2], examples);
    }

    /** Of the request under way: {values neither old nor new, 1 if applied / 0 if not / -1 if partly, 1 if partly}. */
    private int[] pendingOutcome(Map<String, JsonObject> stored, List<String> examples) {
        int applied = 0;
        int kept = 0;
        int wrong = 0;
        for (int i = 0; i < pending.ids.size(); i++) {
            String id = pending.ids.get(i);
            JsonObject found = stored.get(id);
            Point before = present.get(id);
            boolean isNew = pending.upsert ? pending.points.get(i).sameAs(found) : found == null;
            boolean isOld = before == null ? found == null : before.sameAs(found);
            if (isNew) {
                applied++;
            } else if (isOld) {
                kept++;
            } else {
                wrong++;
                examples.add("in-flight " + (pending.upsert ? "upsert" : "delete") + " left " + collection + "/" + id + " as " + found);
            }
        }
        boolean partly = applied > 0 && kept > 0;
        if (partly && pending.upsert) {
            examples.add("torn batch in " + collection + ": " + applied + " of " + pending.ids.size() + " vectors applied, e.g. " + pending.ids.getFirst());
        }
        return new int[] {wrong, partly ? -1 : applied > 0 ? 1 : 0, partly ? 1 : 0};
    }
}
