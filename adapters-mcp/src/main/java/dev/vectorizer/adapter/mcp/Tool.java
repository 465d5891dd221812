package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.tenant.Caller;
import java.util.Map;

/**
 * One MCP tool, free of the SDK: its name, what it tells an agent, the JSON schemas of its
 * arguments (the REST body's field names) and of its answer (the REST answer's JSON), what it does
 * to the data, and the call — which reads the arguments with the wire package's readers, calls one
 * use case for the caller, and gives back the wire package's answer tree.
 */
record Tool(String name, String description, Map<String, Object> input, Map<String, Object> output, Effect effect, Call call) {

    /** What a call does to the tenant's data, which MCP clients show (and may ask the user about). */
    enum Effect {
        /** Reads only. */
        READ,
        /** Creates something new; calling again creates nothing more (it fails). */
        CREATE,
        /** Writes by id, replacing what had that id: the same call again changes nothing more. */
        REPLACE,
        /** Deletes. */
        DELETE
    }

    @FunctionalInterface
    interface Call {
        Map<String, Object> apply(Caller.OfTenant caller, JsonFields arguments);
    }
}
