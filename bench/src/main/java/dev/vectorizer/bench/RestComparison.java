package dev.vectorizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * REST search throughput against the same index searched in process: the uber-jar's own collection,
 * ingested over HTTP once and merged by the server, searched with wrk at 1 and 4 connections, one
 * search per request and then batches ({@link RestRequests#ALL}, {@code search/batch}), each wrk
 * window next to a window of our engine on the server's index in a forked JVM at as many threads
 * ({@link RestInterleaved}). The ef is the smallest at which ours in process reached the recall
 * target in this run.
 */
final class RestComparison {

    private static final int[] CONNECTIONS = {1, 4};

    private final Path jar;
    private final Path runs;
    private final Path log;
    private final Results results;
    private final int seconds;
    private final int restPasses;

    RestComparison(Path jar, Path runs, Path log, Results results, int seconds, int restPasses) {
        this.jar = jar;
        this.runs = runs;
        this.log = log;
        this.results = results;
        this.seconds = seconds;
        this.restPasses = restPasses;
    }

    private Path dataDir() {
        return runs.resolve("rest-data");
    }

    private List<String> serverArgs() {
        return List.of("-Dvectorizer.storage.commit-interval=" + OursInProcess.COMMIT_INTERVAL.toSeconds() + "s");
    }

    /** Ingests the clustered set over REST (timed) and waits until the server has merged it to one segment. */
    void ingest(DataSet data) throws IOException, InterruptedException {
        try (RestRunner rest = RestRunner.start(jar, dataDir(), log, serverArgs())) {
            rest.createCollection(Report.CLUSTERED, data.dimension(), BenchMain.HNSW);
            Ingest ingest = rest.ingest(Report.CLUSTERED, data.base());
            results.ingest(ingest);
            Log.info(String.format(Locale.ROOT, "REST: ingested %d in %.1f s", ingest.count(), ingest.seconds()));
            OursInProcess.awaitMergedCommit(OurEngine.indexIn(collectionDir()), data.base().length);
        }
    }

    /** The server's collection directory ({@code clustered.<incarnation>} in the default tenant's). */
    private Path collectionDir() throws IOException {
        for (Path parent : OurEngine.collectionParents(dataDir(), "default")) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> dirs = Files.list(parent)) {
                    Optional<Path> found = dirs.filter(d -> d.getFileName().toString().startsWith(Report.CLUSTERED + ".")).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw new IOException("no REST collection under " + dataDir());
    }

    /** The ef of the comparison: the smallest at which ours in process reaches the recall target, else the largest swept. */
    private int ef(int[] efs) {
        return Sweep.firstReaching(results.sweep(Report.CLUSTERED, Report.OURS, 100), BenchMain.RECALL_TARGET).map(Sweep::ef)
                .orElse(efs[efs.length - 1]);
    }

    /**
     * wrk against the server and the server's index in a fork of its own, in alternating windows
     * ({@link RestInterleaved}): the server starts on its data directory, answers the recall pass, and
     * the fork opens the same index to read beside it.
     */
    void search(DataSet data, int[] efs) throws IOException, InterruptedException {
        int ef = ef(efs);
        String incarnation = collectionDir().getFileName().toString().substring(Report.CLUSTERED.length() + 1);
        try (RestRunner rest = RestRunner.start(jar, dataDir(), log, serverArgs())) {
            double recall = rest.recall(Report.CLUSTERED, data, ef, BenchMain.K);
            Forks.java(List.of("rest", "--data", data.dir().toString(), "--engine-dir", dataDir().toString(), "--name", Report.CLUSTERED,
                    "--tenant", "default", "--incarnation", incarnation, "--ef", Integer.toString(ef),
                    "--rest-recall", Double.toString(recall), "--url", rest.base().toString(), "--server-pid", Long.toString(rest.process().pid()),
                    "--work", runs.resolve("wrk").toString(), "--connections", Forks.csv(CONNECTIONS), "--passes", Integer.toString(restPasses),
                    "--seconds", Integer.toString(seconds)), results.collector(Report.CLUSTERED));
        }
    }
}
