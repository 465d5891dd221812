/**
 * HiveHub client (outbound): key validation ({@link dev.vectorizer.adapter.hub.HubKeyValidation}), the typed calls of the
 * contract ({@link dev.vectorizer.adapter.hub.HubClient}), HiveHub's status and its readiness check. See docs/HUB_INTEGRATION.md.
 */
package dev.vectorizer.adapter.hub;
