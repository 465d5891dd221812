package dev.vectorizer.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything one benchmark run measured, pooled over its rounds: search points (per data set, engine,
 * kind, ef, filter and threads or connections), ingest times, cold starts, footprints and the load the
 * box had before each run.
 */
final class Results {

    /**
     * {@code kind}: {@code sweep} (one thread), {@code paired} (one thread, ours and raw Lucene interleaved in
     * one JVM), {@code threads} (concurrent clients in process), {@code kernel} (the distance kernel alone),
     * {@code rest} (wrk connections, and the in-process windows between them).
     */
    record Key(String data, String engine, String kind, int ef, int filter, int threads) {
    }

    /** Bytes of one index by kind of file ({@link Footprints}), and the bytes a search needs in RAM to run at memory speed. */
    record Footprint(String engine, int count, int dimension, Map<String, Long> bytes) {

        long total() {
            return bytes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The vectors every search scores: the quantized ones where there are, else the float32 ones. */
        long hotVectorBytes() {
            return bytes.containsKey("quantized") ? bytes.get("quantized") : bytes.getOrDefault("vectors", 0L);
        }

        /** What an HNSW search reads for every query: the graph and {@link #hotVectorBytes}. */
        long hotBytes() {
            return bytes.getOrDefault("graph", 0L) + hotVectorBytes();
        }
    }

    final Map<Key, Sweep> points = new LinkedHashMap<>();
    final Map<String, List<Ingest>> ingests = new LinkedHashMap<>();
    final Map<String, List<Double>> coldStarts = new LinkedHashMap<>();
    final List<Double> firstTextSearchMillis = new ArrayList<>();
    final List<Footprint> footprints = new ArrayList<>();
    final List<QuietBox.Load> loads = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** A line of {@link ForkMain} ({@code kind}, or a {@code note}) or of the hnswlib peer ({@code type: search}). */
    void add(String data, JsonObject json) {
        String kind = json.containsKey("kind") ? json.getString("kind") : "sweep";
        if (kind.equals("note")) {
            notes.add(json.getString("text"));
            return;
        }
        String engine = json.containsKey("engine") ? json.getString("engine") : "hnswlib";
        List<Double> qps = json.getJsonArray("qps").getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
        add(new Key(data, engine, kind, json.getInt("ef"), json.getInt("filter", 100), json.getInt("threads", 1)),
                json.getJsonNumber("recall").doubleValue(), qps);
    }

    /** Adds (and logs) every line a child reports about {@code data}. */
    Consumer<JsonObject> collector(String data) {
        return json -> {
            add(data, json);
            Log.info(data + " " + json);
        };
    }

    void add(Key key, double recall, List<Double> qps) {
        points.merge(key, new Sweep(key.engine(), key.ef(), recall, qps), Sweep::merge);
    }

    void ingest(Ingest ingest) {
        ingests.computeIfAbsent(ingest.path(), p -> new ArrayList<>()).add(ingest);
    }

    /** The one-thread sweep of an engine, by ef. */
    List<Sweep> sweep(String data, String engine, int filter) {
        return series(data, engine, "sweep", filter);
    }

    /** The one-thread points of an engine of one kind ({@code sweep} or {@code paired}), by ef. */
    List<Sweep> series(String data, String engine, String kind, int filter) {
        return points.entrySet().stream().filter(e -> e.getKey().data().equals(data) && e.getKey().engine().equals(engine)
                        && e.getKey().kind().equals(kind) && e.getKey().filter() == filter)
                .map(Map.Entry::getValue).sorted(Comparator.comparingInt(Sweep::ef)).toList();
    }

    List<Map.Entry<Key, Sweep>> ofKind(String data, String kind) {
        return points.entrySet().stream().filter(e -> e.getKey().data().equals(data) && e.getKey().kind().equals(kind)).toList();
    }

    Optional<Sweep> point(String data, String engine, String kind, int threads) {
        return ofKind(data, kind).stream().filter(e -> e.getKey().engine().equals(engine) && e.getKey().threads() == threads)
                .map(Map.Entry::getValue).findFirst();
    }

    List<String> engines(String data, int filter) {
        return points.keySet().stream().filter(k -> k.data().equals(data) && k.kind().equals("sweep") && k.filter() == filter)
                .map(Key::engine).distinct().toList();
    }

    /** The median over rounds of one ingest path's rate. */
    Optional<Double> ingestRate(String path) {
        List<Ingest> all = ingests.getOrDefault(path, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(new Sweep(path, 0, 0, all.stream().map(Ingest::perSecond).toList()).median());
    }
}
