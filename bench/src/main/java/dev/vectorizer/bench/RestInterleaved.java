package dev.vectorizer.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * REST search and the same index in process, timed in alternating windows: a fork beside the live
 * server opens the server's (committed, merged) index to read, and drives wrk itself, so that every
 * wrk window has an in-process window at as many threads seconds before or after it
 * ({@link Measure#alternate}). Measured minutes apart, the two saw different
 * machines: the host moves the VM's speed by up to 2× ({@link Interleaved}), and a 5 s window of the
 * in-process engine measured 82–126 µs per search within one quarter of an hour. Emits kind {@code rest}:
 * each kind of request's searches per second ({@link RestRequests#engine}) and its in-process
 * windows ({@link RestRequests#inProcessEngine}), by connection count.
 */
final class RestInterleaved {

    /** The server under test: where it listens, and its process (for its CPU time). */
    record Server(URI base, ProcessHandle process) {
    }

    /**
     * Untimed load before the first timed wrk run: the server's whole request path (Grizzly, Jersey,
     * Weld, JSON, Lucene) must be compiled by C2 first; after 10 s it still ran at a third of its
     * later speed, and after 40 s on a busy box the JIT still took 135-1,400 µs of CPU per answer
     * (<= 14 µs after 120 s).
     */
    private static final int WARM_UP_SECONDS = 90;

    /**
     * The batch route shares the server's whole path with the single one, warmed up before it; its
     * own code (a body of 100 searches is read, searched and written per request, so at a few hundred
     * requests a second its per-request methods reach C2 slowly) still had the compiler busy for
     * 0.4–1.6 s of every 5 s one minute in.
     */
    private static final int BATCH_WARM_UP_SECONDS = 30;

    private RestInterleaved() {
    }

    /**
     * For each kind of request ({@link RestRequests#ALL}): wrk's warm-up, then {@code passes} rounds
     * over the connection counts of a wrk window and an in-process window of {@code window} each.
     */
    static void run(DataSet data, Measure.KnnSearch inProcess, Server server, Path work, int ef, double restRecall,
            int[] connections, int passes, Duration window) throws IOException, InterruptedException {
        float[][] queries = data.queries();
        Measure.warmUp(inProcess, queries, new int[] {ef}, new int[] {100}, BenchMain.K);
        double recall = Measure.recall(inProcess, queries, data.truth(), BenchMain.K, ef, 100);
        IntFunction<Measure.Unit> clients = Measure.clients(inProcess, queries, BenchMain.K, ef, 100);
        int widest = Arrays.stream(connections).max().orElseThrow();
        for (RestRequests requests : RestRequests.ALL) {
            WrkRunner wrk = WrkRunner.prepare(work.resolve("wrk-" + requests.searches()), bodies(queries, requests, ef));
            URI url = server.base().resolve("/api/collections/" + Report.CLUSTERED + requests.route());
            wrk.run(server.process(), url, widest, requests.batch() ? BATCH_WARM_UP_SECONDS : WARM_UP_SECONDS);
            for (int threads : connections) {
                List<Double> rest = new ArrayList<>();
                List<Double> local = new ArrayList<>();
                Measure.alternate(passes, () -> Measure.window(threads, clients, window), local, () -> {
                    WrkRunner.Result r = wrk.run(server.process(), url, threads, (int) window.toSeconds());
                    Measure.emitNote(String.format(Locale.ROOT, "%s, %d connection(s), pass %d: p50 %.2f ms, p99 %.2f ms, server CPU %.0f µs/request.",
                            requests.engine(), threads, rest.size() + 1, r.p50Millis(), r.p99Millis(), r.serverCpuMicrosPerRequest()));
                    return r.requestsPerSecond() * requests.searches();
                }, rest);
                Measure.emit("rest", requests.engine(), ef, 100, threads, restRecall, rest);
                Measure.emit("rest", requests.inProcessEngine(), ef, 100, threads, recall, local);
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
}
