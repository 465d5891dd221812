/**
 * The edge of the HTTP API below JAX-RS: the servlet container's own answers (error pages) become
 * problem documents, and requests the container would refuse for no reason of ours reach JAX-RS.
 * Wired in {@code deploy}'s {@code web.xml}.
 */
package dev.vectorizer.adapter.rest.edge;
