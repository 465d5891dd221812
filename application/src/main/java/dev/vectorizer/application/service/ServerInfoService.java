package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.GetServerInfoQuery;
import dev.vectorizer.application.port.out.InstallationPort;
import dev.vectorizer.domain.ServerInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class ServerInfoService implements GetServerInfoQuery {

    static final String PRODUCT_NAME = "vectorizer";

    private final ServerSettings settings;
    private final InstallationPort installations;

    @Inject
    public ServerInfoService(ServerSettings settings, InstallationPort installations) {
        this.settings = settings;
        this.installations = installations;
    }

    /** For the CDI client proxy only. */
    protected ServerInfoService() {
        this(null, null);
    }

    @Override
    public ServerInfo serverInfo() {
        return new ServerInfo(PRODUCT_NAME, version(), settings.mode(), installations.installation());
    }

    /** The version stamped into this module's jar manifest by the build; {@code dev} when run from classes. */
    private static String version() {
        String version = ServerInfoService.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
