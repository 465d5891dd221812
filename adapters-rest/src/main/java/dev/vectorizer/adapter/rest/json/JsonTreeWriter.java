package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.adapter.rest.problem.Problem;
import dev.vectorizer.domain.json.Json;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Writes the answers the domain's writers build (JSON trees, e.g. {@code VectorJson.write}) with
 * {@link Json#write}, so REST shows exactly what every other interface shows; problem documents too.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JsonTreeWriter implements MessageBodyWriter<Map<?, ?>> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Map.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Map<?, ?> tree, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        entityStream.write(Json.writeUtf8(tree));
    }
}
