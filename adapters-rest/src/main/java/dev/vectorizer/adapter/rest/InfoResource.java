package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.GetServerInfoQuery;
import dev.vectorizer.domain.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("api/info")
@PublicEndpoint
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    /** The answer of {@code GET /api/info}. */
    public record InfoResponse(String name, String version, String mode, String installationId) {

        static InfoResponse of(ServerInfo info) {
            return new InfoResponse(info.name(), info.version(), info.mode().configName(), info.installation().id().toString());
        }
    }

    @Inject
    GetServerInfoQuery serverInfo;

    @GET
    public InfoResponse info() {
        return InfoResponse.of(serverInfo.serverInfo());
    }
}
