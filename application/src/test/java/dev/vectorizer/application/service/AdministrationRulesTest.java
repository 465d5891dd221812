package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase.IssuedKey;
import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantPage;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants, keys, the audit log and single-mode adoption, as the installation administrator runs them. */
class AdministrationRulesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller.InstallationAdmin ROOT = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));
    private static final CollectionSpec SPEC = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());

    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final InMemoryDirectory directory = new InMemoryDirectory(audit);
    private final MovableClock clock = new MovableClock();
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index, tenant -> directory.findTenant(tenant).map(Tenant::quota).orElse(Quota.NONE),
            UsageSettings.DEFAULT, clock);
    private final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    private final TenantRemoval removal = new TenantRemoval(directory, catalog, index, new InMemoryPorts.HubKeys(), usage.ledger,
            usage.reporting, backups, backups);
    private final TenantService tenants = new TenantService(directory, audit, removal, clock);
    private final ApiKeyService keys = new ApiKeyService(directory, new ServerSettings(ServerMode.STANDALONE), audit, clock);
    private final AuditLogService auditLog = new AuditLogService(audit);
    private final SingleModeAdoptionService adoption = new SingleModeAdoptionService(directory, catalog, index, audit, usage.ledger, clock);
    private final CollectionService collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), audit, usage.ledger,
            usage.operations, clock);

    @BeforeEach
    void tenant() {
        tenants.createTenant(ROOT, Optional.of(ACME), "Acme", Quota.NONE);
    }

    @Test
    void idsWithAMeaningCannotBeGivenToATenant() {
        for (String reserved : List.of("default", "Default", "ADMIN", "system")) {
            assertThatThrownBy(() -> tenants.createTenant(ROOT, Optional.of(new TenantId(reserved)), "x", Quota.NONE)).as(reserved)
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("reserved");
        }
        assertThat(tenants.createTenant(ROOT, Optional.empty(), "Generated", Quota.NONE).id().isReserved()).isFalse();
        assertThat(tenants.listTenants(ROOT, Optional.empty(), OptionalInt.empty()).tenants()).extracting(t -> t.id().value())
                .doesNotContain("default", "Default", "ADMIN", "system");
    }

    @Test
    void tenantsAreListedInPagesInIdOrder() {
        for (String id : List.of("delta", "alpha", "charlie", "bravo")) {
            tenants.createTenant(ROOT, Optional.of(new TenantId(id)), id, Quota.NONE);
        }
        List<String> seen = new ArrayList<>();
        Optional<TenantId> cursor = Optional.empty();
        int pages = 0;
        do {
            TenantPage page = tenants.listTenants(ROOT, cursor, OptionalInt.of(2));
            assertThat(page.tenants()).hasSizeLessThanOrEqualTo(2);
            page.tenants().forEach(t -> seen.add(t.id().value()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(seen).containsExactly("acme", "alpha", "bravo", "charlie", "delta");
        assertThat(pages).isEqualTo(3);
        assertThat(tenants.listTenants(ROOT, Optional.empty(), OptionalInt.empty()).tenants()).hasSize(5);
        assertThat(tenants.listTenants(ROOT, Optional.of(new TenantId("delta")), OptionalInt.empty()).tenants()).isEmpty();
        for (int bad : new int[] {0, -1, ManageTenantsUseCase.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> tenants.listTenants(ROOT, Optional.empty(), OptionalInt.of(bad))).as("limit " + bad)
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("limit");
        }
    }

    @Test
    void aKeyIsRotatedOnceItsReplacementIsActive() {
        IssuedKey original = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        IssuedKey replacement = keys.rotateKey(ROOT, ACME, original.key().id());

        assertThat(replacement.key().permissions()).isEqualTo(original.key().permissions());
        assertThatThrownBy(() -> keys.rotateKey(ROOT, ACME, original.key().id())).as("a DEPRECATED key has its replacement")
                .isInstanceOf(ConflictException.class).hasMessageContaining("DEPRECATED");
        keys.revokeKey(ROOT, ACME, replacement.key().id());
        assertThatThrownBy(() -> keys.rotateKey(ROOT, ACME, replacement.key().id())).isInstanceOf(ConflictException.class);
        assertThat(keys.listKeys(ROOT, ACME)).as("no second replacement was issued").extracting(ApiKey::status)
                .containsExactly(ApiKeyStatus.DEPRECATED, ApiKeyStatus.REVOKED);
    }

    @Test
    void aKeyExpiresInTheFutureButNotBeyondWhatEveryStoreHolds() {
        Instant latest = Instant.parse("9999-12-31T23:59:59Z");
        assertThat(keys.createKey(ROOT, ACME, Set.of(Permission.READ_ONLY), false, Optional.of(latest)).key().expiresAt()).contains(latest);
        for (Instant refused : List.of(latest.plusSeconds(1), Instant.MAX, clock.instant(), Instant.EPOCH)) {
            assertThatThrownBy(() -> keys.createKey(ROOT, ACME, Set.of(Permission.READ_ONLY), false, Optional.of(refused))).as(refused.toString())
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("expires_at");
        }
    }

    @Test
    void keysOfAnotherTenantAreNotFound() {
        tenants.createTenant(ROOT, Optional.of(new TenantId("globex")), "Globex", Quota.NONE);
        IssuedKey acmeKey = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        assertThatThrownBy(() -> keys.revokeKey(ROOT, new TenantId("globex"), acmeKey.key().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keys.revokeKey(ROOT, ACME, ROOT.key())).as("the administrator's key is nobody's to revoke here")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAuditLogIsReadNewestFirstWithinItsLimits() {
        tenants.suspendTenant(ROOT, ACME);
        tenants.resumeTenant(ROOT, ACME);

        assertThat(auditLog.auditLog(ROOT, Optional.of(ACME), OptionalInt.empty())).extracting(AuditEvent::action)
                .containsExactly(AuditEvent.Action.TENANT_RESUME, AuditEvent.Action.TENANT_SUSPEND, AuditEvent.Action.TENANT_CREATE);
        assertThat(auditLog.auditLog(ROOT, Optional.empty(), OptionalInt.of(1))).hasSize(1);
        for (int limit : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> auditLog.auditLog(ROOT, Optional.empty(), OptionalInt.of(limit))).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void deletingATenantDeletesItsBackupsAndNoOneElses() {
        TenantId globex = new TenantId("globex");
        tenants.createTenant(ROOT, Optional.of(globex), "Globex", Quota.NONE);
        for (TenantId owner : List.of(ACME, globex)) {
            Backup backup = Backup.started(BackupId.random(), owner, "nightly", List.of(), clock.instant());
            backups.add(backup);
            try (var archive = backups.create(owner, backup.id())) {
                archive.commit();
            }
        }

        tenants.deleteTenant(ROOT, ACME);

        assertThat(backups.list(ACME)).isEmpty();
        assertThat(backups.archives.keySet()).noneMatch(key -> key.startsWith("acme/"));
        assertThat(backups.list(globex)).hasSize(1);
        assertThat(backups.archives.keySet()).hasSize(1);
    }

    @Test
    void aDeletionACrashInterruptedIsFinishedAtStart() {
        collections.create(tenantCaller(ACME), new CollectionName("docs"), SPEC);
        directory.updateTenant(directory.findTenant(ACME).orElseThrow().withStatus(TenantStatus.DELETING));

        removal.finishInterrupted(new Object());

        assertThat(directory.findTenant(ACME)).isEmpty();
        assertThat(catalog.list(ACME)).isEmpty();
        assertThat(index.collections).isEmpty();
    }

    @Test
    void singleModeDataIsAdoptedOnceAndARepeatIsHarmless() {
        collections.create(Caller.OfTenant.singleMode(), new CollectionName("docs"), SPEC);

        assertThat(adoption.adoptSingleModeData(ROOT, ACME)).extracting(CollectionName::value).containsExactly("docs");
        assertThat(catalog.list(TenantId.DEFAULT)).isEmpty();
        assertThat(catalog.list(ACME)).extracting(c -> c.ref().name().value()).containsExactly("docs");
        assertThat(index.collections).containsOnlyKeys("acme:docs");
        assertThat(adoption.adoptSingleModeData(ROOT, ACME)).isEmpty();
    }

    @Test
    void adoptionRefusesToOverwriteACollectionOfTheSameName() {
        collections.create(Caller.OfTenant.singleMode(), new CollectionName("docs"), SPEC);
        clock.advance(Duration.ofSeconds(1));
        collections.create(tenantCaller(ACME), new CollectionName("docs"), SPEC);

        assertThatThrownBy(() -> adoption.adoptSingleModeData(ROOT, ACME)).isInstanceOf(ConflictException.class);
        assertThat(catalog.list(TenantId.DEFAULT)).hasSize(1);
    }

    @Test
    void aTenantNamedDefaultFromBeforeTheReservationKeepsItsData() {
        directory.addTenant(new Tenant(TenantId.DEFAULT, "Created before 'default' was reserved", TenantStatus.ACTIVE, clock.instant()));
        collections.create(tenantCaller(TenantId.DEFAULT), new CollectionName("theirs"), SPEC);

        assertThatThrownBy(() -> adoption.adoptSingleModeData(ROOT, ACME)).isInstanceOf(ConflictException.class);
        assertThat(catalog.list(TenantId.DEFAULT)).hasSize(1);
        assertThat(catalog.list(ACME)).isEmpty();
    }

    private static Caller.OfTenant tenantCaller(TenantId tenant) {
        return new Caller.OfTenant(tenant, new Principal.TokenSubject("tester"), Set.of(Permission.READ_WRITE), false);
    }
}
