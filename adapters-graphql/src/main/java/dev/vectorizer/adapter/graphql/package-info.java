/** GraphQL over HTTP (graphql-java), mirroring the REST API. Inbound. Not built yet; see docs/ARCHITECTURE.md. */
package dev.vectorizer.adapter.graphql;
