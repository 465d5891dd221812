package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.InstallationPort;
import dev.vectorizer.domain.Installation;
import dev.vectorizer.domain.InstallationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

@ApplicationScoped
public class JpaInstallationAdapter implements InstallationPort {

    private final MetadataStore store;
    private final Clock clock;
    private volatile Installation cached;

    @Inject
    public JpaInstallationAdapter(MetadataStore store) {
        this(store, Clock.systemUTC());
    }

    JpaInstallationAdapter(MetadataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected JpaInstallationAdapter() {
        this(null, null);
    }

    @Override
    public Installation installation() {
        Installation installation = cached;
        if (installation == null) {
            installation = store.inTransaction(em -> {
                InstallationEntity row = em.find(InstallationEntity.class, InstallationEntity.SINGLETON_KEY);
                if (row == null) {
                    row = new InstallationEntity(new Installation(InstallationId.random(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                    em.persist(row);
                }
                return row.toDomain();
            });
            cached = installation;
        }
        return installation;
    }
}
