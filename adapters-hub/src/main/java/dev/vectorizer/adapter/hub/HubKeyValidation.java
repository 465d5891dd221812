package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HiveHub's key verdicts through {@link HubClient}, cached by the key's SHA-256 (never the key):
 * a valid verdict for {@code vectorizer.hub.cache.api-key-ttl} (no longer than the key's own
 * expiry) plus the grace while HiveHub cannot answer, an invalid one for
 * {@code vectorizer.hub.cache.invalid-key-ttl} and no grace; a revoked key therefore stops
 * working within one time to live while HiveHub answers. When a tenant is deleted its verdicts are
 * dropped, and a verdict fetched before the deletion is never used after it (a tombstone per
 * tenant, kept as long as such a verdict could live).
 */
@ApplicationScoped
public class HubKeyValidation implements KeyValidationPort {

    private final HubClient client;
    private final AnswerCache<String, KeyVerdict> verdicts;
    private final Map<TenantId, Instant> deleted = new ConcurrentHashMap<>();
    private final Duration tombstoneLife;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public HubKeyValidation(HubClient client, HubClientSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    HubKeyValidation(HubClient client, HubClientSettings settings, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.maxEntries = settings.maxEntries();
        this.tombstoneLife = settings.keyTtl().plus(settings.grace()).plus(settings.requestTimeout());
        this.verdicts = new AnswerCache<>(clock, settings.maxEntries(),
                verdict -> verdict instanceof KeyVerdict.Valid valid ? ttl(valid, settings.keyTtl()) : settings.invalidKeyTtl(),
                verdict -> verdict instanceof KeyVerdict.Valid ? settings.grace() : Duration.ZERO);
    }

    /** For the CDI client proxy only. */
    protected HubKeyValidation() {
        this.client = null;
        this.verdicts = null;
        this.tombstoneLife = null;
        this.maxEntries = 0;
        this.clock = null;
    }

    @Override
    public KeyVerdict validate(ApiKeySecret key) {
        String digest = Sha256.hex(key.reveal());
        AnswerCache.Entry<KeyVerdict> entry = verdicts.get(digest, () -> client.validateKey(key));
        if (fetchedBeforeItsTenantWasDeleted(entry)) {
            verdicts.forget(digest);
            entry = verdicts.get(digest, () -> client.validateKey(key));
            if (fetchedBeforeItsTenantWasDeleted(entry)) {
                return new KeyVerdict.Invalid("tenant deleted");
            }
        }
        return entry.value();
    }

    @Override
    public void forgetTenant(TenantId tenant) {
        Instant now = clock.instant();
        if (deleted.size() >= maxEntries) {
            deleted.values().removeIf(at -> at.plus(tombstoneLife).isBefore(now));
        }
        deleted.put(tenant, now);
        verdicts.forgetIf(verdict -> verdict instanceof KeyVerdict.Valid valid && valid.key().tenant().equals(tenant));
    }

    /** Valid verdicts that may still serve: what stands in for HiveHub while it is down. */
    int usableValidVerdicts() {
        return verdicts.usable(verdict -> verdict instanceof KeyVerdict.Valid);
    }

    private boolean fetchedBeforeItsTenantWasDeleted(AnswerCache.Entry<KeyVerdict> entry) {
        return entry.value() instanceof KeyVerdict.Valid valid
                && Optional.ofNullable(deleted.get(valid.key().tenant())).filter(at -> !entry.fetchedAt().isAfter(at)).isPresent();
    }

    /** The time to live of a valid verdict: the configured one, but never past the key's expiry. */
    private Duration ttl(KeyVerdict.Valid valid, Duration configured) {
        return valid.key().expiresAt().map(at -> Duration.between(clock.instant(), at)).filter(left -> left.compareTo(configured) < 0)
                .map(left -> left.isNegative() ? Duration.ZERO : left).orElse(configured);
    }
}
