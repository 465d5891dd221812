package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.ValidateHubKeyQuery;
import dev.vectorizer.domain.json.HubJson;
import dev.vectorizer.domain.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** HiveHub's questions: {@code POST /api/hub/validate-key} (a signed service call without a user). */
@Path("api/hub")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HubResource {

    @Inject
    CurrentCaller caller;
    @Inject
    ValidateHubKeyQuery validate;

    /** {@code {"api_key":"hh_live_..."}} → whether it works here and for whom; never the key. */
    @POST
    @Path("validate-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> validateKey(JsonFields body) {
        return HubJson.validity(validate.validateKey(caller.hiveHub(), HubJson.apiKey(body)));
    }
}
