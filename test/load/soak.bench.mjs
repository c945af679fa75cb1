// `npm run bench:soak`: minutes of mixed traffic against the built app with its jobs on, as in
// production. SOAK_CONCURRENCY virtual clients, each a buyer account registered through the API,
// loop over a mix of journeys: browse (home, category lists, product and cooperative pages), search
// (汉字, pinyin, initials; every sort), cart (add, change, remove lines), checkout and pay (demo
// provider), and an official's dashboard questions. Prints throughput, answers by status and error
// code, p50/p99 per step, the API process's memory and CPU over the run and the load average, then
// checks that the data adds up (orders, payments, ledger, stock, the dashboard's figures). Fails only
// when requests fail with 5xx or on the network, or when the data does not add up; never on speed.
//
//   SOAK_MINUTES          minutes of traffic (default 10)
//   SOAK_CONCURRENCY      virtual clients at once, one buyer account each (default 20)
//   SOAK_HISTORY_ORDERS   orders of demo history for the dashboard, as `npm start` writes them (default 20000; 0: none)
//   BENCH_SKIP_BUILD=1    use the existing apps/api/dist as it is
//   DATABASE_URL          run against a fresh database on this server instead of an embedded cluster
import argon2 from 'argon2';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  buildUnlessSkipped,
  connect,
  load1,
  number,
  percentile,
  print,
  printApiWarnings,
  printMachine,
  runBench,
  running,
  seconds,
  settingsOf,
  startApi,
  table,
} from './bench-support.mjs';

const setting = settingsOf('bench:soak');
const MINUTES = setting('SOAK_MINUTES', 10, 1);
const CONCURRENCY = setting('SOAK_CONCURRENCY', 20, 1);
const HISTORY_ORDERS = setting('SOAK_HISTORY_ORDERS', 20_000, 0);
/** About ten samples of memory and throughput over the run, none closer than 10 s apart. */
const SAMPLE_SECONDS = Math.max(10, Math.round((MINUTES * 60) / 10));
/** Added to every variant in stock before the run, so that minutes of checkouts cannot sell the demo catalog out. */
const RESTOCK = 1_000_000;
const REQUEST_TIMEOUT_MS = 30_000;
const BUYER_PASSWORD = 'bench-soak-pass-2026';
/** Officials cannot register; as in bench:reports, one is written into the account table (a production demo's own accounts get a generated password). */
const OFFICIAL = { email: 'soak-official@example.cn', password: 'bench-soak-official-2026' };

/** The share of each journey in the mix (a client's first journey is always a browse). */
const MIX = [
  ['browse', 35],
  ['search', 25],
  ['cart', 15],
  ['checkout', 15],
  ['dashboard', 10],
];
/** Guangzhou's districts but 从化 (440117), which has no cold-chain delivery in the demo data: its buyers could not check out chilled goods. */
const DISTRICTS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440118'];
/** What shoppers type: 汉字, full pinyin and pinyin initials of the demo goods. */
const SEARCH_TERMS = [
  ['樱桃', 'yingtao', 'yt'],
  ['红茶', 'hongcha', 'hc'],
  ['土鸡蛋', 'tujidan', 'tjd'],
  ['香菇', 'xianggu', 'xg'],
  ['挂面', 'guamian', 'gm'],
  ['滚山鸡', 'gunshanji', 'gsj'],
  ['腊肉', 'larou', 'lr'],
  ['古树', 'gushu', 'gs'],
].flat();
const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'];

// The API's heap is only visible from inside: a module preloaded into the API process (NODE_OPTIONS
// --import) writes its process.memoryUsage() and event-loop utilisation to DATA_DIR once a second.
// Asked (a file soak-gc-<pid> appears), it first runs a full garbage collection (--expose-gc), so that
// the heap still in use before and after the soak can be compared without the garbage of the moment.
const MEMORY_PROBE = `
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
if (isMainThread && process.env.DATA_DIR) {
  const file = join(process.env.DATA_DIR, 'soak-memory-' + process.pid + '.json');
  const request = join(process.env.DATA_DIR, 'soak-gc-' + process.pid);
  const write = () => {
    try {
      const collect = typeof globalThis.gc === 'function' && existsSync(request);
      if (collect) {
        rmSync(request, { force: true });
        globalThis.gc();
      }
      const figures = JSON.stringify({ ...process.memoryUsage(), ...performance.eventLoopUtilization() });
      writeFileSync(file, figures);
      if (collect) writeFileSync(request + '.json', figures);
    } catch {}
  };
  setInterval(write, 1000).unref();
}`;

