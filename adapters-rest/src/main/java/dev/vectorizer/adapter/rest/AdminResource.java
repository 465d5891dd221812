package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.AdoptSingleModeDataUseCase;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase;
import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.application.port.in.ReadAuditLogQuery;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The installation administrator's API: tenants and their keys. */
@Path("api/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record TenantView(String id, String name, String status, Instant createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.name(), t.status().name(), t.createdAt());
        }
    }

    public record TenantList(List<TenantView> tenants) {
    }

    /** A key as listed; {@code key} (the secret) is present only in the answer that issues it. */
    public record KeyView(String id, String key, String tenantId, List<String> permissions, String status, boolean test,
            Instant createdAt, Instant expiresAt) {
        static KeyView of(ApiKey k, String secret) {
            return new KeyView(k.id().value(), secret, k.tenant().map(TenantId::value).orElse(null),
                    k.permissions().stream().map(Permission::name).sorted().toList(), k.status().name(), k.test(),
                    k.createdAt(), k.expiresAt().orElse(null));
        }
    }

    public record KeyList(List<KeyView> keys) {
    }

    public record AuditView(Instant at, String actor, String tenantId, String action, String target, String outcome) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.at(), e.actor(), e.tenant().map(TenantId::value).orElse(null), e.action().name(), e.target(), e.outcome().name());
        }
    }

    public record AuditLog(List<AuditView> events) {
    }

    public record Adopted(List<String> adopted) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ManageTenantsUseCase tenants;
    @Inject
    ManageApiKeysUseCase keys;
    @Inject
    ReadAuditLogQuery audit;
    @Inject
    AdoptSingleModeDataUseCase migration;

    @POST
    @Path("tenants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonFields json) {
        Tenant tenant = tenants.createTenant(caller.get(), json.optionalString("id").map(TenantId::new), json.string("name"));
        return Response.created(UriBuilder.fromPath("/api/admin/tenants/{id}").build(tenant.id().value())).entity(TenantView.of(tenant)).build();
    }

    @GET
    @Path("tenants")
    public TenantList list() {
        return new TenantList(tenants.listTenants(caller.get()).stream().map(TenantView::of).toList());
    }

    @GET
    @Path("tenants/{tenant}")
    public TenantView get(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.getTenant(caller.get(), new TenantId(tenant)));
    }

    @POST
    @Path("tenants/{tenant}/suspend")
    public TenantView suspend(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.suspendTenant(caller.get(), new TenantId(tenant)));
    }

    @POST
    @Path("tenants/{tenant}/resume")
    public TenantView resume(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.resumeTenant(caller.get(), new TenantId(tenant)));
    }

    @DELETE
    @Path("tenants/{tenant}")
    public Response delete(@PathParam("tenant") String tenant) {
        tenants.deleteTenant(caller.get(), new TenantId(tenant));
        return Response.noContent().build();
    }

    /** {@code {"permissions":["READ_WRITE"], "test":false, "expires_at":"2027-01-01T00:00:00Z"}}. */
    @POST
    @Path("tenants/{tenant}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createKey(@PathParam("tenant") String tenant, JsonFields json) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        json.strings("permissions").forEach(p -> permissions.add(Permission.parse(p)));
        Optional<Instant> expiresAt = json.optionalString("expires_at").map(AdminResource::instant);
        return issued(keys.createKey(caller.get(), new TenantId(tenant), permissions, json.bool("test", false), expiresAt));
    }

    @GET
    @Path("tenants/{tenant}/keys")
    public KeyList listKeys(@PathParam("tenant") String tenant) {
        return new KeyList(keys.listKeys(caller.get(), new TenantId(tenant)).stream().map(k -> KeyView.of(k, null)).toList());
    }

    @POST
    @Path("tenants/{tenant}/keys/{key}/rotate")
    public Response rotateKey(@PathParam("tenant") String tenant, @PathParam("key") String key) {
        return issued(keys.rotateKey(caller.get(), new TenantId(tenant), new ApiKeyId(key)));
    }

    @DELETE
    @Path("tenants/{tenant}/keys/{key}")
    public KeyView revokeKey(@PathParam("tenant") String tenant, @PathParam("key") String key) {
        return KeyView.of(keys.revokeKey(caller.get(), new TenantId(tenant), new ApiKeyId(key)), null);
    }

    /** Moves the collections single mode kept under {@code default} to this tenant (docs/MIGRATION.md). */
    @POST
    @Path("tenants/{tenant}/adopt-single-mode-data")
    public Adopted adoptSingleModeData(@PathParam("tenant") String tenant) {
        return new Adopted(migration.adoptSingleModeData(caller.get(), new TenantId(tenant)).stream().map(CollectionName::value).toList());
    }

    /** {@code GET /api/admin/audit?tenant=acme&limit=100}: newest first. */
    @GET
    @Path("audit")
    public AuditLog auditLog(@QueryParam("tenant") String tenant, @QueryParam("limit") @DefaultValue("100") int limit) {
        return new AuditLog(audit.auditLog(caller.get(), Optional.ofNullable(tenant).map(TenantId::new), limit).stream()
                .map(AuditView::of).toList());
    }

    private static Response issued(ManageApiKeysUseCase.IssuedKey issued) {
        return Response.status(Response.Status.CREATED).entity(KeyView.of(issued.key(), issued.secret())).build();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("expires_at must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }
}
