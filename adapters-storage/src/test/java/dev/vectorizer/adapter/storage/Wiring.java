package dev.vectorizer.adapter.storage;

import dev.vectorizer.adapter.storage.metadata.JpaTenantDirectory;
import dev.vectorizer.adapter.storage.metadata.LocalTenantQuotas;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.adapter.storage.usage.JpaUsageOutbox;
import dev.vectorizer.adapter.storage.usage.LocalQuotaApprovals;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.TenantLimits;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import java.time.Duration;
import java.util.List;

/** The application's usage machinery on the real storage adapters, for the tests that run use cases against them. */
final class Wiring {

    private Wiring() {
    }

    static final EmbeddingPort NO_MODEL = new EmbeddingPort() {
        @Override
        public String model() {
            return "none";
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            throw new UnsupportedOperationException();
        }
    };

    /** Metrics are not what these tests look at. */
    static final MetricsPort NO_METRICS = new MetricsPort() {
        @Override
        public void requestAnswered(String operation, int status, Duration elapsed) {
        }

        @Override
        public void authenticationFailed(String reason) {
        }

        @Override
        public void quotaChecked(Limit quota, boolean refused) {
        }

        @Override
        public void rateLimited(RateWindow window) {
        }

        @Override
        public void delivery(Stream stream, boolean delivered, int items) {
        }

        @Override
        public void watch(Gauges gauges) {
        }

        @Override
        public void tenantSeries(List<TenantSample> samples) {
        }

        @Override
        public void watchHub(HubGauges gauges) {
        }

        @Override
        public void hubCalled(HubCall call, boolean succeeded, Duration took) {
        }
    };

    /** The limits of the tenants' plans in {@code directory} (its cache is the one that sees their changes). */
    static TenantLimits limits(JpaTenantDirectory directory) {
        return new TenantLimits(new LocalTenantQuotas(directory), UsageSettings.DEFAULT);
    }

    static QuotaLedger ledger(CollectionCatalogPort catalog, VectorIndexPort index, TenantLimits limits) {
        return new QuotaLedger(catalog, index, limits, new LocalQuotaApprovals(), NO_METRICS);
    }

    static OperationLog operations(MetadataStore store) {
        return new OperationLog(new JpaUsageOutbox(store));
    }
}
