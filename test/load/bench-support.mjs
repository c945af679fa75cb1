// What the load benchmarks share: settings from the environment, the machine's description, the
// build, the built API on a throwaway embedded PostgreSQL (or a fresh database on DATABASE_URL),
// child processes, and a cleanup that stops all of it however the bench ends. Importing this
// module starts nothing; `runBench()` installs the signal handlers.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export const ROOT = new URL('../..', import.meta.url).pathname;

export const print = (line = '') => process.stdout.write(`${line}\n`);
export const number = (value) => Math.round(value).toLocaleString('en-US');
export const seconds = (sinceMs) => `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
export const load1 = () => os.loadavg()[0].toFixed(2);

/** An integer setting from the environment, or the fallback; anything else ends the bench with a message naming it. */
export function settingsOf(bench) {
  return (name, fallback, min) => {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^\d+$/.test(raw) && Number(raw) >= min) return Number(raw);
    process.stderr.write(`${bench}: ${name} must be an integer ≥ ${min} (got "${raw}")\n`);
    process.exit(1);
  };
}

export function printMachine() {
  const cpus = os.cpus();
  print(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  print(`load average (1 min) before the run: ${load1()} — other work on this machine skews the figures`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const requireHere = createRequire(import.meta.url);

/** A module of the API's build (CommonJS), by its path under apps/api/dist: only after buildUnlessSkipped(), or it may be missing or stale. */
export const fromBuild = (path) => requireHere(join(ROOT, 'apps/api/dist', path));

/** Each API process's pool, as the API reads it: DATABASE_POOL_SIZE, or the default in its build (apps/api/src/config/config.ts). */
export function apiPoolSize() {
  return Number(process.env.DATABASE_POOL_SIZE || fromBuild('config/config.js').DEFAULT_DATABASE_POOL_SIZE);
}

/** The API's command line: BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) before its entry point. */
function apiArguments() {
  return [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), join(ROOT, 'apps/api/dist/main.js')];
}

/** Builds the app, unless BENCH_SKIP_BUILD=1 says to use apps/api/dist as it is. */
export function buildUnlessSkipped() {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    if (!existsSync(join(ROOT, 'apps/api/dist/main.js'))) throw new Error('apps/api/dist/main.js is missing: run without BENCH_SKIP_BUILD');
    return;
  }
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
  print(`build: ok in ${seconds(started)}`);
}

/** Everything started here, so that any way out stops it. */
export const running = { api: null, apiEnv: null, apiLog: [], children: [], client: null, dataDir: null, benchDatabase: null };

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (ms) spent so far by the API process(es) `apiPids` (a pid or a list) and by the PostgreSQL server processes started
 * under this one (an embedded cluster's, with the backends they have reaped; a DATABASE_URL
 * server's are not ours to see: null), and by this process (the load generator); from /proc, so
 * null where there is none.
 */
export function cpuSpent(apiPids) {
  const processes = new Map();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone since the listing
      }
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields are counted from its end.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      processes.set(Number(entry), { comm, parent: Number(fields[1]), own: utime + stime, reaped: cutime + cstime });
    }
  } catch {
    return null;
  }
  const ours = (pid) => {
    for (let at = processes.get(pid)?.parent; at; at = processes.get(at)?.parent) if (at === process.pid) return true;
    return false;
  };
  let postgres = null;
  for (const [pid, p] of processes) if (p.comm === 'postgres' && ours(pid)) postgres = (postgres ?? 0) + p.own + p.reaped;
  const { user, system } = process.cpuUsage();
  const ms = (ticks) => (ticks * 1000) / TICKS_PER_SECOND;
  const api = [apiPids].flat().reduce((sum, pid) => sum + (processes.get(pid)?.own ?? 0), 0);
  return { api: ms(api), postgres: postgres === null ? null : ms(postgres), bench: (user + system) / 1000 };
}

/** The CPU (ms) spent between two cpuSpent() readings, each figure divided by `count` (requests) when given; or null. */
export function cpuBetween(before, after, count = 1) {
  if (!before || !after || !count) return null;
  const per = (key) => (after[key] === null || before[key] === null ? null : (after[key] - before[key]) / count);
  return { api: per('api'), postgres: per('postgres'), bench: per('bench') };
}

/** A child process that cleanup() stops (before the API, so that it lets go of the database first). */
export function track(child) {
  running.children.push(child);
  return child;
}

async function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
  return Promise.race([exited, sleep(timeoutMs).then(() => false)]);
}

async function waitForHealth(child, baseUrl) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with ${child.exitCode} before it was healthy:\n${running.apiLog.slice(-20).join('\n')}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API was not healthy within 120 s:\n${running.apiLog.slice(-20).join('\n')}`);
    await sleep(250);
  }
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

