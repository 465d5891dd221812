package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import java.util.Map;

/**
 * Points of a geo field ({@code {"lat":..,"lon":..}}) within {@code meters} of a centre, by
 * great-circle distance.
 */
public record GeoRadius(String key, double lat, double lon, double meters) implements Condition {

    private static final double EARTH_RADIUS_METERS = 6_371_008.7714;

    public GeoRadius {
        FieldValues.requireKey(key);
        InvalidValueException.require(lat >= -90 && lat <= 90, "geo_radius lat must be between -90 and 90");
        InvalidValueException.require(lon >= -180 && lon <= 180, "geo_radius lon must be between -180 and 180");
        InvalidValueException.require(meters > 0 && Double.isFinite(meters), "geo_radius meters must be a positive number");
    }

    @Override
    public boolean matches(Payload payload) {
        return FieldValues.of(payload, key).anyMatch(v -> v instanceof Map<?, ?> point
                && point.get("lat") instanceof Number pLat && point.get("lon") instanceof Number pLon
                && distanceMeters(lat, lon, pLat.doubleValue(), pLon.doubleValue()) <= meters);
    }

    /** Haversine distance between two points, in meters. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
