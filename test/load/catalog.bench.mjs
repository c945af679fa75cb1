// `npm run bench:catalog`: the built API on a catalog of 5,000+ products, under autocannon on
// loopback, beside two ceilings measured in the same run:
//  - with the answer cache on (as shipped), a bare node:http server sending bodies of the same size;
//  - with the cache off (a second API process, CATALOG_CACHE_SECONDS=0, as signed-in pages, filters
//    off the beaten path and the first request after a write see it), the very SQL statements the
//    API sends, through `pg` directly as prepared statements at the same concurrency
//    (catalog-ceiling.mjs);
// each uncached scenario and its ceiling in turn, BENCH_ROUNDS times, the ratio taken of their means;
// then the searches again, uncached, after the catalog grows to BENCH_SEARCH_PRODUCTS, to show how
// their time grows with the catalog. Uncached, it also prints the CPU each request took in the API
// process and in PostgreSQL (from /proc): as both share the machine's cores, the API's ratio to its
// SQL ceiling comes out near PostgreSQL's share of the two. Prints figures; never fails on
// wall time, only when something is broken (build, start, errors, non-2xx answers).
//
//   BENCH_SECONDS          measured seconds per target (default 10)
//   BENCH_WARMUP_SECONDS   unmeasured warm-up before each (default 2)
//   BENCH_CONNECTIONS      autocannon connections, and the SQL ceiling's closed loops (default 32)
//   BENCH_ROUNDS           turns of each uncached scenario and its ceiling, alternating (default 3)
//   BENCH_PRODUCTS         published products to add to the demo catalog (default 5000)
//   BENCH_SEARCH_PRODUCTS  published products the catalog grows to for the second search run (default 50000; 0: no second run)
//   BENCH_SKIP_BUILD=1     use the existing apps/api/dist as it is
//   DATABASE_URL           run against a fresh database on this server instead of an embedded cluster
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import {
  ROOT,
  apiPoolSize,
  fromBuild,
  buildUnlessSkipped,
  connect,
  cpuBetween,
  cpuSpent,
  finish,
  disconnect,
  mean,
  number,
  percentile,
  print,
  printMachine,
  runBench,
  seconds,
  settingsOf,
  startAnotherApi,
  startApi,
  table,
  track,
} from './bench-support.mjs';
import { growCatalog } from './catalog-data.mjs';

const TARGET_SHARE = 0.5;
const TARGET_SEARCH_P50_MS = 20;

