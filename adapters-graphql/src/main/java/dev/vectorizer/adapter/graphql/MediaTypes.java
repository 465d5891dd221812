package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.json.JsonMediaType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The media types of GraphQL over HTTP: which one an answer uses ({@link #negotiate}, from the
 * request's {@code Accept}); a POST's body is JSON in UTF-8 ({@link JsonMediaType}).
 */
enum MediaTypes {
    /** The GraphQL response type: a request error is then a 4xx, not a 200. */
    GRAPHQL_RESPONSE("application/graphql-response+json"),
    JSON("application/json");

    /** A qvalue as RFC 9110 writes it: 0 to 1 with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private final String name;

    MediaTypes(String name) {
        this.name = name;
    }

    /** The {@code Content-Type} of an answer in this type. */
    String contentType() {
        return name + "; charset=utf-8";
    }

    /**
     * The type an answer should use: the acceptable one of higher quality, the more specific range
     * deciding between equals, and {@code application/json} when still equal or when no
     * {@code Accept} is given (GraphQL over HTTP: legacy clients expect it); empty if neither is
     * acceptable (406).
     */
    static Optional<MediaTypes> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        double[] graphql = preference(accept, GRAPHQL_RESPONSE);
        double[] json = preference(accept, JSON);
        if (graphql[0] <= 0 && json[0] <= 0) {
            return Optional.empty();
        }
        boolean graphqlBetter = graphql[0] > json[0] || (graphql[0] == json[0] && graphql[1] > json[1]);
        return Optional.of(graphqlBetter ? GRAPHQL_RESPONSE : JSON);
    }

    /**
     * The quality {@code accept} gives this type and how specifically ({@code 0} for {@code *}/{@code *},
     * {@code 1} for {@code application/*}, {@code 2} for the type itself): the most specific range that
     * matches decides (RFC 9110, 12.5.1).
     */
    private static double[] preference(String accept, MediaTypes type) {
        double[] best = {0, -1};
        for (String range : accept.split(",")) {
            String[] parts = range.split(";", -1); // never empty, even for ";"
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = name.equals(type.name) ? 2 : name.equals("application/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > best[1]) {
                best[0] = quality(parts);
                best[1] = specificity;
            }
        }
        return best;
    }

    /** The range's {@code q}, 1 if absent; 0 (not acceptable) if it is not a number from 0 to 1 (RFC 9110, 12.4.2). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                String value = parameter[1].strip();
                if (!QVALUE.matcher(value).matches()) {
                    return 0;
                }
                return Double.parseDouble(value);
            }
        }
        return 1;
    }
}
