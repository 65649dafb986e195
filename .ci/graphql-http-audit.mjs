// Runs the graphql-http server audit (the GraphQL-over-HTTP spec's checks) against a running Facet and prints
// every result. Exits non-zero when a MUST fails; SHOULD and MAY failures are reported as warnings.
//
//   node .ci/graphql-http-audit.mjs http://localhost:8095/graphql web
import { auditServer } from 'graphql-http';

const [url, client = 'web'] = process.argv.slice(2);
if (!/^http:\/\/(localhost|127\.)/.test(url ?? '')) {
  console.error('usage: graphql-http-audit.mjs http://localhost:PORT/graphql [client]  (this machine only)');
  process.exit(2);
}
// Facet serves a schema per client: an anonymous request names its client. Some checks introspect (__type), so
// run Facet with that client's introspection on.
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('X-Client-Name', client);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
let mustFailed = 0;
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  const level = result.name.split(' ')[0];
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason ?? ''}`);
  }
  if (result.status === 'error' && level === 'MUST') {
    mustFailed++;
  }
}
const musts = results.filter((result) => result.name.startsWith('MUST'));
const shoulds = results.filter((result) => result.name.startsWith('SHOULD'));
console.log(`graphql-http audit: ${results.length} checks, ${counts.ok} ok, ${counts.notice} notices (MAY), `
  + `${counts.warn} warnings (SHOULD), ${counts.error} errors; MUST ${musts.filter((r) => r.status === 'ok').length}/${musts.length}, `
  + `SHOULD ${shoulds.filter((r) => r.status === 'ok').length}/${shoulds.length}`);
process.exit(mustFailed === 0 ? 0 : 1);
