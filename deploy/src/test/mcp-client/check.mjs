// Drives Vectorizer's MCP server with the official TypeScript SDK client over Streamable HTTP:
// lists the tools, calls each one as tenant A, then shows that tenant B reaches none of A's data
// through any tool, nor through A's session. The SDK checks every answer against the tool's
// output schema. Run by McpIT with MCP_URL, KEY_A and KEY_B (two tenants' ADMIN keys).
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.env.MCP_URL);
const TOOLS = ['list_collections', 'create_collection', 'get_collection_info', 'get_collection_stats', 'delete_collection',
  'insert_text', 'insert_vectors', 'get_vector', 'update_vector', 'delete_vector', 'search', 'search_hybrid', 'embed_text'];
const COLLECTION = 'ts-docs';
const axis = (i) => Array.from({ length: 384 }, (_, j) => (j === i ? 1 : 0));

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
  }
}

async function connect(key, sessionId) {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${key}` } }, sessionId });
  const client = new Client({ name: 'vectorizer-ts-check', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

async function ok(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent, 'the text is the structured answer');
  return result.structuredContent;
}

async function refused(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, true, `${name} should fail`);
  return JSON.parse(result.content[0].text);
}

const a = await connect(process.env.KEY_A);
const b = await connect(process.env.KEY_B);

await check('lists every tool, each with input and output schemas', async () => {
  const { tools } = await a.client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [...TOOLS].sort());
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', tool.name);
    assert.ok(tool.description.length > 20, tool.name);
  }
});

await check('tenant A calls every tool', async () => {
  const c = a.client;
  const created = await ok(c, 'create_collection', { name: COLLECTION, dimension: 384, embedding_model: 'all-minilm-l6-v2' });
  assert.equal(created.name, COLLECTION);
  assert.deepEqual(await ok(c, 'insert_vectors', { collection: COLLECTION, vectors: [{ id: 'v1', vector: axis(0), payload: { tag: 'a' } }] }), { upserted: 1 });
  assert.deepEqual((await ok(c, 'get_vector', { collection: COLLECTION, id: 'v1' })).payload, { tag: 'a' });
  assert.deepEqual(await ok(c, 'update_vector', { collection: COLLECTION, id: 'v1', vector: axis(1), payload: { tag: 'b' } }), { upserted: 1 });
  assert.deepEqual(await ok(c, 'insert_text', { collection: COLLECTION, id: 'note', text: 'Rust ownership keeps memory safe.' }), { ids: ['note#0'] });
  const byVector = await ok(c, 'search', { collection: COLLECTION, vector: axis(1), limit: 1 });
  assert.equal(byVector.results[0].id, 'v1');
  const byText = await ok(c, 'search', { collection: COLLECTION, text: 'memory safety in Rust', limit: 1 });
  assert.equal(byText.results[0].id, 'note#0');
  const hybrid = await ok(c, 'search_hybrid', { collection: COLLECTION, text: 'ownership', limit: 2 });
  assert.ok(['text', 'both'].includes(hybrid.results[0].source));
  const embedded = await ok(c, 'embed_text', { text: 'hello' });
  assert.equal(embedded.embeddings[0].length, 384);
  assert.equal((await ok(c, 'get_collection_info', { collection: COLLECTION })).vector_count, 2);
  assert.equal((await ok(c, 'get_collection_stats', { collection: COLLECTION })).vector_count, 2);
  assert.ok((await ok(c, 'list_collections', {})).collections.some((col) => col.name === COLLECTION));
  assert.deepEqual(await ok(c, 'delete_vector', { collection: COLLECTION, id: 'v1' }), { deleted: 1 });
  assert.equal((await refused(c, 'get_vector', { collection: COLLECTION, id: 'v1' })).error_type, 'NOT_FOUND');
});

await check('tenant B reaches none of A\'s data through any tool', async () => {
  const probes = {
    get_collection_info: {}, get_collection_stats: {}, delete_collection: {},
    insert_text: { id: 'x', text: 'intrusion' }, insert_vectors: { vectors: [{ id: 'x', vector: axis(2) }] },
    get_vector: { id: 'note#0' }, update_vector: { id: 'note#0', vector: axis(2) }, delete_vector: { id: 'note#0' },
    search: { vector: axis(0) }, search_hybrid: { text: 'ownership' },
  };
  for (const [tool, args] of Object.entries(probes)) {
    const probed = await refused(b.client, tool, { ...args, collection: COLLECTION });
    const missing = await refused(b.client, tool, { ...args, collection: 'never-made' });
    assert.equal(probed.error_type, 'NOT_FOUND', tool);
    assert.equal(probed.detail.replace(COLLECTION, '?'), missing.detail.replace('never-made', '?'), `${tool} tells nothing`);
  }
  assert.ok(!(await ok(b.client, 'list_collections', {})).collections.some((col) => col.name === COLLECTION));
  const stats = await ok(a.client, 'get_collection_stats', { collection: COLLECTION });
  assert.equal(stats.vector_count, 1, 'A\'s data is untouched');
  assert.equal((await ok(a.client, 'get_vector', { collection: COLLECTION, id: 'note#0' })).payload.document_id, 'note');
});

await check('tenant B cannot use tenant A\'s session', async () => {
  const hijack = await connect(process.env.KEY_B, a.transport.sessionId);
  await assert.rejects(hijack.client.listTools(), (e) => /404/.test(String(e)) && /NOT_FOUND/.test(String(e)));
  await hijack.client.close();
  assert.equal((await a.client.listTools()).tools.length, TOOLS.length, 'A\'s session still works');
});

await check('tenant A deletes its collection', async () => {
  assert.deepEqual(await ok(a.client, 'delete_collection', { collection: COLLECTION }), { name: COLLECTION, deleted: true });
});

await a.transport.terminateSession();
await a.client.close();
await b.client.close();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
