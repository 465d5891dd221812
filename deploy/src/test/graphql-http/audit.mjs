// The graphql-http server audits against a running server: node audit.mjs <url> <api key>.
// Prints one JSON line per audit ({id, name, status, reason}) and exits 1 if a MUST audit did not pass.
import { serverAudits } from 'graphql-http';

const [url, key] = process.argv.slice(2);
const fetchFn = (input, init = {}) => fetch(input, { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` } });

let mustFailed = false;
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
  mustFailed ||= result.name.startsWith('MUST') && result.status !== 'ok';
}
process.exit(mustFailed ? 1 : 0);
