package dev.vectorizer.adapter.rest.admin;

import dev.vectorizer.adapter.rest.CurrentCaller;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A tenant's API keys, managed by the installation administrator: {@code /api/admin/tenants/{tenant}/keys[/{key}]}. */
@Path("api/admin/tenants/{tenant}/keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

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

    @Inject
    CurrentCaller caller;
    @Inject
    ManageApiKeysUseCase keys;

    /** {@code {"permissions":["READ_WRITE"], "test":false, "expires_at":"2027-01-01T00:00:00Z"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, JsonFields json) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        json.strings("permissions").forEach(p -> permissions.add(Permission.parse(p)));
        Optional<Instant> expiresAt = json.optionalString("expires_at").map(ApiKeysResource::instant);
        return issued(keys.createKey(caller.admin(), new TenantId(tenant), permissions, json.bool("test", false), expiresAt));
    }

    @GET
    public KeyList list(@PathParam("tenant") String tenant) {
        return new KeyList(keys.listKeys(caller.admin(), new TenantId(tenant)).stream().map(k -> KeyView.of(k, null)).toList());
    }

    @POST
    @Path("{key}/rotate")
    public Response rotate(@PathParam("tenant") String tenant, @PathParam("key") String key) {
        return issued(keys.rotateKey(caller.admin(), new TenantId(tenant), new ApiKeyId(key)));
    }

    @DELETE
    @Path("{key}")
    public KeyView revoke(@PathParam("tenant") String tenant, @PathParam("key") String key) {
        return KeyView.of(keys.revokeKey(caller.admin(), new TenantId(tenant), new ApiKeyId(key)), null);
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