/**
 * Starts the built API in production mode on a fresh DATA_DIR, with its embedded PostgreSQL on a
 * free port, or on a fresh database of the DATABASE_URL server; seeds the demo data. Answers once
 * /api/health does, with the API's URL and a URL for talking SQL to its database.
 */
export async function startApi(extraEnv = {}) {
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
    // Production refuses to start without a provider named; the benches pay (when they pay) on the demo page.
    PAYMENTS_PROVIDER: 'demo',
    // A bench writes the history it measures.
    DEMO_HISTORY_ORDERS: '0',
    ...extraEnv,
  };
  let databaseUrl;
  if (process.env.DATABASE_URL) {
    databaseUrl = await freshDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = databaseUrl;
  } else {
    env.EMBEDDED_PG_PORT = String(await freePort());
  }

  const started = Date.now();
  const child = spawn(process.execPath, apiArguments(), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.api = child;
  running.apiEnv = env;
  // At LOG_LEVEL=warn the API is quiet; keep what it says for the report and for a failed start.
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => running.apiLog.push(...chunk.split('\n').filter(Boolean)));
  }
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(child, baseUrl);
  print(`API: healthy in ${seconds(started)} (${env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'})`);
  if (!databaseUrl) {
    const { EMBEDDED_PG_PASSWORD } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
    databaseUrl = `postgres://postgres:${encodeURIComponent(EMBEDDED_PG_PASSWORD)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/qianhuo`;
  }
  running.apiEnv.DATABASE_URL = databaseUrl;
  return { baseUrl, databaseUrl, pid: child.pid };
}

/**
 * One more API process beside the one startApi() started, on its database and DATA_DIR (so on its
 * secrets: a token from one is good on the other), with `extraEnv` on top of its settings. Stopped
 * by cleanup() before the first, which owns the embedded PostgreSQL. Answers its URL once healthy.
 */
export async function startAnotherApi(extraEnv = {}) {
  if (!running.apiEnv) throw new Error('startAnotherApi() needs startApi() first');
  const { EMBEDDED_PG_PORT: _embedded, ...shared } = running.apiEnv;
  const env = { ...shared, PORT: String(await freePort()), ...extraEnv };
  const started = Date.now();
  const child = track(
    spawn(process.execPath, apiArguments(), {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => running.apiLog.push(...chunk.split('\n').filter(Boolean)));
  }
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(child, baseUrl);
  print(`another API process: healthy in ${seconds(started)}`);
  return { baseUrl, pid: child.pid, stop: () => stopChild(child) };
}

/** Stops a child process started here: SIGTERM, then SIGKILL after 5 s. */
async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 5000))) child.kill('SIGKILL');
}

/** A SQL client on the API's database that cleanup() closes. */
export async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // the server may go first during cleanup
  await client.connect();
  running.client = client;
  return client;
}

