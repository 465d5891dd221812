package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.GetUsageQuery;
import dev.vectorizer.domain.json.QuotaJson;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.tenant.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The calling tenant's own usage: {@code /api/hub/usage/statistics} and {@code /api/hub/usage/quota}, in every mode. */
@Path("api/hub/usage")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    CurrentCaller caller;
    @Inject
    GetUsageQuery usage;

    @GET
    @Path("statistics")
    public Map<String, Object> statistics() {
        return UsageJson.statistics(usage.statistics(caller.tenant()));
    }

    @GET
    @Path("quota")
    public Map<String, Object> quota() {
        Caller.OfTenant tenant = caller.tenant();
        return QuotaJson.standing(tenant.tenant(), usage.quota(tenant));
    }
}
