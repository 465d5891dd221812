package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.JsonClient;
import java.util.List;
import java.util.Random;

/**
 * The installation administrator managing the race tenant's keys while the clients use them: every
 * 20–120 ms it rotates an active key (201; the old key keeps working, DEPRECATED), revokes a key (200
 * with the key, now REVOKED; refused from then on) as long as two others remain unrevoked, or issues a new one (201). It is the
 * only one changing keys, so any other answer is a finding.
 */
final class KeyKeeper {

    static final String PERMISSIONS = "{\"permissions\":[\"READ_WRITE\"]}";

    private final Arena arena;
    private final String adminKey;
    private final String tenant;
    private final Random random;
    private int rotations;
    private int revocations;
    private int issued;

    KeyKeeper(Arena arena, String adminKey, String tenant, Random random) {
        this.arena = arena;
        this.adminKey = adminKey;
        this.tenant = tenant;
        this.random = random;
    }

    /** Issues a key and puts it on the ring. */
    void issue() {
        JsonClient.Reply reply = admin("issue key", "POST", "/api/admin/tenants/" + tenant + "/keys", PERMISSIONS, 201);
        if (reply.status() == 201) {
            arena.keys.add(new KeyRing.Key(reply.json().getString("id"), reply.json().getString("key")));
            issued++;
        }
    }

    void runUntil(long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Thread.sleep(20 + random.nextInt(100));
            List<KeyRing.Key> unrevoked = arena.keys.unrevoked();
            int roll = random.nextInt(10);
            List<KeyRing.Key> active = unrevoked.stream().filter(k -> k.active).toList();
            if (roll < 4 && !active.isEmpty()) {
                rotate(active.get(random.nextInt(active.size())));
            } else if (roll < 7 && unrevoked.size() > 2) {
                revoke(unrevoked.get(random.nextInt(unrevoked.size())));
            } else {
                issue();
            }
        }
    }

    String summary() {
        return rotations + " rotations, " + revocations + " revocations, " + issued + " keys issued";
    }

    private void rotate(KeyRing.Key key) {
        JsonClient.Reply reply = admin("rotate key", "POST", "/api/admin/tenants/" + tenant + "/keys/" + key.id + "/rotate", null, 201);
        if (reply.status() == 201) {
            key.active = false;
            arena.keys.add(new KeyRing.Key(reply.json().getString("id"), reply.json().getString("key")));
            rotations++;
        }
    }

    private void revoke(KeyRing.Key key) {
        key.revokeSent = System.nanoTime();
        JsonClient.Reply reply = admin("revoke key", "DELETE", "/api/admin/tenants/" + tenant + "/keys/" + key.id, null, 200);
        if (reply.status() == 200) {
            key.revokeAcked = reply.answeredNanos();
            revocations++;
        }
    }

    private JsonClient.Reply admin(String operation, String method, String path, String json, int expected) {
        JsonClient.Reply reply = arena.tally.count(operation, arena.client.send(method, path, adminKey, json));
        if (reply.answered() && reply.status() != expected) {
            arena.findings.add("unexpected answer", operation + ": " + reply);
        }
        return reply;
    }
}