export async function disconnect() {
  const { client } = running;
  running.client = null;
  await client?.end();
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

let stopping = null;

/** Stops everything; a second call (a signal during the first) waits for the first. */
export function cleanup() {
  stopping ??= stopEverything();
  return stopping;
}

async function stopEverything() {
  const { api, children, client, dataDir, benchDatabase } = running;
  Object.assign(running, { api: null, apiEnv: null, children: [], client: null, dataDir: null, benchDatabase: null });
  await client?.end().catch(() => undefined);
  for (const child of children) await stopChild(child);
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

/** What the API said at warn or above, in one line for the report. */
export function printApiWarnings() {
  const count = running.apiLog.length;
  if (count) print(`the API logged ${count} line(s) at warn or above; the last: ${running.apiLog[count - 1].slice(0, 300)}`);
}

/**
 * Runs `main` (which answers the exit code), stops everything it started however it ends (a
 * signal included) and exits with that code; 1 when it threw.
 */
export async function runBench(bench, main) {
  let signalled = null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      signalled = 128 + os.constants.signals[signal];
      print(`\n${signal}: stopping the API and its PostgreSQL`);
      void cleanup().finally(() => process.exit(signalled));
    });
  }
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    // After a signal, main fails because its processes were stopped: not worth a message.
    if (signalled === null) process.stderr.write(`\n${bench} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await cleanup();
  }
  process.exit(signalled ?? code);
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export function table(header, cells) {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...cells.map(line)];
}

/** The arithmetic mean of `values` (a bench's rounds); NaN for none. */
export const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The nearest-rank percentile of ascending `sorted`; NaN for none. */
export function percentile(sorted, p) {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * `loops` closed loops at once, each awaiting `iteration(loop, n)` again and again until the
 * warm-up and the measured window are over. An iteration answers `{ timings: { name: ms | ms[] } }`
 * or `{ problem }`; a loop stops at its first problem (or throw), as something is broken then.
 * Counts the iterations that ended inside the measured window, and their timings; problems count
 * wherever they happened, warm-up included.
 */
export async function closedLoops({ loops, warmupSeconds, seconds: measuredSeconds, iteration }) {
  const measureFrom = performance.now() + warmupSeconds * 1000;
  const measureTo = measureFrom + measuredSeconds * 1000;
  const timings = {};
  const problems = new Map();
  let completed = 0;
  let total = 0;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let n = 0; performance.now() < measureTo; n++) {
        let result;
        try {
          result = await iteration(loop, n);
        } catch (error) {
          result = { problem: error instanceof Error ? error.message : String(error) };
        }
        if (result.problem) {
          problems.set(result.problem, (problems.get(result.problem) ?? 0) + 1);
          return;
        }
        total++;
        const end = performance.now();
        if (end < measureFrom || end > measureTo) continue;
        completed++;
        for (const [name, value] of Object.entries(result.timings)) (timings[name] ??= []).push(...[value].flat());
      }
    }),
  );
  const summary = (values) => {
    const sorted = Float64Array.from(values).sort();
    return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  return {
    perSecond: completed / measuredSeconds,
    completed,
    total,
    failed: [...problems.values()].reduce((sum, count) => sum + count, 0),
    problems: Object.fromEntries(problems),
    timings: Object.fromEntries(Object.entries(timings).map(([name, values]) => [name, summary(values)])),
  };
}

/** A JSON POST through `agent`; answers the status and the body as text. */
export function postJson(agent, url, body, headers = {}) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** The error code of an API answer, when it gave one. */
export function codeOf(response) {
  try {
    return JSON.parse(response.body).code ?? '';
  } catch {
    return ''; // not JSON
  }
}

/** "POST /api/checkout answered 409 OUT_OF_STOCK": the error code when the API gave one. */
export function problemOf(what, response) {
  const code = codeOf(response);
  return `${what} answered ${response.status}${code ? ` ${code}` : ''}`;
}

/**
 * `orders` paid orders of history since 2016 (and `organisations` budget units buying in the last
 * year) written into the API's database by `seed:history`, as a shop with years behind it has them.
 */
export function writeHistory(databaseUrl, { orders, organisations = 0 }) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(
        process.execPath,
        [join(ROOT, 'apps/api/dist/database/seed/history-cli.js'), '--orders', String(orders), '--organisations', String(organisations)],
        {
          cwd: ROOT,
          // The API's DATA_DIR: the history's cash receipts go where the API reads them.
          env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: running.dataDir, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      ),
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => process.stdout.write(chunk.replace(/^/gm, '  ')));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:history exited with ${code}`))));
  });
}

/** `task(i)` for i < count, `concurrency` at a time. */
export async function inBatches(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** The end of a bench's report: what the API warned of, the load, the run time, and what was broken (exit code 1) if anything. */
export function finish(startedMs, broken) {
  printApiWarnings();
  print(`load average (1 min) after the run: ${load1()}`);
  print(`total run time: ${((Date.now() - startedMs) / 1000).toFixed(0)} s`);
  if (!broken.length) return 0;
  print(`\nBROKEN:\n  ${broken.join('\n  ')}`);
  return 1;
}
