// `npm run bench:catalog`: the built API on a catalog of 5,000+ products, under autocannon on
// loopback, beside a bare node:http server sending bodies of the same size (the ceiling).
// Prints figures; never fails on wall time, only when something is broken (build, start, errors,
// non-2xx answers).
//
//   BENCH_SECONDS          measured seconds per target (default 10)
//   BENCH_WARMUP_SECONDS   unmeasured warm-up before each (default 2)
//   BENCH_CONNECTIONS      autocannon connections (default 32)
//   BENCH_PRODUCTS         published products to add to the demo catalog (default 5000)
//   BENCH_SKIP_BUILD=1     use the existing apps/api/dist as it is
//   DATABASE_URL           run against a fresh database on this server instead of an embedded cluster
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import {
  ROOT,
  buildUnlessSkipped,
  connect,
  disconnect,
  load1,
  number,
  print,
  printApiWarnings,
  printMachine,
  runBench,
  seconds,
  settingsOf,
  startApi,
  table,
  track,
} from './bench-support.mjs';
import { growCatalog } from './catalog-data.mjs';

const TARGET_SHARE = 0.5;

const setting = settingsOf('bench:catalog');
const SECONDS = setting('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 32, 1);
const PRODUCTS = setting('BENCH_PRODUCTS', 5000, 0);

// autocannon's percentiles have a resolution of 1 ms.
const ms = (value) => (value < 1 ? '<1' : String(Math.round(value)));

function startCeiling(bodies) {
  const child = track(fork(join(ROOT, 'test/load/ceiling-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ceiling server exited with ${code}`)));
    child.once('message', ({ port }) => resolve(`http://127.0.0.1:${port}`));
    child.send({ bodies: Object.fromEntries(Object.entries(bodies).map(([path, body]) => [path, body.toString('base64')])) });
  });
}

/** One GET outside the benchmark: the scenario must answer 200 with content, or it is not measured. */
async function probe(baseUrl, path, check) {
  const response = await fetch(`${baseUrl}${path}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  const json = JSON.parse(body.toString('utf8'));
  const problem = check(json);
  if (problem) throw new Error(`GET ${path}: ${problem}`);
  return { body, json };
}

const listed = (min) => (json) =>
  json.items?.length >= min ? null : `expected at least ${min} items, got ${json.items?.length ?? 'none'}`;

async function load(url) {
  if (WARMUP_SECONDS > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function resultTable(rows) {
  const header = [
    'scenario',
    'body bytes',
    'API req/s',
    'API p50 ms',
    'API p99 ms',
    'ceiling req/s',
    'ceiling p50 ms',
    'ceiling p99 ms',
    'ratio',
  ];
  const cells = rows.map((r) => [
    r.name,
    number(r.bytes),
    number(r.api.rps),
    ms(r.api.p50),
    ms(r.api.p99),
    number(r.ceiling.rps),
    ms(r.ceiling.p50),
    ms(r.ceiling.p99),
    `${((r.api.rps / r.ceiling.rps) * 100).toFixed(1)}%`,
  ]);
  return table(header, cells);
}

async function main() {
  const started = Date.now();
  printMachine();
  print(`autocannon: ${CONNECTIONS} connections on loopback, ${SECONDS} s measured per target after ${WARMUP_SECONDS} s of warm-up`);
  buildUnlessSkipped();

  const { baseUrl, databaseUrl } = await startApi();
  const client = await connect(databaseUrl);
  const phase = Date.now();
  const grown = await growCatalog(client, { published: PRODUCTS });
  const {
    rows: [counts],
  } = await client.query(`
    SELECT (SELECT count(*) FROM product)::int AS products,
           (SELECT count(*) FROM product WHERE status = 'PUBLISHED')::int AS published,
           (SELECT count(*) FROM product_variant)::int AS variants,
           (SELECT count(*) FROM cooperative)::int AS cooperatives,
           current_setting('server_version') AS version`);
  print(
    `catalog: ${number(counts.published)} published products (${number(counts.products)} in all), ${number(counts.variants)} variants, ` +
      `${counts.cooperatives} cooperatives, PostgreSQL ${counts.version}; ${number(grown.products)} added in ${seconds(phase)}`,
  );
  await disconnect();

  const plain = await probe(baseUrl, '/api/products?limit=20', listed(20));
  const certifiedCherries = '/api/products?category=CHERRY&certified=true&limit=20';
  const filtered = await probe(baseUrl, certifiedCherries, listed(20));
  const search = await probe(baseUrl, '/api/products?q=yingtao&limit=20', listed(20));
  const detailPath = `/api/products/${grown.showcaseSlug ?? filtered.json.items[0].slug}`;
  const detail = await probe(baseUrl, detailPath, (json) => (json.variants?.length ? null : 'expected variants'));
  const scenarios = [
    { name: 'plain list', path: '/api/products?limit=20', body: plain.body },
    { name: 'filtered list', path: certifiedCherries, body: filtered.body },
    { name: 'search', path: '/api/products?q=yingtao&limit=20', body: search.body },
    { name: 'product detail', path: detailPath, body: detail.body },
  ];
  const ceilingUrl = await startCeiling(Object.fromEntries(scenarios.map((s, i) => [`/${i}`, s.body])));
  print('scenarios:');
  for (const s of scenarios) print(`  ${s.name.padEnd(15)} GET ${s.path}`);
  print();

  // The first target measured would otherwise also pay for the JIT and for PostgreSQL's cold caches
  // after the bulk insert: one unmeasured round over every API scenario first.
  if (WARMUP_SECONDS > 0) {
    for (const s of scenarios) await autocannon({ url: `${baseUrl}${s.path}`, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }

  const rows = [];
  for (const [i, s] of scenarios.entries()) {
    const api = await load(`${baseUrl}${s.path}`);
    print(`  ${s.name.padEnd(15)} API      ${number(api.rps).padStart(7)} req/s  p50 ${ms(api.p50)} ms  p99 ${ms(api.p99)} ms`);
    const ceiling = await load(`${ceilingUrl}/${i}`);
    print(`  ${s.name.padEnd(15)} ceiling  ${number(ceiling.rps).padStart(7)} req/s  p50 ${ms(ceiling.p50)} ms  p99 ${ms(ceiling.p99)} ms`);
    rows.push({ name: s.name, bytes: s.body.length, api, ceiling });
  }

  print();
  for (const line of resultTable(rows)) print(line);
  print();
  const share = rows[0].api.rps / rows[0].ceiling.rps;
  print(
    `plain list: ${(share * 100).toFixed(1)}% of the ceiling — target ≥ ${TARGET_SHARE * 100}%: ${share >= TARGET_SHARE ? 'MET' : 'NOT MET'}`,
  );

  const broken = rows.flatMap(({ name, api, ceiling }) =>
    [
      ['API', api],
      ['ceiling', ceiling],
    ]
      .filter(([, r]) => r.non2xx || r.errors || r.timeouts || !r.ok)
      .map(([target, r]) => `${name} (${target}): ${r.ok} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`),
  );
  printApiWarnings();
  print(`load average (1 min) after the run: ${load1()}`);
  print(`total run time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (broken.length) {
    print(`\nBROKEN — failed requests:\n  ${broken.join('\n  ')}`);
    return 1;
  }
  return 0;
}

await runBench('bench:catalog', main);
