package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The race tenant's API keys as the clients see them, and the rule they must follow: a key is
 * refused (401) once its revocation was acknowledged, and only a key whose revocation had at least
 * been sent may be refused. Rotation leaves the old key working (DEPRECATED, for the grace period).
 * Thread-safe; only the {@link KeyKeeper} changes keys, so their states are known exactly.
 */
final class KeyRing {

    /** One key; {@code revokeSent} and {@code revokeAcked} are {@link System#nanoTime()} values, 0 until then. */
    static final class Key {
        final String id;
        final String secret;
        volatile boolean active = true;
        volatile long revokeSent;
        volatile long revokeAcked;

        Key(String id, String secret) {
            this.id = id;
            this.secret = secret;
        }
    }

    private final List<Key> keys = new ArrayList<>();
    private final Findings findings;

    KeyRing(Findings findings) {
        this.findings = findings;
    }

    synchronized void add(Key key) {
        keys.add(key);
    }

    /** A key for a client: any whose revocation was not yet acknowledged (it may be under way). */
    synchronized Key pickForClient(Random random) {
        List<Key> usable = keys.stream().filter(k -> k.revokeAcked == 0).toList();
        return usable.get(random.nextInt(usable.size()));
    }

    /** A key no one is revoking, for checks between phases and for the keeper. */
    synchronized List<Key> unrevoked() {
        return keys.stream().filter(k -> k.revokeSent == 0).toList();
    }

    synchronized List<Key> revoked() {
        return keys.stream().filter(k -> k.revokeAcked != 0).toList();
    }

    /** Judges the answer a request made with {@code key} got. */
    void judge(Key key, JsonClient.Reply reply, String what) {
        boolean refused = reply.status() == 401;
        long acked = key.revokeAcked;
        long sent = key.revokeSent;
        if (!refused && reply.answered() && acked != 0 && reply.sentNanos() > acked) {
            findings.add("revoked key accepted", what + " with key " + key.id + " sent " + millis(reply.sentNanos() - acked)
                    + " ms after its revocation was acknowledged: " + reply);
        } else if (refused && (sent == 0 || sent > reply.answeredNanos())) {
            findings.add("live key refused", what + " with key " + key.id + " (not revoked): " + reply);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
