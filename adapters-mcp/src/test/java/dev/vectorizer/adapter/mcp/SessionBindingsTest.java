package dev.vectorizer.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Principal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session serves only the credential that opened it, and only while it is in use. */
class SessionBindingsTest {

    private static final SessionBindings.Owner ACME = owner("acme", "AAAAAAAAAAAA");
    private static final SessionBindings.Owner ACME_OTHER_KEY = owner("acme", "BBBBBBBBBBBB");
    private static final SessionBindings.Owner GLOBEX = owner("globex", "AAAAAAAAAAAA");

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final SessionBindings sessions = new SessionBindings(Duration.ofMinutes(10), () -> now);

    @Test
    void onlyTheOpenerMayUseASession() {
        sessions.bind("s1", ACME);

        assertThatCode(() -> sessions.requireOwner("s1", ACME)).doesNotThrowAnyException();
        assertThatThrownBy(() -> sessions.requireOwner("s1", GLOBEX)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.requireOwner("s1", ACME_OTHER_KEY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.requireOwner("never-opened", ACME)).isInstanceOf(NotFoundException.class)
                .hasMessage("no such MCP session for this credential; initialize a new session");
        assertThatCode(() -> sessions.requireOwner("s1", ACME)).as("the attempts changed nothing").doesNotThrowAnyException();
    }

    @Test
    void aSessionInUseStaysAndAnIdleOneLapses() {
        sessions.bind("s1", ACME);
        for (int i = 0; i < 5; i++) {
            now = now.plus(Duration.ofMinutes(9));
            sessions.requireOwner("s1", ACME);
        }
        now = now.plus(Duration.ofMinutes(11));

        assertThatThrownBy(() -> sessions.requireOwner("s1", ACME)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherCredentialsAttemptsDoNotKeepASessionAlive() {
        sessions.bind("s1", ACME);
        now = now.plus(Duration.ofMinutes(9));
        assertThatThrownBy(() -> sessions.requireOwner("s1", GLOBEX)).isInstanceOf(NotFoundException.class);
        now = now.plus(Duration.ofMinutes(2));

        assertThatThrownBy(() -> sessions.requireOwner("s1", ACME)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEndedSessionIsGone() {
        sessions.bind("s1", ACME);
        sessions.end("s1");

        assertThatThrownBy(() -> sessions.requireOwner("s1", ACME)).isInstanceOf(NotFoundException.class);
    }

    private static SessionBindings.Owner owner(String tenant, String key) {
        return new SessionBindings.Owner(new TenantId(tenant), new Principal.KeyHolder(new ApiKeyId(key)));
    }
}
