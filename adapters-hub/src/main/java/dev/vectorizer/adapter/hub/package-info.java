/**
 * HiveHub client (outbound): key validation ({@link dev.vectorizer.adapter.hub.HubKeyValidation}), the control-plane ports of hub
 * mode (tenant quotas, quota checks, usage reports, the operation log: {@code Hub*} with {@code @ControlPlane(HIVEHUB)}), the typed calls of the
 * contract ({@link dev.vectorizer.adapter.hub.HubClient}), HiveHub's status and its readiness check. See docs/HUB_INTEGRATION.md.
 */
package dev.vectorizer.adapter.hub;
