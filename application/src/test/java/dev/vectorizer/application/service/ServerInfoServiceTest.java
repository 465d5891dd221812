package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Installation;
import dev.vectorizer.domain.InstallationId;
import dev.vectorizer.domain.ServerInfo;
import dev.vectorizer.domain.ServerMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerInfoServiceTest {

    private final Installation installation = new Installation(InstallationId.random(), Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void reportsProductModeAndInstallation() {
        var service = new ServerInfoService(HubAuthenticationRulesTest.HUB_SETTINGS, () -> installation);

        ServerInfo info = service.serverInfo();

        assertThat(info.name()).isEqualTo("vectorizer");
        assertThat(info.mode()).isEqualTo(ServerMode.HUB);
        assertThat(info.installation()).isEqualTo(installation);
        assertThat(info.version()).isNotBlank();
    }
}
