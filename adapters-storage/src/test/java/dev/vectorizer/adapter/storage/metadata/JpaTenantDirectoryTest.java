package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.net.IpRange;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaTenantDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aTenantsAccessListIsKeptWithItAcrossARestartAndChangesAtOnce() {
        TenantId acme = new TenantId("acme");
        IpAccessList list = new IpAccessList(List.of(IpRange.parse("192.0.2.0/24"), IpRange.parse("2001:db8::/32")),
                List.of(IpRange.parse("192.0.2.66")));
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        JpaTenantDirectory directory = new JpaTenantDirectory(store);
        Tenant tenant = new Tenant(acme, "Acme", TenantStatus.ACTIVE, Instant.parse("2026-11-29T00:00:00Z"));
        AuditEvents.addTenant(directory, tenant);
        assertThat(directory.findTenant(acme).orElseThrow().accessList()).isEqualTo(IpAccessList.NONE);
        directory.updateTenant(tenant.withAccessList(list));
        assertThat(directory.findTenant(acme).orElseThrow().accessList()).as("not a stale cached record").isEqualTo(list);
        store.close();

        MetadataStore reopened = new MetadataStore(new DataDirectory(dir).ensureExists());
        reopened.open();
        try {
            assertThat(new JpaTenantDirectory(reopened).findTenant(acme).orElseThrow().accessList()).isEqualTo(list);
        } finally {
            reopened.close();
        }
    }

    @Test
    void tenantsAreListedInIdOrderAfterACursorAndByStatus() {
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        try {
            JpaTenantDirectory directory = new JpaTenantDirectory(store);
            for (String id : List.of("b", "a", "C", "c", "a-1")) {
                AuditEvents.addTenant(directory, new Tenant(new TenantId(id), id, id.equals("c") ? TenantStatus.DELETING : TenantStatus.ACTIVE, Instant.now()));
            }
            assertThat(directory.listTenants(Optional.empty(), 10)).extracting(t -> t.id().value()).containsExactly("C", "a", "a-1", "b", "c");
            assertThat(directory.listTenants(Optional.of(new TenantId("a")), 2)).extracting(t -> t.id().value()).containsExactly("a-1", "b");
            assertThat(directory.listTenants(Optional.of(new TenantId("c")), 2)).isEmpty();
            assertThat(directory.tenantsIn(TenantStatus.DELETING)).extracting(t -> t.id().value()).containsExactly("c");
        } finally {
            store.close();
        }
    }

    @Test
    void changesTakeEffectAtOnceThroughTheCachesAbsentRecordsIncluded() {
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        try {
            JpaTenantDirectory directory = new JpaTenantDirectory(store, 1);
            TenantId acme = new TenantId("acme");
            ApiKeyId keyId = new ApiKeyId("Abcdefgh1234");
            assertThat(directory.findTenant(acme)).as("absent, and remembered so").isEmpty();
            assertThat(directory.findKey(keyId)).isEmpty();

            AuditEvents.addTenant(directory, new Tenant(acme, "Acme", TenantStatus.ACTIVE, Instant.now()));
            ApiKey key = new ApiKey(keyId, Optional.of(acme), "hash", Set.of(Permission.READ_WRITE), ApiKeyStatus.ACTIVE, false, Instant.now(),
                    Optional.empty());
            directory.addKey(key);
            assertThat(directory.findTenant(acme)).as("created after it was found absent").isPresent();
            assertThat(directory.findKey(keyId)).isPresent();

            directory.updateKey(key.withStatus(ApiKeyStatus.REVOKED, Optional.empty()));
            assertThat(directory.findKey(keyId).orElseThrow().worksAt(Instant.now())).as("a revoked key is refused at once").isFalse();

            directory.findTenant(new TenantId("other")); // the bound of one keeps one absent and one found tenant
            directory.removeTenant(acme);
            assertThat(directory.findTenant(acme)).as("a deleted tenant is gone").isEmpty();
            assertThat(directory.findKey(keyId)).as("with its keys").isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void aNewTenantOrKeyIsRecordedWithItsAuditEventAndATakenIdRecordsNeither() {
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        try {
            JpaTenantDirectory directory = new JpaTenantDirectory(store);
            JpaAuditLog audit = new JpaAuditLog(store);
            TenantId acme = new TenantId("acme");
            Tenant tenant = new Tenant(acme, "Acme", TenantStatus.ACTIVE, Instant.parse("2026-11-30T00:00:00Z"));
            directory.addTenant(tenant, AuditEvents.created(tenant));
            ApiKey key = new ApiKey(new ApiKeyId("Abcdefgh1234"), Optional.of(acme), "hash", Set.of(Permission.READ_WRITE), ApiKeyStatus.ACTIVE,
                    false, Instant.parse("2026-11-30T00:00:01Z"), Optional.empty());
            directory.addKey(key, AuditEvents.issued(key));

            Tenant again = new Tenant(acme, "Acme again", TenantStatus.ACTIVE, Instant.parse("2026-11-30T00:00:02Z"));
            assertThatThrownBy(() -> directory.addTenant(again, AuditEvents.created(again))).isInstanceOf(ConflictException.class);

            assertThat(directory.findTenant(acme).orElseThrow().name()).isEqualTo("Acme");
            assertThat(directory.findKey(key.id())).isPresent();
            assertThat(audit.latest(Optional.of(acme), 10)).as("newest first, nothing for the refused one")
                    .containsExactly(AuditEvents.issued(key), AuditEvents.created(tenant));
        } finally {
            store.close();
        }
    }
}
