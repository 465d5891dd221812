package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.GetHubStatusQuery;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.json.HubJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/hub/status}: whether HiveHub answers this node — 200 while it is up or degraded,
 * 503 while it is down (breaker open), with the same data as the readiness check. Public like the
 * health endpoints. Readiness ({@code /health/ready}) stays UP while cached verdicts can serve; this
 * is the check that says HiveHub itself is down (for alerting, not for routing). Not found outside
 * hub mode.
 */
@Path("api/hub/status")
@PublicEndpoint
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HubStatusResource {

    @Inject
    GetHubStatusQuery hub;

    @GET
    public Response status() {
        HubStatus status = hub.hubStatus().orElseThrow(() -> new NotFoundException("this installation does not run in hub mode"));
        return Response.status(status.connectivity() == HubStatus.Connectivity.DOWN ? 503 : 200).entity(HubJson.status(status)).build();
    }
}
