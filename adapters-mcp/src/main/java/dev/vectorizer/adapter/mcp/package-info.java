/** MCP Streamable HTTP server for AI agents, mirroring the REST API. Inbound. Not built yet; see docs/ARCHITECTURE.md. */
package dev.vectorizer.adapter.mcp;
