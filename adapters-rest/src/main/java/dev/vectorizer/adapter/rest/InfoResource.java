package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.GetServerInfoQuery;
import dev.vectorizer.domain.json.ServerInfoJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** What this server is and runs (public); one instance serves every request, like {@link SearchResource}. */
@Path("api/info")
@PublicEndpoint
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    @Inject
    GetServerInfoQuery serverInfo;

    @GET
    public Map<String, Object> info() {
        return ServerInfoJson.write(serverInfo.serverInfo());
    }
}
