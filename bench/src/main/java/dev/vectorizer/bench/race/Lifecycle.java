package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.JsonClient;
import java.util.Random;

/**
 * Deletes and creates the contested collection, as fast as it can, until {@code flipUntil}: each
 * incarnation with a seeded dimension (4 or 6), metric and quantization. The last of them then creates
 * it once more (201, or 409 if it exists), so that writes have a while to land in one incarnation the
 * check can judge. Of two concurrent creates one must win (201) and the other get 409; a delete is
 * 204 or, when it lost a race, 404.
 */
final class Lifecycle implements Runnable {

    private static final String[] METRICS = {"cosine", "euclidean", "dot_product"};
    private static final String[] QUANTIZATIONS = {"none", "int8"};

    private final Arena arena;
    private final Random random;
    private final long flipUntil;
    private final boolean settles;

    Lifecycle(Arena arena, Random random, long flipUntil, boolean settles) {
        this.arena = arena;
        this.random = random;
        this.flipUntil = flipUntil;
        this.settles = settles;
    }

    @Override
    public void run() {
        while (System.nanoTime() < flipUntil) {
            if (random.nextBoolean()) {
                delete();
            } else {
                create();
            }
            pause();
        }
        if (settles) {
            create();
        }
    }

    private void create() {
        int dimension = random.nextInt(4) == 0 ? 6 : 4;
        String definition = "{\"name\":\"" + Arena.NAME + "\",\"dimension\":" + dimension + ",\"metric\":\"" + METRICS[random.nextInt(METRICS.length)]
                + "\",\"quantization\":\"" + QUANTIZATIONS[random.nextInt(QUANTIZATIONS.length)] + "\"}";
        JsonClient.Reply reply = arena.call("create collection", arena.keys.pickForClient(random), "POST", "/api/collections", definition);
        if (reply.status() == 201) {
            arena.created(reply, dimension);
        } else if (reply.answered() && reply.status() != 409 && reply.status() != 401) {
            arena.findings.add("unexpected answer", "create collection: " + reply);
        }
    }

    private void delete() {
        JsonClient.Reply reply = arena.call("delete collection", arena.keys.pickForClient(random), "DELETE", Arena.PATH, null);
        if (reply.status() == 204) {
            arena.deleted();
        } else if (reply.answered() && reply.status() != 404 && reply.status() != 401) {
            arena.findings.add("unexpected answer", "delete collection: " + reply);
        }
    }

    private void pause() {
        try {
            Thread.sleep(random.nextInt(25));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
