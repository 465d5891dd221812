package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.HubStatusPort;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HiveHub's status for health checks and metrics. An idle node would report what it last heard
 * long ago, and an unready one (which gets no traffic) would never make the trial call its half-open
 * breaker waits for; so a status query starts a probe in the background (one at a time, never
 * waited for) when the breaker waits for its trial, or when nothing was heard within
 * {@code vectorizer.hub.probe-interval}: the validation of a key that cannot exist
 * ({@value #PROBE_KEY_TEXT}), whose "not valid" is as good an answer as any.
 */
@ApplicationScoped
public class HubStatusReport implements HubStatusPort {

    static final String PROBE_KEY_TEXT = "hh_live_0000000000000000000000000000000000000000";
    private static final ApiKeySecret PROBE_KEY = ApiKeySecret.parse(PROBE_KEY_TEXT).orElseThrow();

    private final HubClient client;
    private final HubKeyValidation keys;
    private final Duration probeInterval;
    private final boolean configured;
    private final AtomicBoolean probing = new AtomicBoolean();

    @Inject
    public HubStatusReport(HubClient client, HubKeyValidation keys, HubClientSettings settings) {
        this.client = client;
        this.keys = keys;
        this.probeInterval = settings.probeInterval();
        this.configured = settings.url().isPresent();
    }

    /** For the CDI client proxy only. */
    protected HubStatusReport() {
        this.client = null;
        this.keys = null;
        this.probeInterval = null;
        this.configured = false;
    }

    @Override
    public HubStatus status() {
        if (configured && client.wantsProbe(probeInterval) && probing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("hivehub-probe").start(() -> {
                try {
                    client.validateKey(PROBE_KEY);
                } catch (HubUnavailableException recorded) {
                    // the failure is in the statistics and the breaker, which is what the probe is for
                } finally {
                    probing.set(false);
                }
            });
        }
        return client.status(keys.usableValidVerdicts());
    }

    /** True if this installation talks to HiveHub at all ({@code vectorizer.hub.url} is set). */
    boolean configured() {
        return configured;
    }
}
