package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Payload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StringField;

/**
 * Indexes a payload for filtering, mirroring how {@code dev.vectorizer.domain.search} conditions see
 * it: a field is addressed by its dotted path ({@code address.city}), and an array at a path stands
 * for each of its elements (only one level: objects and arrays inside arrays are not walked, exactly as
 * {@code Payload.get} cannot step into them). Each value type gets its own field namespace, so a string
 * {@code "true"} never matches the boolean {@code true} and internal fields (all starting with
 * {@code _}) cannot clash:
 * <ul>
 *   <li>strings: {@code ps.<path>} keyword ({@link StringField}); strings longer than Lucene's term
 *       limit are not indexed (and cannot be matched);</li>
 *   <li>booleans: {@code pb.<path>} keyword {@code "true"}/{@code "false"};</li>
 *   <li>numbers (integers and doubles alike, compared as doubles like the reference semantics):
 *       {@code pn.<path>} {@link DoublePoint}, with {@code -0.0} indexed as {@code 0.0} because the
 *       reference compares {@code -0.0 == 0.0};</li>
 *   <li>objects with numeric {@code lat} (within ±90) and {@code lon} (within ±180):
 *       {@code pg.<path>} {@link LatLonPoint}; their {@code lat}/{@code lon} are also numbers at
 *       {@code <path>.lat}/{@code <path>.lon}.</li>
 * </ul>
 * Payload keys containing a dot are skipped: no dotted filter path can reach them.
 */
final class PayloadFields {

    private static final int MAX_TERM_BYTES = 32_766;

    private PayloadFields() {
    }

    static String stringField(String path) {
        return "ps." + path;
    }

    static String booleanField(String path) {
        return "pb." + path;
    }

    static String numberField(String path) {
        return "pn." + path;
    }

    static String geoField(String path) {
        return "pg." + path;
    }

    /** {@code -0.0} as {@code 0.0}; everything else unchanged. */
    static double normalize(double value) {
        return value == 0 ? 0.0 : value;
    }

    static void addTo(Document doc, Payload payload) {
        payload.fields().forEach((key, value) -> {
            if (key.indexOf('.') < 0) {
                walk(doc, key, value, false);
            }
        });
    }

    private static void walk(Document doc, String path, Object value, boolean inArray) {
        switch (value) {
            case null -> {
            }
            case String s -> {
                if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_TERM_BYTES) {
                    doc.add(new StringField(stringField(path), s, Field.Store.NO));
                }
            }
            case Boolean b -> doc.add(new StringField(booleanField(path), b.toString(), Field.Store.NO));
            case Number n -> doc.add(new DoublePoint(numberField(path), normalize(n.doubleValue())));
            case Map<?, ?> map -> {
                if (map.get("lat") instanceof Number lat && map.get("lon") instanceof Number lon
                        && Math.abs(lat.doubleValue()) <= 90 && Math.abs(lon.doubleValue()) <= 180) {
                    doc.add(new LatLonPoint(geoField(path), lat.doubleValue(), lon.doubleValue()));
                }
                if (!inArray) {
                    map.forEach((k, v) -> {
                        String key = (String) k;
                        if (key.indexOf('.') < 0) {
                            walk(doc, path + "." + key, v, false);
                        }
                    });
                }
            }
            case List<?> list -> {
                if (!inArray) {
                    list.forEach(item -> walk(doc, path, item, true));
                }
            }
            default -> {
            }
        }
    }
}
