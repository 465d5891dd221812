package dev.vectorizer.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * REST search throughput against the same index searched in process: the uber-jar's own collection,
 * ingested over HTTP once and merged by the server, searched with wrk at 1 and 4 connections, one
 * search per request and then batches ({@link RestRequests#ALL}, {@code search/batch}); then
 * the server's data directory opened by our engine in a forked JVM, searched by 1 and 4 threads at the
 * same ef. The ef is the smallest at which ours in process reached the recall target in this run.
 */
final class RestComparison {

    private static final int[] CONNECTIONS = {1, 4};
    /**
     * Untimed load before the first timed wrk run: the server's whole request path (Grizzly, Jersey,
     * Weld, JSON, Lucene) must be compiled by C2 first; after 10 s it still ran at a third of its
     * later speed, and after 40 s on a busy box the JIT still took 135-1,400 µs of CPU per answer
     * (<= 14 µs after 120 s).
     */
    private static final int WARM_UP_SECONDS = 90;

    /** The batch route shares the server's whole path with the single one, warmed up before it. */
    private static final int BATCH_WARM_UP_SECONDS = 20;

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

    /** wrk against the server, for each kind of request: one warm-up run, then {@code restPasses} runs at each connection count. */
    void searchOverRest(DataSet data, int[] efs) throws IOException, InterruptedException {
        int ef = ef(efs);
        try (RestRunner rest = RestRunner.start(jar, dataDir(), log, serverArgs())) {
            double recall = rest.recall(Report.CLUSTERED, data, ef, BenchMain.K);
            for (RestRequests requests : RestRequests.ALL) {
                WrkRunner wrk = WrkRunner.prepare(runs.resolve("wrk-" + requests.searches()), bodies(data.queries(), requests, ef));
                URI url = rest.base().resolve("/api/collections/" + Report.CLUSTERED + requests.route());
                wrk.run(rest.process(), url, CONNECTIONS[CONNECTIONS.length - 1],
                        requests.batch() ? BATCH_WARM_UP_SECONDS : Math.max(seconds, WARM_UP_SECONDS));
                passes(rest, wrk, url, requests, ef, recall);
            }
        }
    }

    /** {@code restPasses} wrk runs at each connection count; searches per second are requests per second × the searches per request. */
    private void passes(RestRunner rest, WrkRunner wrk, URI url, RestRequests requests, int ef, double recall)
            throws IOException, InterruptedException {
        for (int pass = 1; pass <= restPasses; pass++) {
            for (int connections : CONNECTIONS) {
                WrkRunner.Result r = wrk.run(rest.process(), url, connections, seconds);
                results.add(new Results.Key(Report.CLUSTERED, requests.engine(), "rest", ef, 100, connections), recall,
                        List.of(r.requestsPerSecond() * requests.searches()));
                results.notes.add(String.format(Locale.ROOT, "%s, %d connection(s), pass %d: p50 %.2f ms, p99 %.2f ms, server CPU %.0f µs/request.",
                        requests.engine(), connections, pass, r.p50Millis(), r.p99Millis(), r.serverCpuMicrosPerRequest()));
            }
        }
    }

    /** The queries as the bodies of {@code requests}, {@code requests.searches()} queries each. */
    private static List<String> bodies(float[][] queries, RestRequests requests, int ef) {
        List<String> bodies = new ArrayList<>();
        int size = requests.searches();
        for (int from = 0; from + size <= queries.length; from += size) {
            bodies.add(requests.body(Arrays.stream(queries, from, from + size).map(q -> RestRunner.searchBody(q, BenchMain.K, ef)).toList()));
        }
        return bodies;
    }

    /** The server's index opened by our engine in a fresh JVM, at the same ef and at as many threads as wrk had connections. */
    void searchInProcess(DataSet data, int[] efs, int passes) throws IOException, InterruptedException {
        String incarnation = collectionDir().getFileName().toString().substring(Report.CLUSTERED.length() + 1);
        List<String> args = ForkMain.oursArgs(data, dataDir(), Report.CLUSTERED, Report.OURS_REST_INDEX, efs, passes);
        args.addAll(List.of("--tenant", "default", "--incarnation", incarnation, "--thread-ef", Integer.toString(ef(efs)),
                "--threads", Forks.csv(CONNECTIONS)));
        Forks.java(args, results.collector(Report.CLUSTERED));
    }
}