const setting = settingsOf('bench:catalog');
const SECONDS = setting('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 32, 1);
const ROUNDS = setting('BENCH_ROUNDS', 3, 1);
const PRODUCTS = setting('BENCH_PRODUCTS', 5000, 0);
const SEARCH_PRODUCTS = setting('BENCH_SEARCH_PRODUCTS', 50000, 0);

// autocannon's percentiles have a resolution of 1 ms.
const ms = (value) => (value < 1 ? '<1' : String(Math.round(value)));
const share = (part, whole) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–');

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

/** `url` under autocannon; with `apiPid`, also the CPU each request took in the API, PostgreSQL and autocannon. */
async function load(url, apiPid = null) {
  if (WARMUP_SECONDS > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const before = apiPid && cpuSpent(apiPid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const cpu = apiPid && cpuBetween(before, cpuSpent(apiPid), result.requests.total);
  return {
    cpu,
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

/** The SQL ceiling (catalog-ceiling.mjs) over `scenarios`, each with the statements the API sends for it. */
function sqlCeiling(databaseUrl, scenarios) {
  const child = track(fork(join(ROOT, 'test/load/catalog-ceiling.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SQL ceiling exited with ${code} before it reported`)));
    child.once('message', ({ results, error }) => (error ? reject(new Error(`the SQL ceiling failed: ${error}`)) : resolve(results)));
    child.send({
      databaseUrl,
      scenarios: scenarios.map((s) => ({ statements: s.statements })),
      connections: CONNECTIONS,
      // As many connections as the API's pool.
      poolSize: apiPoolSize(),
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
    });
  });
}

/** The catalog's size, for the report. */
async function catalogSize(databaseUrl) {
  const client = await connect(databaseUrl);
  // After a bulk insert the planner would otherwise guess at the new rows until autovacuum gets to them.
  await client.query('ANALYZE product, product_variant');
  const {
    rows: [counts],
  } = await client.query(`
    SELECT (SELECT count(*) FROM product)::int AS products,
           (SELECT count(*) FROM product WHERE status = 'PUBLISHED')::int AS published,
           (SELECT count(*) FROM product_variant)::int AS variants,
           (SELECT count(*) FROM cooperative)::int AS cooperatives,
           current_setting('server_version') AS version`);
  await disconnect();
  return counts;
}

const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Each scenario through the API (uncached), then as SQL right after it, ROUNDS times in turn: rows for
 * uncachedTable(), with the mean rates and the median latencies of the rounds. Side by side, the two
 * see the machine alike: with every scenario's API run first and every ceiling a minute later, a
 * ceiling swung by a third from one run to the next while its API did not. Over several rounds, one
 * noisy minute moves the ratio less: single rounds of the plain list ranged from 40% to 55%.
 */
async function uncachedRounds({ baseUrl, pid }, databaseUrl, scenarios) {
  const rows = [];
  for (const s of scenarios) {
    const turns = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const api = await load(`${baseUrl}${s.path}`, pid);
      const cpu = api.cpu
        ? `  CPU per request: API ${api.cpu.api.toFixed(3)} ms, PostgreSQL ${api.cpu.postgres?.toFixed(3) ?? '–'} ms, autocannon ${api.cpu.bench.toFixed(3)} ms`
        : '';
      const label = `${s.name}, round ${round}`.padEnd(24);
      print(`  ${label} API, no cache  ${number(api.rps).padStart(7)} req/s  p50 ${ms(api.p50)} ms  p99 ${ms(api.p99)} ms${cpu}`);
      const [{ perSecond, failed, problems, timings }] = await sqlCeiling(databaseUrl, [s]);
      const ceiling = { rps: perSecond, p50: timings.answer?.p50 ?? Number.NaN, p99: timings.answer?.p99 ?? Number.NaN, failed, problems };
      print(
        `  ${label} SQL ceiling    ${number(ceiling.rps).padStart(7)} /s     p50 ${ceiling.p50.toFixed(1)} ms  p99 ${ceiling.p99.toFixed(1)} ms`,
      );
      turns.push({ api, ceiling });
    }
    const of = (side, field) => turns.map((turn) => turn[side][field]);
    const cpuOf = (field) => (turns.every((turn) => turn.api.cpu?.[field] != null) ? mean(turns.map((turn) => turn.api.cpu[field])) : null);
    rows.push({
      name: s.name,
      turns,
      api: {
        rps: mean(of('api', 'rps')),
        p50: median(of('api', 'p50')),
        p99: median(of('api', 'p99')),
        cpu: { api: cpuOf('api'), postgres: cpuOf('postgres') },
      },
      ceiling: { rps: mean(of('ceiling', 'rps')), p50: median(of('ceiling', 'p50')), p99: median(of('ceiling', 'p99')) },
    });
  }
  return rows;
}

function uncachedTable(rows) {
  const header = [
    'scenario',
    'API req/s',
    'API p50 ms',
    'API p99 ms',
    'SQL ceiling /s',
    'SQL p50 ms',
    'SQL p99 ms',
    'ratio',
    'each round',
    'target ≥ 50%',
    'API CPU ms/req',
    'PG CPU ms/req',
  ];
  const cpu = (value) => (value == null ? '–' : value.toFixed(3));
  const cells = rows.map((r) => [
    r.name,
    number(r.api.rps),
    ms(r.api.p50),
    ms(r.api.p99),
    number(r.ceiling.rps),
    r.ceiling.p50.toFixed(1),
    r.ceiling.p99.toFixed(1),
    share(r.api.rps, r.ceiling.rps),
    r.turns.map((turn) => share(turn.api.rps, turn.ceiling.rps)).join(' '),
    r.api.rps >= TARGET_SHARE * r.ceiling.rps ? 'MET' : 'NOT MET',
    cpu(r.api.cpu?.api),
    cpu(r.api.cpu?.postgres),
  ]);
  return table(header, cells);
}

function cachedTable(rows) {
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

/** Requests that failed in any of `checks` ([label, load result]). */
const failures = (checks) =>
  checks
    .filter(([, r]) => r.non2xx || r.errors || r.timeouts || !r.ok)
    .map(([label, r]) => `${label}: ${r.ok} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);

const searchesOf = (scenarios) => scenarios.filter((s) => s.search);

async function main() {
  const started = Date.now();
  printMachine();
  print(`autocannon: ${CONNECTIONS} connections on loopback, ${SECONDS} s measured per target after ${WARMUP_SECONDS} s of warm-up`);
  buildUnlessSkipped();
  // The statements the API sends, from the build just made.
  const { productListStatement, productPageStatement } = fromBuild('catalog/catalog.repository.js');

  const { baseUrl, databaseUrl } = await startApi();
  const client = await connect(databaseUrl);
  let phase = Date.now();
  const grown = await growCatalog(client, { published: PRODUCTS });
  await disconnect();
  const counts = await catalogSize(databaseUrl);
  print(
    `catalog: ${number(counts.published)} published products (${number(counts.products)} in all), ${number(counts.variants)} variants, ` +
      `${counts.cooperatives} cooperatives, PostgreSQL ${counts.version}; ${number(grown.products)} added in ${seconds(phase)}`,
  );

  await probe(baseUrl, '/api/products?limit=20', listed(20));
  const certifiedCherries = '/api/products?category=CHERRY&certified=true&limit=20';
  const filtered = await probe(baseUrl, certifiedCherries, listed(20));
  const detailSlug = grown.showcaseSlug ?? filtered.json.items[0].slug;
  // Each scenario with the statements the API sends for it (CatalogService asks for one row more than a page, to know whether there is a next).
  const scenarios = [
    { name: 'plain list', path: '/api/products?limit=20', statements: [productListStatement({ sort: 'newest', limit: 21 })] },
    {
      name: 'filtered list',
      path: certifiedCherries,
      statements: [productListStatement({ category: 'CHERRY', certified: true, sort: 'newest', limit: 21 })],
    },
    {
      name: 'search pinyin',
      path: '/api/products?q=yingtao&limit=20',
      statements: [productListStatement({ q: 'yingtao', sort: 'relevance', limit: 21 })],
      search: true,
    },
    {
      name: 'search 汉字',
      path: `/api/products?q=${encodeURIComponent('樱桃')}&limit=20`,
      statements: [productListStatement({ q: '樱桃', sort: 'relevance', limit: 21 })],
      search: true,
    },
    { name: 'product detail', path: `/api/products/${detailSlug}`, statements: [productPageStatement(detailSlug)] },
  ];
  for (const s of scenarios) {
    s.body = (
      await probe(
        baseUrl,
        s.path,
        s.search || s.name.endsWith('list') ? listed(20) : (json) => (json.variants?.length ? null : 'expected variants'),
      )
    ).body;
  }
  print('scenarios:');
  for (const s of scenarios) print(`  ${s.name.padEnd(15)} GET ${s.path}`);
  print();

  // 1. As shipped: the answer cache on, beside a server that only sends the bytes.
  print('1. answer cache on (as shipped), beside bare node:http sending the same bodies');
  const ceilingUrl = await startCeiling(Object.fromEntries(scenarios.map((s, i) => [`/${i}`, s.body])));
  // The first target measured would otherwise also pay for the JIT and for PostgreSQL's cold caches
  // after the bulk insert: one unmeasured round over every API scenario first.
  if (WARMUP_SECONDS > 0) {
    for (const s of scenarios) await autocannon({ url: `${baseUrl}${s.path}`, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  const cached = [];
  for (const [i, s] of scenarios.entries()) {
    const api = await load(`${baseUrl}${s.path}`);
    print(`  ${s.name.padEnd(15)} API      ${number(api.rps).padStart(7)} req/s  p50 ${ms(api.p50)} ms  p99 ${ms(api.p99)} ms`);
    const ceiling = await load(`${ceilingUrl}/${i}`);
    print(`  ${s.name.padEnd(15)} ceiling  ${number(ceiling.rps).padStart(7)} req/s  p50 ${ms(ceiling.p50)} ms  p99 ${ms(ceiling.p99)} ms`);
    cached.push({ name: s.name, bytes: s.body.length, api, ceiling });
  }
  print();

  // 2. The cache off, beside the API's own SQL.
  print(`2. answer cache off (a second API process, CATALOG_CACHE_SECONDS=0), beside its SQL through pg as prepared statements`);
  const uncachedApi = await startAnotherApi({ CATALOG_CACHE_SECONDS: '0' });
  if (WARMUP_SECONDS > 0) {
    for (const s of scenarios)
      await autocannon({ url: `${uncachedApi.baseUrl}${s.path}`, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  const uncached = await uncachedRounds(uncachedApi, databaseUrl, scenarios);
  print();

  // 3. The searches again on a catalog ten times the size.
  let grownSearch = null;
  if (SEARCH_PRODUCTS > counts.published) {
    print(`3. the searches, cache off, once the catalog has grown to ${number(SEARCH_PRODUCTS)} published products`);
    const client2 = await connect(databaseUrl);
    phase = Date.now();
    const more = await growCatalog(client2, { published: SEARCH_PRODUCTS - counts.published, from: grown.products });
    await disconnect();
    const bigger = await catalogSize(databaseUrl);
    print(
      `  catalog: ${number(bigger.published)} published products (${number(bigger.products)} in all); ${number(more.products)} added in ${seconds(phase)}`,
    );
    grownSearch = { counts: bigger, rows: await uncachedRounds(uncachedApi, databaseUrl, searchesOf(scenarios)) };
    print();
  }

  print(`answer cache on (${number(counts.published)} published products):`);
  for (const line of cachedTable(cached)) print(line);
  print();
  print(
    `answer cache off (${number(counts.published)} published products), ${ROUNDS} rounds: mean req/s, median p50 and p99; ratio = mean API req/s ÷ mean SQL ceiling /s:`,
  );
  for (const line of uncachedTable(uncached)) print(line);
  if (grownSearch) {
    print();
    print(`searches, cache off, at ${number(grownSearch.counts.published)} published products:`);
    for (const line of uncachedTable(grownSearch.rows)) print(line);
    print();
    print(`how search p50 grows with the catalog (${CONNECTIONS} connections), target p50 < ${TARGET_SEARCH_P50_MS} ms at the larger:`);
    const header = [
      'search',
      `p50 ms at ${number(counts.published)}`,
      `p50 ms at ${number(grownSearch.counts.published)}`,
      'growth',
      'target',
    ];
    const cells = grownSearch.rows.map((big) => {
      const small = uncached.find((r) => r.name === big.name);
      return [
        big.name,
        ms(small.api.p50),
        ms(big.api.p50),
        small.api.p50 > 0 ? `×${(big.api.p50 / small.api.p50).toFixed(2)}` : '–',
        big.api.p50 < TARGET_SEARCH_P50_MS ? 'MET' : 'NOT MET',
      ];
    });
    for (const line of table(header, cells)) print(line);
  }
  print();
  const plain = cached[0];
  print(`plain list, cache on: ${share(plain.api.rps, plain.ceiling.rps)} of bare node:http`);
  const met = uncached.filter((r) => r.api.rps >= TARGET_SHARE * r.ceiling.rps).length;
  print(
    `cache off: ${met} of ${uncached.length} scenarios at ≥ ${TARGET_SHARE * 100}% of their SQL ceiling — target: all: ${met === uncached.length ? 'MET' : 'NOT MET'}`,
  );

  const uncachedTurns = [...uncached, ...(grownSearch?.rows ?? [])].flatMap(({ name, turns }) => turns.map((turn) => ({ name, ...turn })));
  const broken = [
    ...failures(
      cached.flatMap(({ name, api, ceiling }) => [
        [`${name} (API, cache on)`, api],
        [`${name} (node:http)`, ceiling],
      ]),
    ),
    ...failures(uncachedTurns.map(({ name, api }) => [`${name} (API, cache off)`, api])),
    ...uncachedTurns
      .filter(({ ceiling }) => ceiling.failed)
      .map(({ name, ceiling }) => `${name} (SQL ceiling): ${JSON.stringify(ceiling.problems)}`),
  ];
  return finish(started, broken);
}

await runBench('bench:catalog', main);
