package dev.vectorizer.bench;

/** How long a path took to index {@code count} vectors (until they are searchable and durable). */
public record Ingest(String path, int count, double seconds) {

    public double perSecond() {
        return count / seconds;
    }
}