const ms = (value) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1));
const mib = (bytes) => (bytes === undefined || Number.isNaN(bytes) ? '–' : (bytes / 2 ** 20).toFixed(1));
const clock = (sinceMs) => {
  const total = Math.round((Date.now() - sinceMs) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** Same LCG as the demo seed: each client draws its own reproducible sequence of journeys. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const agent = new http.Agent({ keepAlive: true });

/** One request on a kept-alive connection; answers the status, the headers and the body as text. */
function send(url, method, { body, headers = {} } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const sent =
    payload === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers: sent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`), { code: 'TIMEOUT' })),
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Every answer of the run: per step its latencies and failures, per status (and error code) its count, and the current sample's share. */
function createStats() {
  return {
    steps: new Map(),
    answers: new Map(),
    failures: [],
    failed: 0,
    window: { requests: 0, failed: 0, latencies: [] },
    record(step, answer, latency) {
      const entry = this.steps.get(step) ?? { latencies: [], notOk: 0 };
      this.steps.set(step, entry);
      entry.latencies.push(latency);
      const ok = answer.status >= 200 && answer.status < 300;
      if (!ok) entry.notOk++;
      const key =
        answer.status === 0
          ? `network ${answer.code}`
          : answer.status >= 400
            ? `${answer.status} ${answer.code ?? '(no code)'}`
            : String(answer.status);
      const counted = this.answers.get(key) ?? { count: 0, steps: new Map() };
      this.answers.set(key, counted);
      counted.count++;
      counted.steps.set(step, (counted.steps.get(step) ?? 0) + 1);
      this.window.requests++;
      this.window.latencies.push(latency);
      if (answer.status === 0 || answer.status >= 500) {
        this.failed++;
        this.window.failed++;
        if (this.failures.length < 5) this.failures.push(`${step}: ${key}: ${answer.message ?? ''}`.slice(0, 300));
      }
    },
    takeWindow() {
      const window = this.window;
      this.window = { requests: 0, failed: 0, latencies: [] };
      return window;
    },
  };
}

const cookieOf = (response) =>
  [response.headers['set-cookie'] ?? []]
    .flat()
    .find((cookie) => cookie.startsWith('qh_refresh='))
    ?.split(';')[0];

/**
 * A signed-in account as the storefront keeps it: the access token, renewed through
 * POST /api/auth/refresh (with the refresh cookie) a minute before it expires, one renewal at a
 * time however many clients share the session.
 */
class Session {
  constructor(api, email, password) {
    Object.assign(this, { api, email, password, token: null, expiresAt: 0, cookie: null, user: null, renewing: null });
  }

  adopt(response) {
    const { accessToken, expiresIn, user } = JSON.parse(response.text);
    Object.assign(this, { token: accessToken, expiresAt: Date.now() + expiresIn * 1000, cookie: cookieOf(response) ?? this.cookie, user });
    return this;
  }

  async headers() {
    if (Date.now() > this.expiresAt - 60_000) await (this.renewing ??= this.renew().finally(() => (this.renewing = null)));
    return { authorization: `Bearer ${this.token}` };
  }

  async renew() {
    const refreshed = await this.api.call('auth refresh', 'POST', '/api/auth/refresh', {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    if (refreshed.status === 200) return this.adopt(refreshed.response);
    const login = await this.api.call('auth login', 'POST', '/api/auth/login', { body: { email: this.email, password: this.password } });
    if (login.status === 200) return this.adopt(login.response);
    this.expiresAt = Date.now() + 65_000; // try again in a few seconds; until then requests answer 401, counted as such
    return this;
  }
}

/** Calls through the API, each timed and counted under its step; a 401 makes the session renew before its next request. */
function createApi(baseUrl, stats) {
  return {
    async call(step, method, path, { session, body, headers = {} } = {}) {
      const sent = session ? { ...(await session.headers()), ...headers } : headers;
      const started = performance.now();
      let answer;
      try {
        const response = await send(`${baseUrl}${path}`, method, { body, headers: sent });
        const json = /json/.test(response.headers['content-type'] ?? '') ? parsed(response.text) : null;
        answer = {
          status: response.status,
          ok: response.status >= 200 && response.status < 300,
          json,
          code: json?.code,
          message: json?.message,
          response,
        };
      } catch (error) {
        answer = { status: 0, ok: false, json: null, code: error.code ?? 'ERROR', message: error.message };
      }
      stats.record(step, answer, performance.now() - started);
      if (answer.status === 401 && session) session.expiresAt = 0;
      return answer;
    },
  };
}

const isBuyableNow = (product) => product.inStock && (product.season.saleStartsAt === null || product.season.inSeason);

/** Resident memory of a process from /proc, in bytes; undefined once it is gone. */
function residentBytes(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** The API's process: resident memory and its peak from /proc, CPU time, and the heap as the preloaded probe last wrote it. */
function createProcessProbe(pid, dataDir) {
  const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  let last = null;
  return () => {
    const sample = { at: performance.now() };
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      sample.rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024;
      sample.peakRss = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) * 1024;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      sample.cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    } catch {
      return sample; // the process is gone
    }
    try {
      const inside = JSON.parse(readFileSync(join(dataDir, `soak-memory-${pid}.json`), 'utf8'));
      Object.assign(sample, {
        heapUsed: inside.heapUsed,
        heapTotal: inside.heapTotal,
        external: inside.external,
        idle: inside.idle,
        active: inside.active,
      });
    } catch {
      // not written yet, or being written: no heap figures in this sample
    }
    if (last) {
      const wall = (sample.at - last.at) / 1000;
      sample.cpuShare = (sample.cpuSeconds - last.cpuSeconds) / wall;
      if (sample.active !== undefined && last.active !== undefined) {
        const busy = sample.active - last.active;
        sample.loopShare = busy / (busy + sample.idle - last.idle);
      }
    }
    last = sample;
    return sample;
  };
}

/** The API's heap in use right after a full garbage collection, in bytes (the probe runs it when asked); undefined if it does not answer. */
async function collectedHeap(pid, dataDir) {
  const request = join(dataDir, `soak-gc-${pid}`);
  rmSync(`${request}.json`, { force: true });
  writeFileSync(request, '');
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    try {
      return JSON.parse(readFileSync(`${request}.json`, 'utf8')).heapUsed;
    } catch {
      // not collected yet
    }
  }
  return undefined;
}

async function register(api, i) {
  const email = `soak-buyer-${String(i + 1).padStart(3, '0')}@example.cn`;
  const session = new Session(api, email, BUYER_PASSWORD);
  const answer = await api.call('auth register', 'POST', '/api/auth/register', {
    body: { email, password: BUYER_PASSWORD, displayName: `压测买家 ${i + 1}` },
  });
  if (answer.status !== 201)
    throw new Error(`POST /api/auth/register (${email}) answered ${answer.status} ${answer.code ?? ''}: ${answer.message ?? ''}`);
  return session.adopt(answer.response);
}

async function signIn(api, { email, password }) {
  const answer = await api.call('auth login', 'POST', '/api/auth/login', { body: { email, password } });
  if (answer.status !== 200)
    throw new Error(`POST /api/auth/login (${email}) answered ${answer.status} ${answer.code ?? ''}: ${answer.message ?? ''}`);
  return new Session(api, email, password).adopt(answer.response);
}

/** The journeys. Each answers whether it went all the way; one stops at the first answer it cannot go on from. */
function createJourneys(api, official, tally) {
  const pick = (c, items) => items[Math.floor(c.random() * items.length)];
  const get = (c, step, path) => api.call(step, 'GET', path, { session: c.session });

  async function categories(c) {
    const answer = await get(c, 'categories', '/api/categories');
    if (answer.ok) c.categories = answer.json.filter((category) => category.productCount > 0);
    return answer.ok;
  }

  /**
   * A variant that can be bought now, found as a shopper finds it: a list (a category's, then, if
   * nothing there can be bought now, all products, newest first) page by page until a product is in
   * stock and on sale (not waiting for its season), then that product's page and a variant not sold out.
   */
  async function buyableVariant(c) {
    if (!c.categories && !(await categories(c))) return null;
    const category = c.categories.length && c.random() < 0.6 ? pick(c, c.categories).code : null;
    for (const query of [...(category ? [new URLSearchParams({ category })] : []), new URLSearchParams()]) {
      for (let page = 0; page < 3; page++) {
        const list = await get(
          c,
          query.has('category') ? 'category list' : 'product list',
          `/api/products${query.size ? `?${query}` : ''}`,
        );
        if (!list.ok) return null;
        const buyable = list.json.items.filter(isBuyableNow);
        if (buyable.length) {
          const detail = await get(c, 'product page', `/api/products/${pick(c, buyable).slug}`);
          if (!detail.ok) return null;
          const variants = detail.json.variants.filter((variant) => variant.stockStatus !== 'SOLD_OUT');
          if (isBuyableNow(detail.json) && variants.length) return pick(c, variants);
        }
        if (!list.json.nextCursor) break;
        query.set('cursor', list.json.nextCursor);
      }
    }
    return null;
  }

  async function removeLines(c, lines) {
    for (const line of lines) {
      if (!(await api.call('cart remove', 'DELETE', `/api/cart/lines/${line.id}`, { session: c.session })).ok) return false;
    }
    return true;
  }

  async function browse(c) {
    // The home page: categories, two strips of four products, the public impact figures.
    if (!(await categories(c))) return false;
    for (const strip of ['inSeason=true', 'certified=true']) {
      if (!(await get(c, 'home strip', `/api/products?${strip}&limit=4`)).ok) return false;
    }
    if (!(await get(c, 'public impact', '/api/impact/public')).ok) return false;
    if (!c.categories.length) return true;
    // A category, perhaps its next page, one to three products, perhaps their cooperative.
    const category = pick(c, c.categories).code;
    let list = await get(c, 'category list', `/api/products?category=${category}`);
    if (!list.ok) return false;
    if (list.json.nextCursor && c.random() < 0.3) {
      list = await get(c, 'category list', `/api/products?category=${category}&cursor=${encodeURIComponent(list.json.nextCursor)}`);
      if (!list.ok) return false;
    }
    let product = null;
    for (let i = Math.floor(c.random() * 3); i >= 0 && list.json.items.length; i--) {
      const detail = await get(c, 'product page', `/api/products/${pick(c, list.json.items).slug}`);
      if (!detail.ok) return false;
      product = detail.json;
    }
    if (product && c.random() < 0.5) {
      const cooperative = await get(c, 'cooperative page', `/api/cooperatives/${product.cooperative.id}`);
      if (!cooperative.ok) return false;
      if (cooperative.json.products.length && c.random() < 0.3) {
        if (!(await get(c, 'product page', `/api/products/${pick(c, cooperative.json.products).slug}`)).ok) return false;
      }
    }
    return true;
  }

  async function search(c) {
    const q = encodeURIComponent(pick(c, SEARCH_TERMS));
    const filters = c.categories?.length && c.random() < 0.2 ? `&category=${pick(c, c.categories).code}&inSeason=true` : '';
    const sort = pick(c, SORTS);
    const found = await get(c, `search (${sort})`, `/api/products?q=${q}&sort=${sort}${filters}`);
    if (!found.ok) return false;
    if (found.json.items.length && c.random() < 0.5) {
      if (!(await get(c, 'product page', `/api/products/${pick(c, found.json.items).slug}`)).ok) return false;
    }
    return true;
  }

  /** Looks at the cart, adds a line, changes its quantity, and takes it out again about half the time. */
  async function cart(c) {
    const view = await get(c, 'cart view', '/api/cart');
    if (!view.ok) return false;
    if (view.json.lines.length > 3 && !(await removeLines(c, view.json.lines.slice(0, view.json.lines.length - 3)))) return false;
    const variant = await buyableVariant(c);
    if (!variant) return false;
    const added = await api.call('cart add', 'POST', '/api/cart/lines', {
      session: c.session,
      body: { variantId: variant.id, quantity: 1 },
    });
    if (!added.ok) return false;
    const line = added.json.lines.find((l) => l.variantId === variant.id);
    if (!line) return false;
    const quantity = Math.min(added.json.maxLineQuantity, line.quantity + 1 + Math.floor(c.random() * 2));
    const updated = await api.call('cart update', 'PATCH', `/api/cart/lines/${line.id}`, { session: c.session, body: { quantity } });
    if (!updated.ok) return false;
    if (c.random() < 0.5 && !(await removeLines(c, [line]))) return false;
    return true;
  }

  /** Pays an order with the demo provider; one whose payment failed on the network or with a 5xx is paid again in the next checkout journey. */
  async function pay(c, number, totalFen) {
    const paid = await api.call('pay', 'POST', `/api/payments/demo/${number}/pay`, { session: c.session });
    if (!paid.ok) {
      if (paid.status === 0 || paid.status >= 500) c.unpaid.push({ number, totalFen });
      return false;
    }
    if (paid.json.status !== 'PAID' || paid.json.totalFen !== totalFen) {
      tally.problems.push(`paying ${number} answered status ${paid.json.status}, total ${paid.json.totalFen} (checked out at ${totalFen})`);
      return false;
    }
    tally.paid++;
    return true;
  }

  /** Fills the cart, checks out with an Idempotency-Key (now and then sent twice), pays, and looks at the order. */
  async function checkout(c) {
    for (const order of c.unpaid.splice(0)) if (!(await pay(c, order.number, order.totalFen))) return false;
    const view = await get(c, 'cart view', '/api/cart');
    if (!view.ok) return false;
    const stale = view.json.lines.filter((line) => line.problem);
    if (!(await removeLines(c, stale))) return false;
    const kept = view.json.lines.filter((line) => !line.problem).length;
    for (let adds = Math.max(kept >= 3 ? 0 : 1, 1 + Math.floor(c.random() * 3) - kept); adds > 0; adds--) {
      const variant = await buyableVariant(c);
      if (!variant) return false;
      const quantity = 1 + Math.floor(c.random() * 3);
      if (!(await api.call('cart add', 'POST', '/api/cart/lines', { session: c.session, body: { variantId: variant.id, quantity } })).ok) {
        return false;
      }
    }
    const key = `soak-${c.index}-${++c.checkouts}`;
    const body = { address: c.address };
    const headers = { 'idempotency-key': key };
    const placed = await api.call('checkout', 'POST', '/api/checkout', { session: c.session, body, headers });
    if (placed.status !== 201) {
      // Refused (e.g. 409 OUT_OF_STOCK, counted by its code): start again from an empty cart next time.
      const after = await get(c, 'cart view', '/api/cart');
      if (after.ok) await removeLines(c, after.json.lines);
      return false;
    }
    const { number, totalFen } = placed.json;
    tally.placed++;
    if (c.random() < 0.1) {
      // A retry of the same request, as after a lost answer: the same order again, with 200.
      const again = await api.call('checkout (same key)', 'POST', '/api/checkout', { session: c.session, body, headers });
      tally.replays++;
      if (again.ok && (again.status !== 200 || again.json.number !== number)) {
        tally.problems.push(
          `the checkout retried with key ${key} answered ${again.status} with order ${again.json.number}, not 200 with ${number}`,
        );
      }
    }
    if (!(await pay(c, number, totalFen))) return false;
    if (c.random() < 0.5 && !(await get(c, 'order page', `/api/orders/${number}`)).ok) return false;
    if (c.random() < 0.2 && !(await get(c, 'order list', '/api/orders?limit=20')).ok) return false;
    return true;
  }

  /** The officials' dashboard: the verification status, headline figures, yearly and monthly series, breakdowns, filters, now and then a CSV. */
  async function dashboard(c) {
    const ask = (step, path) => api.call(step, 'GET', path, { session: official });
    for (const [step, path] of [
      ['dashboard verification', '/api/impact/verification'],
      ['dashboard summary', '/api/impact/summary'],
    ]) {
      if (!(await ask(step, path)).ok) return false;
    }
    const years = await ask('dashboard series', '/api/impact/series?by=year');
    if (!years.ok) return false;
    const year = years.json.items.at(-1)?.key;
    if (
      year &&
      c.random() < 0.5 &&
      !(await ask('dashboard series', `/api/impact/series?by=month&from=${year}-01-01&to=${year}-12-31`)).ok
    ) {
      return false;
    }
    const by = pick(c, ['township', 'category', 'cooperative']);
    const breakdown = await ask('dashboard breakdown', `/api/impact/breakdown?by=${by}`);
    if (!breakdown.ok) return false;
    const group = breakdown.json.items.length ? pick(c, breakdown.json.items).key : null;
    if (group && by !== 'cooperative' && c.random() < 0.5) {
      const filter = by === 'township' ? `townshipCode=${group}` : `category=${group}`;
      if (!(await ask('dashboard breakdown', `/api/impact/breakdown?by=cooperative&${filter}`)).ok) return false;
      if (year && !(await ask('dashboard summary', `/api/impact/summary?from=${year}-01-01&to=${year}-12-31&${filter}`)).ok) return false;
    }
    if (c.random() < 0.1 && !(await ask('dashboard csv', `/api/impact/export.csv?table=${by}`)).ok) return false;
    return true;
  }

  return { browse, search, cart, checkout, dashboard };
}

/** The figures the officials see for all time, to compare before and after. */
async function dashboardFigures(api, official) {
  const answer = await api.call('dashboard summary', 'GET', '/api/impact/summary', { session: official });
  if (!answer.ok) throw new Error(`GET /api/impact/summary answered ${answer.status} ${answer.code ?? ''}`);
  return answer.json;
}

/**
 * A first start with history digests, checks and settles its days in the jobs; the soak begins once
 * they are done, so that its first minutes are not that catch-up.
 */
async function waitForCatchUp(client) {
  const started = Date.now();
  for (;;) {
    const {
      rows: [state],
    } = await client.query(`
      SELECT EXISTS (SELECT 1 FROM attribution_entry) AS ledger,
             EXISTS (SELECT 1 FROM ledger_verification) AS verified,
             coalesce((SELECT max(day) FROM settled_day) >= ((qh_now() - interval '10 minutes') AT TIME ZONE 'Asia/Shanghai')::date - 1, false) AS settled`);
    if (!state.ledger) return 'no history to digest';
    if (state.verified && state.settled) return `history digested, checked and settled by the jobs in ${seconds(started)}`;
    if (Date.now() - started > 600_000) return 'the jobs had not digested and settled the history after 10 min: going on regardless';
    await sleep(1000);
  }
}

/** Per variant: its stock, and the last inventory movement, so that the check afterwards can tell what the run moved. */
async function stockSnapshot(client) {
  const { rows } = await client.query(`SELECT id, stock FROM product_variant`);
  const {
    rows: [{ last }],
  } = await client.query(`SELECT coalesce(max(id), 0)::bigint AS last FROM inventory_movement`);
  return { stock: new Map(rows.map((row) => [row.id, row.stock])), lastMovement: last };
}

/** Whether the database agrees with what the API answered, and with itself. Answers lines to print and the problems. */
async function checkData(client, { buyerIds, tally, before, figuresBefore, figuresAfter }) {
  const lines = [];
  const problems = [...tally.problems];
  const expect = (what, actual, wanted) => {
    const ok = actual === wanted;
    lines.push(
      `  ${ok ? 'ok ' : 'BAD'}  ${what}: ${typeof actual === 'number' ? number(actual) : actual}${ok ? '' : ` (expected ${typeof wanted === 'number' ? number(wanted) : wanted})`}`,
    );
    if (!ok) problems.push(`${what}: ${actual}, expected ${wanted}`);
  };
  const {
    rows: [o],
  } = await client.query(
    `WITH o AS (SELECT * FROM "order" WHERE buyer_id = ANY($1::uuid[]))
     SELECT (SELECT count(*) FROM o)::int AS orders,
            (SELECT count(*) FROM o WHERE paid_at IS NOT NULL)::int AS paid,
            (SELECT count(*) FROM o WHERE status = 'AWAITING_PAYMENT')::int AS awaiting,
            (SELECT count(*) FROM o WHERE status = 'CANCELLED')::int AS cancelled,
            (SELECT count(*) FROM o WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id))::int AS without_payment,
            (SELECT count(*) FROM o JOIN payment p ON p.order_id = o.id
              WHERE o.paid_at IS NOT NULL AND (p.status <> 'SUCCEEDED' OR p.amount_fen <> o.total_fen))::int AS paid_unmatched,
            (SELECT count(*) FROM o JOIN payment p ON p.order_id = o.id WHERE o.paid_at IS NULL AND p.status = 'SUCCEEDED')::int AS unpaid_succeeded,
            (SELECT count(*) FROM o
              WHERE o.items_fen <> (SELECT coalesce(sum(l.line_total_fen), 0) FROM order_line l WHERE l.order_id = o.id)
                 OR o.items_fen <> (SELECT coalesce(sum(f.items_fen), 0) FROM fulfillment f WHERE f.order_id = o.id)
                 OR o.shipping_fen <> (SELECT coalesce(sum(f.fee_fen), 0) FROM fulfillment f WHERE f.order_id = o.id))::int AS sums_off,
            (SELECT count(*) FROM o JOIN order_line l ON l.order_id = o.id
              WHERE (o.paid_at IS NOT NULL AND l.certified)
                    <> EXISTS (SELECT 1 FROM attribution_entry e WHERE e.order_line_id = l.id AND e.kind = 'SALE'))::int AS ledger_off,
            (SELECT count(*) FROM attribution_entry e JOIN o ON o.id = e.order_id JOIN order_line l ON l.id = e.order_line_id
              WHERE e.kind = 'SALE' AND e.linked_sales_fen <> l.line_total_fen)::int AS ledger_amounts_off,
            (SELECT coalesce(sum(items_fen), 0) FROM o WHERE paid_at IS NOT NULL)::float8 AS paid_items_fen,
            (SELECT coalesce(sum(e.linked_sales_fen), 0) FROM attribution_entry e JOIN o ON o.id = e.order_id)::float8 AS ledger_linked_fen,
            (SELECT count(DISTINCT buyer_id) FROM o WHERE paid_at IS NOT NULL)::int AS paying_buyers,
            (SELECT count(*) FROM notification_outbox n JOIN o ON o.id = n.order_id WHERE n.topic = 'ORDER_PAID')::int AS paid_notices,
            (SELECT count(*) FROM notification_outbox n JOIN o ON o.id = n.order_id WHERE n.topic = 'ORDER_PAID' AND n.sent_at IS NOT NULL)::int AS sent_notices,
            (SELECT coalesce(sum(l.quantity), 0) FROM o JOIN order_line l ON l.order_id = o.id WHERE o.status <> 'CANCELLED')::int AS units_held,
            (SELECT coalesce(-sum(m.delta), 0) FROM inventory_movement m JOIN o ON o.id = m.order_id)::int AS units_moved`,
    [buyerIds],
  );
  expect('orders placed by the soak buyers (POST /api/checkout answered 201)', o.orders, tally.placed);
  expect('orders paid (POST …/pay answered PAID)', o.paid, tally.paid);
  lines.push(`       of them awaiting payment ${o.awaiting}, cancelled ${o.cancelled}`);
  expect('orders without a payment', o.without_payment, 0);
  expect('paid orders whose payment is not SUCCEEDED for the order total', o.paid_unmatched, 0);
  expect('unpaid orders with a SUCCEEDED payment', o.unpaid_succeeded, 0);
  expect('orders whose items or shipping differ from their lines and shipments', o.sums_off, 0);
  expect('certified lines of paid orders without their one SALE entry (or entries of unpaid lines)', o.ledger_off, 0);
  expect('SALE entries whose amount is not the line total', o.ledger_amounts_off, 0);
  expect('ORDER_PAID notifications written (one per paid order)', o.paid_notices, o.paid);
  lines.push(`       of them delivered by the jobs: ${number(o.sent_notices)}`);
  expect('units held by the orders (reserved by the ledger of stock movements)', o.units_moved, o.units_held);

  const {
    rows: [negative],
  } = await client.query(`SELECT count(*)::int AS variants, coalesce(min(stock), 0)::int AS lowest FROM product_variant WHERE stock < 0`);
  expect('variants with negative stock', negative.variants, 0);
  const { rows: moved } = await client.query(
    `SELECT v.id, v.stock, coalesce(sum(m.delta), 0)::int AS moved,
            (SELECT m2.stock_after FROM inventory_movement m2 WHERE m2.variant_id = v.id ORDER BY m2.id DESC LIMIT 1) AS last_after
       FROM product_variant v LEFT JOIN inventory_movement m ON m.variant_id = v.id AND m.id > $1
      GROUP BY v.id`,
    [before.lastMovement],
  );
  const drifted = moved.filter(
    (row) => row.stock - (before.stock.get(row.id) ?? 0) !== row.moved || (row.moved !== 0 && row.last_after !== row.stock),
  );
  expect('variants whose stock change is not the sum of their movements', drifted.length, 0);

  const delta = (field) => figuresAfter[field] - figuresBefore[field];
  expect("dashboard: growth of GMV (fen) = the paid orders' goods", delta('gmvFen'), o.paid_items_fen);
  expect('dashboard: growth of poverty-linked sales (fen) = their SALE entries', delta('linkedSalesFen'), o.ledger_linked_fen);
  expect('dashboard: growth of paid orders', delta('orders'), o.paid);
  expect('dashboard: growth of buyers', delta('buyers'), o.paying_buyers);
  return { lines, problems };
}

/** The figures of the run: per step, per journey, per answer, and the API's memory. */
function printFigures({ stats, soakSeconds, journeyCounts, tally, memoryAtStart, memoryAtEnd, peakRss, collectedAtStart, collectedAtEnd }) {
  const summary = (values) => {
    const sorted = Float64Array.from(values).sort();
    return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const steps = [...stats.steps]
    .map(([step, entry]) => ({ step, notOk: entry.notOk, ...summary(entry.latencies) }))
    .sort((x, y) => y.count - x.count);
  const all = {
    step: 'all',
    notOk: steps.reduce((sum, x) => sum + x.notOk, 0),
    ...summary([...stats.steps.values()].flatMap((entry) => entry.latencies)),
  };
  const stepRows = [...steps, all].map((x) => [
    x.step,
    number(x.count),
    (x.count / soakSeconds).toFixed(1),
    ms(x.p50),
    ms(x.p99),
    number(x.notOk),
  ]);
  for (const line of table(['step', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'not 2xx'], stepRows)) print(line);
  print(`(over ${soakSeconds.toFixed(1)} s of traffic, the finishing journeys included)`);
  print();
  const journeyRows = [...journeyCounts].map(([name, counts]) => [
    name,
    number(counts.started),
    number(counts.completed),
    (counts.completed / (soakSeconds / 60)).toFixed(1),
  ]);
  for (const line of table(['journey', 'started', 'went through', 'per min'], journeyRows)) print(line);
  print('(a journey stops at the first answer it cannot go on from, e.g. a refused checkout)');
  print(
    `checkouts: ${number(tally.placed)} orders placed, ${number(tally.paid)} paid, ${number(tally.replays)} retried with the same Idempotency-Key`,
  );
  print();
  const answerRows = [...stats.answers]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, counted]) => [
      key,
      number(counted.count),
      [...counted.steps]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([step, count]) => `${step} ${number(count)}`)
        .join(', '),
    ]);
  for (const line of table(['answer', 'count', 'from (top steps)'], answerRows)) print(line);
  const conflicts = [...stats.answers].filter(([key]) => key.startsWith('409 '));
  print(
    `409s by code: ${conflicts.length ? conflicts.map(([key, counted]) => `${key.slice(4)} ${number(counted.count)}`).join(', ') : 'none'}; ` +
      `5xx and network failures: ${number(stats.failed)}`,
  );
  for (const failure of stats.failures) print(`  e.g. ${failure}`);
  print();
  const growth = (a, b) => `${mib(a)} → ${mib(b)} MiB (${b - a >= 0 ? '+' : ''}${mib(b - a)})`;
  print(
    `API memory: RSS ${growth(memoryAtStart.rss, memoryAtEnd.rss)}, highest during the soak ${mib(Math.max(peakRss, memoryAtEnd.rss))} MiB ` +
      `(sampled each second; ${mib(memoryAtEnd.peakRss)} MiB since the process started, the demo seed included)`,
  );
  print(
    `            heap used ${growth(memoryAtStart.heapUsed, memoryAtEnd.heapUsed)}, heap total ${mib(memoryAtStart.heapTotal)} → ${mib(memoryAtEnd.heapTotal)} MiB, ` +
      `external ${mib(memoryAtStart.external)} → ${mib(memoryAtEnd.external)} MiB`,
  );
  print(`            heap in use after a full garbage collection, before and after the soak: ${growth(collectedAtStart, collectedAtEnd)}`);
  print();
}

async function main() {
  const started = Date.now();
  print(`bench:soak — ${MINUTES} min of mixed traffic from ${CONCURRENCY} clients against the built app, its jobs on`);
  printMachine();
  buildUnlessSkipped();

  const probe = `--expose-gc --import=data:text/javascript;base64,${Buffer.from(MEMORY_PROBE).toString('base64')}`;
  const { baseUrl, databaseUrl, pid } = await startApi({
    DEMO_HISTORY_ORDERS: String(HISTORY_ORDERS),
    // The soak pays through the demo provider, which production mode offers only when asked for.
    PAYMENTS_PROVIDER: 'demo',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, probe].filter(Boolean).join(' '),
  });
  const apiProcess = running.api;
  const client = await connect(databaseUrl);
  const processSample = createProcessProbe(pid, running.dataDir);
  processSample();

  print(`history: ${number(HISTORY_ORDERS)} orders; ${await waitForCatchUp(client)}`);
  const {
    rows: [restocked],
  } = await client.query(
    `WITH topped AS (UPDATE product_variant SET stock = stock + $1, updated_at = now() WHERE stock > 0 RETURNING id, stock),
          moved AS (INSERT INTO inventory_movement (variant_id, delta, stock_after, reason, note)
                    SELECT id, $1, stock, 'RESTOCK', 'bench:soak' FROM topped RETURNING 1)
     SELECT count(*)::int AS variants FROM moved`,
    [RESTOCK],
  );
  const {
    rows: [catalog],
  } = await client.query(
    `SELECT (SELECT count(*) FROM product WHERE status = 'PUBLISHED')::int AS published, (SELECT count(*) FROM product_variant)::int AS variants,
            current_setting('server_version') AS version`,
  );
  await client.query('VACUUM (ANALYZE)');
  print(
    `shop: the demo data, ${catalog.published} published products with ${catalog.variants} variants; ${restocked.variants} variants in stock ` +
      `restocked by ${number(RESTOCK)} units (the others stay sold out); PostgreSQL ${catalog.version}`,
  );

  const stats = createStats();
  const api = createApi(baseUrl, stats);
  const phase = Date.now();
  const sessions = [];
  for (let i = 0; i < CONCURRENCY; i++) sessions.push(await register(api, i));
  await client.query(`INSERT INTO account (email, password_hash, role, display_name) VALUES ($1, $2, 'official', '压测官员')`, [
    OFFICIAL.email,
    await argon2.hash(OFFICIAL.password, { type: argon2.argon2id }),
  ]);
  const official = await signIn(api, OFFICIAL);
  print(
    `accounts: ${CONCURRENCY} buyers registered through POST /api/auth/register, the official ${OFFICIAL.email} signed in, in ${seconds(phase)}`,
  );
  const figuresBefore = await dashboardFigures(api, official);
  const before = await stockSnapshot(client);
  // Setup requests are not part of the figures.
  stats.steps.clear();
  stats.answers.clear();
  stats.failed = 0;
  stats.takeWindow();

  const tally = { placed: 0, paid: 0, replays: 0, problems: [] };
  const journeys = createJourneys(api, official, tally);
  const journeyCounts = new Map(MIX.map(([name]) => [name, { started: 0, completed: 0 }]));
  const clients = sessions.map((session, index) => {
    const random = prng(20260301 + index);
    return {
      index,
      random,
      session,
      categories: null,
      checkouts: 0,
      unpaid: [],
      address: {
        name: `压测买家 ${index + 1}`,
        mobile: `139${String(10_000_000 + index).slice(-8)}`,
        districtCode: DISTRICTS[index % DISTRICTS.length],
        street: `天河路 ${100 + index} 号`,
      },
    };
  });
  const weights = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const chooseJourney = (c) => {
    let draw = c.random() * weights;
    return MIX.find(([, weight]) => (draw -= weight) < 0)[0];
  };

  // The heap that setup left, after a full collection; then a few idle seconds for the RSS to follow it down.
  const collectedAtStart = await collectedHeap(pid, running.dataDir);
  await sleep(5000);
  const memoryAtStart = processSample();
  print(
    `API memory at the start: RSS ${mib(memoryAtStart.rss)} MiB, heap used ${mib(memoryAtStart.heapUsed)} of ${mib(memoryAtStart.heapTotal)} MiB ` +
      `(${mib(collectedAtStart)} MiB after a full garbage collection); ` +
      `load average (1 min) ${load1()}`,
  );
  print();
  print(
    `soak: ${CONCURRENCY} clients for ${MINUTES} min, a sample every ${SAMPLE_SECONDS} s (each client finishes its journey at the end)`,
  );
  const sampleHeader = ['time', 'req/s', '5xx+net', 'p50 ms', 'p99 ms', 'API CPU', 'event loop', 'RSS MiB', 'heap MiB', 'load 1m'];
  const samples = [];
  const takeSample = (since, windowStart) => {
    const window = stats.takeWindow();
    const proc = processSample();
    const latencies = Float64Array.from(window.latencies).sort();
    const cells = [
      clock(since),
      (window.requests / ((Date.now() - windowStart) / 1000)).toFixed(1),
      number(window.failed),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      proc.cpuShare === undefined ? '–' : `${Math.round(proc.cpuShare * 100)}%`,
      proc.loopShare === undefined ? '–' : `${Math.round(proc.loopShare * 100)}%`,
      mib(proc.rss),
      mib(proc.heapUsed),
      load1(),
    ];
    samples.push(cells);
    print(`  ${sampleHeader.map((h, i) => `${h} ${cells[i]}`).join(' · ')}`);
    return proc;
  };

  let peakRss = memoryAtStart.rss;
  const soakStart = Date.now();
  const deadline = soakStart + MINUTES * 60_000;
  let apiExited = false;
  let sampling = true;
  const sampler = (async () => {
    let windowStart = Date.now();
    while (sampling) {
      await sleep(Math.min(1000, Math.max(0, windowStart + SAMPLE_SECONDS * 1000 - Date.now())));
      if (apiProcess.exitCode !== null || apiProcess.signalCode !== null) apiExited = true;
      peakRss = Math.max(peakRss, residentBytes(pid) ?? 0);
      if (!sampling || Date.now() < windowStart + SAMPLE_SECONDS * 1000) continue;
      takeSample(soakStart, windowStart);
      windowStart = Date.now();
    }
    return windowStart;
  })();
  await Promise.all(
    clients.map(async (c) => {
      for (let n = 0; Date.now() < deadline && !apiExited; n++) {
        const name = n === 0 ? 'browse' : chooseJourney(c);
        const counts = journeyCounts.get(name);
        counts.started++;
        const failedBefore = stats.failed;
        if (await journeys[name](c)) counts.completed++;
        // After a 5xx or a network failure, a breath before the next journey rather than a tight loop of errors.
        else if (stats.failed > failedBefore) await sleep(200);
      }
    }),
  );
  const soakSeconds = (Date.now() - soakStart) / 1000;
  sampling = false;
  const lastWindowStart = await sampler;
  const memoryAtEnd = takeSample(soakStart, lastWindowStart);
  const collectedAtEnd = await collectedHeap(pid, running.dataDir);

  // The figures.
  print();
  for (const line of table(sampleHeader, samples)) print(line);
  print(
    '(each row: the time since the start and the figures of the interval before it; API CPU in % of one core; event loop: ' +
      "the share of the time the API's event loop was busy; memory and load as sampled then)",
  );
  print();
  printFigures({ stats, soakSeconds, journeyCounts, tally, memoryAtStart, memoryAtEnd, peakRss, collectedAtStart, collectedAtEnd });

  // The data afterwards: give the notification job a moment to deliver the last payments' messages.
  await sleep(3000);
  const figuresAfter = await dashboardFigures(api, official);
  const verification = await api.call('dashboard verification', 'GET', '/api/impact/verification', { session: official });
  const { lines, problems } = await checkData(client, {
    buyerIds: sessions.map((session) => session.user.id),
    tally,
    before,
    figuresBefore,
    figuresAfter,
  });
  print('consistency:');
  for (const line of lines) print(line);
  const latest = verification.json?.latest;
  if (latest) {
    print(`  ledger verification (the jobs' last check): ${latest.checkedDays} days, ${latest.mismatchedDays.length} mismatched`);
    if (latest.mismatchedDays.length) problems.push(`the ledger's digests no longer match on ${latest.mismatchedDays.length} days`);
  } else {
    print(
      `  ledger verification: none yet (${verification.ok ? 'no digested days' : `GET /api/impact/verification answered ${verification.status}`})`,
    );
  }

  printApiWarnings();
  print(`load average (1 min) after the run: ${load1()}`);
  print(`total run time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const broken = [...problems];
  if (apiExited) broken.unshift(`the API exited during the soak (${apiProcess.exitCode ?? apiProcess.signalCode})`);
  if (stats.failed) broken.unshift(`${number(stats.failed)} requests failed with 5xx or on the network`);
  if (broken.length) {
    print(`\nBROKEN:\n  ${broken.join('\n  ')}`);
    return 1;
  }
  return 0;
}

await runBench('bench:soak', main);
