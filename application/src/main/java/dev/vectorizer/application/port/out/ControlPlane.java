package dev.vectorizer.application.port.out;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which control plane an adapter of a control-plane port ({@link TenantQuotaPort},
 * {@link QuotaCheckPort}, {@link UsageReportSinkPort}, {@link OperationLogSinkPort}) speaks for. Each
 * such port has one adapter per kind; the composition root injects the one of the configured mode.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ControlPlane {

    Kind value();

    enum Kind {
        /** The installation itself: single and standalone modes. */
        LOCAL,
        /** HiveHub: hub mode. */
        HIVEHUB
    }
}
