package dev.vectorizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bytes of a Lucene index by kind of file: float32 vectors ({@code .vec}), quantized vectors
 * ({@code .veq}), the HNSW graph ({@code .vex}), stored fields ({@code .fdt/.fdx/.fdm}) and the rest
 * (ids, payload filter fields, metadata). Hot memory is what an HNSW search reads for every query
 * ({@link Results.Footprint#hotBytes}): the graph plus the vectors it scores (the quantized ones where
 * there are; full-precision rescoring then reads only the few candidates it rescores).
 */
final class Footprints {

    private Footprints() {
    }

    static Results.Footprint of(String engine, Path index, int count, int dimension) throws IOException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                String kind = name.endsWith(".vec") ? "vectors" : name.endsWith(".veq") ? "quantized" : name.endsWith(".vex") ? "graph"
                        : name.matches(".*\\.fd[txm]") ? "stored" : "other";
                bytes.merge(kind, Files.size(file), Long::sum);
            }
        }
        return new Results.Footprint(engine, count, dimension, bytes);
    }
}
