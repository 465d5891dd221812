package dev.vectorizer.deploy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.OperationLogSinkPort;
import dev.vectorizer.application.port.out.QuotaCheckPort;
import dev.vectorizer.application.port.out.TenantQuotaPort;
import dev.vectorizer.application.port.out.UsageReportSinkPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.reflect.Proxy;

/**
 * Injects, for each control-plane port, the adapter of the configured mode's control plane: the
 * local installation's in single and standalone modes, HiveHub's in hub mode (adapters are told
 * apart by {@link ControlPlane}). A port without an adapter for the mode fails every call as
 * unavailable, so nothing is decided without its control plane.
 */
@ApplicationScoped
class ControlPlaneProducer {

    @Produces
    @ApplicationScoped
    TenantQuotaPort tenantQuotas(ServerSettings settings, @Any Instance<TenantQuotaPort> adapters) {
        return chosen(settings, adapters, TenantQuotaPort.class);
    }

    @Produces
    @ApplicationScoped
    QuotaCheckPort quotaChecks(ServerSettings settings, @Any Instance<QuotaCheckPort> adapters) {
        return chosen(settings, adapters, QuotaCheckPort.class);
    }

    @Produces
    @ApplicationScoped
    UsageReportSinkPort usageReports(ServerSettings settings, @Any Instance<UsageReportSinkPort> adapters) {
        return chosen(settings, adapters, UsageReportSinkPort.class);
    }

    @Produces
    @ApplicationScoped
    OperationLogSinkPort operationLogs(ServerSettings settings, @Any Instance<OperationLogSinkPort> adapters) {
        return chosen(settings, adapters, OperationLogSinkPort.class);
    }

    private static <T> T chosen(ServerSettings settings, Instance<T> adapters, Class<T> port) {
        ControlPlane.Kind kind = settings.mode() == ServerMode.HUB ? ControlPlane.Kind.HIVEHUB : ControlPlane.Kind.LOCAL;
        Instance<T> adapter = adapters.select(new Literal(kind));
        return adapter.isResolvable() ? adapter.get() : unavailable(port, kind);
    }

    private static <T> T unavailable(Class<T> port, ControlPlane.Kind kind) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> port.getSimpleName() + " without a " + kind + " adapter";
                };
            }
            throw new UnavailableException("no " + kind + " adapter for " + port.getSimpleName() + " is deployed");
        }));
    }

    private static final class Literal extends AnnotationLiteral<ControlPlane> implements ControlPlane {

        private static final long serialVersionUID = 1L;
        private final Kind kind;

        Literal(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Kind value() {
            return kind;
        }
    }
}
