/**
 * MCP (Streamable HTTP) server for AI agents at {@code /mcp}: one tool per REST operation, calling the
 * same use cases with the same wire format and error types. Inbound. See {@link dev.vectorizer.adapter.mcp.McpEndpoint} and docs/MCP.md.
 */
package dev.vectorizer.adapter.mcp;
