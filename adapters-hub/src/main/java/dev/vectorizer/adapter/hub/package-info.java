/** HiveHub client: key validation, quotas, usage reports, operation log. Outbound. Not built yet; see docs/ARCHITECTURE.md. */
package dev.vectorizer.adapter.hub;
