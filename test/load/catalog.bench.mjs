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
import { fork, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { growCatalog } from './catalog-data.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const TARGET_SHARE = 0.5;

function setting(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^\d+$/.test(raw) && Number(raw) >= min) return Number(raw);
  process.stderr.write(`bench:catalog: ${name} must be an integer ≥ ${min} (got "${raw}")\n`);
  process.exit(1);
}

const SECONDS = setting('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 32, 1);
const PRODUCTS = setting('BENCH_PRODUCTS', 5000, 0);

const print = (line = '') => process.stdout.write(`${line}\n`);
const number = (value) => Math.round(value).toLocaleString('en-US');
// autocannon's percentiles have a resolution of 1 ms.
const ms = (value) => (value < 1 ? '<1' : String(Math.round(value)));
const load1 = () => os.loadavg()[0].toFixed(2);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function build() {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error('npm run build failed');
  }
  print(`build: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Everything started here, so that any way out stops it. */
const running = { api: null, apiLog: [], ceiling: null, client: null, dataDir: null, benchDatabase: null };

async function startApi(env) {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.api = child;
  // At LOG_LEVEL=warn the API is quiet; keep what it says for the report and for a failed start.
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => running.apiLog.push(...chunk.split('\n').filter(Boolean)));
  }
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with ${child.exitCode} before it was healthy:\n${running.apiLog.slice(-20).join('\n')}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return baseUrl;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API was not healthy within 120 s:\n${running.apiLog.slice(-20).join('\n')}`);
    await sleep(250);
  }
}

function startCeiling(bodies) {
  const child = fork(join(ROOT, 'test/load/ceiling-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  running.ceiling = child;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ceiling server exited with ${code}`)));
    child.once('message', ({ port }) => resolve(`http://127.0.0.1:${port}`));
    child.send({ bodies: Object.fromEntries(Object.entries(bodies).map(([path, body]) => [path, body.toString('base64')])) });
  });
}

async function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
  return Promise.race([exited, sleep(timeoutMs).then(() => false)]);
}

/** The embedded cluster's postmaster, if it outlived the API (killed rather than stopped). */
async function stopOrphanedPostgres(dataDir) {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
  for (let i = 0; i < 100 && alive(); i++) await sleep(100);
  if (alive()) process.kill(pid, 'SIGKILL');
}

async function cleanup() {
  const { api, ceiling, client, dataDir, benchDatabase } = running;
  Object.assign(running, { api: null, ceiling: null, client: null, dataDir: null, benchDatabase: null });
  await client?.end().catch(() => undefined);
  if (ceiling && ceiling.exitCode === null) {
    ceiling.kill('SIGTERM');
    await waitForExit(ceiling, 5000);
  }
  if (api) {
    // The API closes, then stops its embedded PostgreSQL.
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
    if (!(await waitForExit(api, 30_000))) {
      api.kill('SIGKILL');
      await waitForExit(api, 5000);
    }
  }
  if (dataDir) {
    await stopOrphanedPostgres(dataDir).catch((error) => print(`could not stop the embedded PostgreSQL: ${error.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (benchDatabase) {
    const admin = new pg.Client({ connectionString: benchDatabase.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${benchDatabase.name} WITH (FORCE)`);
    await admin.end();
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    print(`\n${signal}: stopping the API and its PostgreSQL`);
    void cleanup().finally(() => process.exit(128 + os.constants.signals[signal]));
  });
}

/** A fresh database on the DATABASE_URL server, as the browser suite does; dropped at the end. */
async function freshDatabase(serverUrl) {
  const name = `qh_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  running.benchDatabase = { serverUrl, name };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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

function table(rows) {
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
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...cells.map(line)];
}

async function main() {
  const started = Date.now();
  const cpus = os.cpus();
  print(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  print(`load average (1 min) before the run: ${load1()} — other work on this machine skews the figures`);
  print(`autocannon: ${CONNECTIONS} connections on loopback, ${SECONDS} s measured per target after ${WARMUP_SECONDS} s of warm-up`);

  if (process.env.BENCH_SKIP_BUILD === '1') {
    if (!existsSync(join(ROOT, 'apps/api/dist/main.js'))) throw new Error('apps/api/dist/main.js is missing: run without BENCH_SKIP_BUILD');
  } else {
    build();
  }

  const dataDir = mkdtempSync(join(os.tmpdir(), 'qh-bench-'));
  running.dataDir = dataDir;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
  };
  let databaseUrl;
  if (process.env.DATABASE_URL) {
    databaseUrl = await freshDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = databaseUrl;
  } else {
    env.EMBEDDED_PG_PORT = String(await freePort());
  }

  let phase = Date.now();
  const baseUrl = await startApi(env);
  print(
    `API: healthy in ${((Date.now() - phase) / 1000).toFixed(1)} s (${env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'})`,
  );
  if (!databaseUrl) {
    const { EMBEDDED_PG_PASSWORD } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
    databaseUrl = `postgres://postgres:${encodeURIComponent(EMBEDDED_PG_PASSWORD)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/qianhuo`;
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // the server may go first during cleanup
  await client.connect();
  running.client = client;
  phase = Date.now();
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
      `${counts.cooperatives} cooperatives, PostgreSQL ${counts.version}; ${number(grown.products)} added in ${((Date.now() - phase) / 1000).toFixed(1)} s`,
  );
  await client.end();
  running.client = null;

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
  for (const line of table(rows)) print(line);
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
  const apiWarnings = running.apiLog.length;
  if (apiWarnings)
    print(`the API logged ${apiWarnings} line(s) at warn or above; the last: ${running.apiLog[apiWarnings - 1].slice(0, 300)}`);
  print(`load average (1 min) after the run: ${load1()}`);
  print(`total run time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (broken.length) {
    print(`\nBROKEN — failed requests:\n  ${broken.join('\n  ')}`);
    return 1;
  }
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  process.stderr.write(`\nbench:catalog failed: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await cleanup();
}
process.exit(code);
