package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which credential opened each MCP session: a session id is only ever used again by the tenant and
 * principal (API key, or JWT subject) that opened it. Another credential presenting it is told the
 * session does not exist, exactly as for an id that never existed, so a session id reveals nothing.
 *
 * <p>A binding unused for longer than the idle timeout is forgotten (and refused like an unknown
 * session); the SDK closes its idle sessions sooner, so no live session ever loses its binding
 * while in use.
 */
final class SessionBindings {

    /** Who may use a session. */
    record Owner(TenantId tenant, Principal principal) {
        static Owner of(Caller.OfTenant caller) {
            return new Owner(caller.tenant(), caller.principal());
        }
    }

    private record Binding(Owner owner, Instant lastUsed) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Supplier<Instant> clock;

    SessionBindings(Duration idleTimeout, Supplier<Instant> clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** Records that {@code owner} opened {@code session}; forgets the bindings idle too long. */
    void bind(String session, Owner owner) {
        Instant now = clock.get();
        bindings.values().removeIf(binding -> idle(binding, now));
        bindings.put(session, new Binding(owner, now));
    }

    /** Fails with "not found" unless {@code owner} opened {@code session} and it is still in use. */
    void requireOwner(String session, Owner owner) {
        Instant now = clock.get();
        Binding current = bindings.computeIfPresent(session,
                (id, binding) -> idle(binding, now) ? null : binding.owner().equals(owner) ? new Binding(owner, now) : binding);
        if (current == null || !current.owner().equals(owner)) {
            throw new NotFoundException("no such MCP session for this credential; initialize a new session");
        }
    }

    /** Forgets {@code session} (closed by its client). */
    void end(String session) {
        bindings.remove(session);
    }

    private boolean idle(Binding binding, Instant now) {
        return binding.lastUsed().plus(idleTimeout).isBefore(now);
    }
}
