package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;

/** Numeric range on a field; absent bounds are open ({@code {"key":"price","range":{"gte":1,"lt":9}}}). */
public record Range(String key, Double gt, Double gte, Double lt, Double lte) implements Condition {

    public Range {
        FieldValues.requireKey(key);
        InvalidValueException.require(gt != null || gte != null || lt != null || lte != null,
                "range on '" + key + "' needs at least one of gt, gte, lt, lte");
        for (Double bound : new Double[] {gt, gte, lt, lte}) {
            InvalidValueException.require(bound == null || Double.isFinite(bound), "range bounds must be finite numbers");
        }
    }

    @Override
    public boolean matches(Payload payload) {
        return FieldValues.of(payload, key).anyMatch(v -> v instanceof Number n && contains(n.doubleValue()));
    }

    public boolean contains(double x) {
        return (gt == null || x > gt) && (gte == null || x >= gte) && (lt == null || x < lt) && (lte == null || x <= lte);
    }
}
