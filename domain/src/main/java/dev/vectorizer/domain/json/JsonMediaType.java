package dev.vectorizer.domain.json;

/**
 * Whether a request's {@code Content-Type} says its body is JSON in UTF-8, the only encoding the
 * API's codec reads: {@code application/json}, with no {@code charset} or {@code charset=utf-8}
 * (quoted or not). A body declared in another charset is refused (415) rather than read as UTF-8,
 * or read by a library in the charset it declares.
 */
public final class JsonMediaType {

    private static final String JSON = "application/json";

    private JsonMediaType() {
    }

    public static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1); // never empty, even for ";"
        if (!parts[0].strip().equalsIgnoreCase(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2 || !unquoted(parameter[1]).equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    private static String unquoted(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
