package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body with the domain's strict parser ({@link Json#parse}) into the
 * {@link JsonFields} a resource method takes. Malformed JSON is a 400 (the domain's
 * {@code MalformedJsonException}); a body over the size limit stops the read with a 413
 * ({@code BodySizeLimit}).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonFields> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonFields.class;
    }

    @Override
    public JsonFields readFrom(Class<JsonFields> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return JsonFields.body(Json.parse(entityStream.readAllBytes()));
    }
}
