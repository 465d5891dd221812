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

    /** The limits of the tenants' plans in {@code directory} (its cache is the one that sees their changes). */
    static TenantLimits limits(JpaTenantDirectory directory) {
        return new TenantLimits(new LocalTenantQuotas(directory), UsageSettings.DEFAULT);
    }

    static QuotaLedger ledger(CollectionCatalogPort catalog, VectorIndexPort index, TenantLimits limits) {
        return new QuotaLedger(catalog, index, limits, new LocalQuotaApprovals(), MetricsPort.NONE);
    }

    static OperationLog operations(MetadataStore store) {
        return new OperationLog(new JpaUsageOutbox(store));
    }
}
