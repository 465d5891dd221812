/**
 * GraphQL over HTTP (graphql-java), mirroring the REST API: an inbound adapter. {@link
 * dev.vectorizer.adapter.graphql.GraphQLServlet} speaks the protocol and authenticates;
 * {@code GraphQLEngine} runs the schema ({@code vectorizer.graphqls}) whose resolvers hand each
 * field's arguments, as the REST body they mirror, to the domain's readers and the same use cases
 * REST calls; {@code QueryLimits} bounds what a request may ask; {@code ErrorCodes} names every
 * error as REST does. See docs/GRAPHQL.md.
 */
package dev.vectorizer.adapter.graphql;
