package dev.vectorizer.adapter.rest.admin;

import dev.vectorizer.adapter.rest.CurrentCaller;
import dev.vectorizer.domain.json.AccessListJson;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.QuotaJson;
import dev.vectorizer.application.port.in.AdoptSingleModeDataUseCase;
import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installation administrator's tenants: {@code /api/admin/tenants[/{tenant}]}. Deleting a
 * tenant and its IP access list ({@code .../{tenant}/access-list}) are HiveHub's too, in hub mode.
 */
@Path("api/admin/tenants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    /** A tenant, with the limits its plan sets ({@link QuotaJson}; a limit left out is the installation's default). */
    public record TenantView(String id, String name, String status, Instant createdAt, Map<String, Object> quota) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.name(), t.status().name(), t.createdAt(), QuotaJson.write(t.quota()));
        }
    }

    /** A page of tenants in id order; {@code next_cursor} is left out on the last page. */
    public record TenantList(List<TenantView> tenants, String nextCursor) {
    }

    public record Adopted(List<String> adopted) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ManageTenantsUseCase tenants;
    @Inject
    AdoptSingleModeDataUseCase migration;

    /** {@code {"id":"acme","name":"Acme Inc","quota":{"max_vectors":100000,"rpm":600}}}; without an id one is generated. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonFields json) {
        Tenant tenant = tenants.createTenant(caller.admin(), json.optionalString("id").map(TenantId::new), json.string("name"),
                QuotaJson.optional(json).orElse(Quota.NONE));
        return Response.created(UriBuilder.fromPath("/api/admin/tenants/{id}").build(tenant.id().value())).entity(TenantView.of(tenant)).build();
    }

    /** {@code ?limit=100&cursor=acme}: the tenants after {@code cursor} (a page's {@code next_cursor}), in id order. */
    @GET
    public TenantList list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        TenantPage page = tenants.listTenants(caller.admin(), Optional.ofNullable(cursor).map(TenantId::new),
                QueryParameters.integer("limit", limit));
        return new TenantList(page.tenants().stream().map(TenantView::of).toList(), page.next().map(TenantId::value).orElse(null));
    }

    @GET
    @Path("{tenant}")
    public TenantView get(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.getTenant(caller.admin(), new TenantId(tenant)));
    }

    /** Replaces the tenant's plan with the body's limits ({@code {}}: the installation's defaults for all). */
    @PUT
    @Path("{tenant}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantView setQuota(@PathParam("tenant") String tenant, JsonFields json) {
        return TenantView.of(tenants.setQuota(caller.admin(), new TenantId(tenant), QuotaJson.read(json)));
    }

    @POST
    @Path("{tenant}/suspend")
    public TenantView suspend(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.suspendTenant(caller.admin(), new TenantId(tenant)));
    }

    @POST
    @Path("{tenant}/resume")
    public TenantView resume(@PathParam("tenant") String tenant) {
        return TenantView.of(tenants.resumeTenant(caller.admin(), new TenantId(tenant)));
    }

    /** The installation administrator, or HiveHub in a service call (idempotent: an absent tenant is deleted already). */
    @DELETE
    @Path("{tenant}")
    public Response delete(@PathParam("tenant") String tenant) {
        tenants.deleteTenant(caller.controlPlane(), new TenantId(tenant));
        return Response.noContent().build();
    }

    /** {@code {"allow":[cidr...],"deny":[cidr...]}} (docs/SECURITY.md). */
    @GET
    @Path("{tenant}/access-list")
    public Map<String, Object> accessList(@PathParam("tenant") String tenant) {
        return AccessListJson.write(tenants.accessList(caller.controlPlane(), new TenantId(tenant)));
    }

    @PUT
    @Path("{tenant}/access-list")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setAccessList(@PathParam("tenant") String tenant, JsonFields body) {
        return AccessListJson.write(tenants.setAccessList(caller.controlPlane(), new TenantId(tenant), AccessListJson.read(body)).accessList());
    }

    /** Moves the collections single mode kept under {@code default} to this tenant (docs/MIGRATION.md). */
    @POST
    @Path("{tenant}/adopt-single-mode-data")
    public Adopted adoptSingleModeData(@PathParam("tenant") String tenant) {
        return new Adopted(migration.adoptSingleModeData(caller.admin(), new TenantId(tenant)).stream().map(CollectionName::value).toList());
    }
}
