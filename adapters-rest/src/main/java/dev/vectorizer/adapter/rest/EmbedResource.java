package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.json.JsonFields;
import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.domain.InvalidValueException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Embeds text with the server's model: {@code {"texts":[..]}} or {@code {"text":".."}}. */
@Path("api/embed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbedResource {

    public record Embeddings(String model, int dimension, List<float[]> embeddings) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    EmbedTextQuery embed;

    @POST
    public Embeddings embed(JsonValue body) {
        JsonFields json = JsonFields.body(body);
        InvalidValueException.require(json.has("texts") ^ json.has("text"), "give either 'texts' or 'text'");
        List<String> texts = json.has("texts") ? json.strings("texts") : List.of(json.string("text"));
        List<float[]> embeddings = embed.embed(caller.tenant(), texts);
        return new Embeddings(embed.model(), embeddings.getFirst().length, embeddings);
    }
}
