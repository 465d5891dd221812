package dev.vectorizer.bench;

import java.util.List;

/**
 * How many searches each request of a REST run carries: one ({@code search}) or a batch
 * ({@code search/batch}), and the names its results go by in the report.
 */
record RestRequests(int searches) {

    /** One search per request, then batches of 10 and of 100 (the API's maximum). */
    static final List<RestRequests> ALL = List.of(new RestRequests(1), new RestRequests(10), new RestRequests(100));

    boolean batch() {
        return searches > 1;
    }

    /** The route the requests go to, under the collection's path. */
    String route() {
        return batch() ? "/search/batch" : "/search";
    }

    /** One request's body from the bodies of its searches (exactly {@link #searches} of them). */
    String body(List<String> searchBodies) {
        return batch() ? "{\"searches\":[" + String.join(",", searchBodies) + "]}" : searchBodies.getFirst();
    }

    /** The engine name of the run's results. */
    String engine() {
        return batch() ? "ours REST, batches of " + searches + " (wrk)" : "ours REST (wrk)";
    }

    /** The engine name of the in-process windows timed between this run's wrk windows. */
    String inProcessEngine() {
        return "ours in process, beside " + engine();
    }

    /** The run's name in the targets table. */
    String target() {
        return batch() ? "REST, batches of " + searches : "REST";
    }

    /** The run's name in the REST table. */
    String requests() {
        return batch() ? searches + " searches each (`search/batch`)" : "one search each";
    }
}
