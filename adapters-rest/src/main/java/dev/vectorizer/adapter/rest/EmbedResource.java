package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.TextJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Embeds text with the server's model: {@code {"texts":[..]}} or {@code {"text":".."}}. */
@Path("api/embed")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbedResource {

    @Inject
    CurrentCaller caller;
    @Inject
    EmbedTextQuery embed;

    @POST
    public Map<String, Object> embed(JsonFields body) {
        return TextJson.embeddings(embed.model(), embed.embed(caller.tenant(), TextJson.texts(body)));
    }
}
