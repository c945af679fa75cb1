// `npm run bench:checkout`: completed checkouts per second through the built API, 16 buyers at once
// (each a closed loop over its own cart: add one line per cooperative, check out), beside the
// ceiling: the same SQL work as one raw `pg` transaction per checkout, at the same concurrency, in
// a child process. The two take turns, BENCH_ROUNDS times, so that both see the machine as it is
// then (another tenant's load comes and goes within a minute here). Prints figures; never fails on
// wall time, only when something is broken (build, start, a cart add or checkout that does not
// succeed, orders that do not add up).
//
//   BENCH_ROUNDS           turns of each, alternating (default 3)
//   BENCH_SECONDS          measured seconds per target and round (default 10)
//   BENCH_WARMUP_SECONDS   unmeasured warm-up before each (default 2)
//   BENCH_BUYERS           concurrent buyers, and the ceiling's pool size (default 16)
//   BENCH_SKIP_BUILD=1     use the existing apps/api/dist as it is
//   DATABASE_URL           run against a fresh database on this server instead of an embedded cluster
import { fork } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import {
  ROOT,
  buildUnlessSkipped,
  closedLoops,
  connect,
  finish,
  mean,
  number,
  print,
  postJson,
  printMachine,
  problemOf,
  runBench,
  seconds,
  settingsOf,
  startApi,
  table,
  track,
} from './bench-support.mjs';
import { ADDRESS, BUYER_PASSWORD, prepareShop, roundsOf } from './checkout-data.mjs';

const TARGET_SHARE = 0.5;

const setting = settingsOf('bench:checkout');
const ROUNDS = setting('BENCH_ROUNDS', 3, 1);
const SECONDS = setting('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 2, 0);
const BUYERS = setting('BENCH_BUYERS', 16, 1);

const ms = (value) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1));
const perSecond = (value) => value.toFixed(1);

const agent = new http.Agent({ keepAlive: true, maxSockets: BUYERS });
const post = (baseUrl, path, body, headers) => postJson(agent, `${baseUrl}${path}`, body, headers);

async function signIn(baseUrl, email) {
  const response = await post(baseUrl, '/api/auth/login', { email, password: BUYER_PASSWORD });
  if (response.status !== 200) throw new Error(`${problemOf(`POST /api/auth/login (${email})`, response)}: ${response.body.slice(0, 300)}`);
  return JSON.parse(response.body).accessToken;
}

/** One round through the API: the lines into the cart, then the checkout. */
async function apiRound(baseUrl, token, lines, key) {
  const authorization = `Bearer ${token}`;
  const cartAdd = [];
  for (const { variant, quantity } of lines) {
    const started = performance.now();
    const response = await post(baseUrl, '/api/cart/lines', { variantId: variant.variant_id, quantity }, { authorization });
    cartAdd.push(performance.now() - started);
    if (response.status !== 200) return { problem: problemOf('POST /api/cart/lines', response) };
  }
  const started = performance.now();
  const response = await post(baseUrl, '/api/checkout', { address: ADDRESS }, { authorization, 'idempotency-key': key });
  const checkout = performance.now() - started;
  if (response.status !== 201) return { problem: problemOf('POST /api/checkout', response), response };
  return { timings: { checkout, cartAdd }, response };
}

function runCeiling(message) {
  const child = track(fork(join(ROOT, 'test/load/checkout-ceiling.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ceiling process exited with ${code} before it reported`)));
    child.once('message', ({ result, error }) => (error ? reject(new Error(`the ceiling failed: ${error}`)) : resolve(result)));
    child.send(message);
  });
}

/** What a run left in the database: one order per successful checkout, two fulfillments and two lines each, empty carts. */
async function countOrders(client, keyPrefix, buyerIds) {
  const {
    rows: [row],
  } = await client.query(
    `SELECT count(*)::int AS orders,
            (SELECT count(*)::int FROM fulfillment f JOIN "order" o ON o.id = f.order_id WHERE o.idempotency_key LIKE $1) AS fulfillments,
            (SELECT count(*)::int FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.idempotency_key LIKE $1) AS lines,
            (SELECT count(*)::int FROM payment p JOIN "order" o ON o.id = p.order_id WHERE o.idempotency_key LIKE $1) AS payments,
            (SELECT count(*)::int FROM cart_line l JOIN cart c ON c.id = l.cart_id WHERE c.account_id = ANY($2::uuid[])) AS cart_lines
       FROM "order" WHERE idempotency_key LIKE $1`,
    [`${keyPrefix}%`, buyerIds],
  );
  return row;
}

/**
 * Cancels, as the reservation sweeper would once they expire, the orders of `keyPrefix` left unpaid
 * for over a second, during a turn (the API's or the ceiling's), and, once it stops, the rest of
 * them. The bench's buyers never pay, and every API checkout counts what its buyer holds unpaid:
 * hundreds each would slow each checkout as no real buyer can (MAX_UNPAID_ORDERS, 3 by default,
 * caps them; the bench lifts it to keep checking out). The ceiling's orders are the same buyers':
 * left unpaid, they weighed on every later API turn (a third slower by the third round).
 */
function expiringUnpaid(client, keyPrefix) {
  const cancel = (olderThan) =>
    client.query(
      `UPDATE "order" SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'RESERVATION_EXPIRED'
        WHERE status = 'AWAITING_PAYMENT' AND idempotency_key LIKE $1 AND created_at < now() - $2::interval`,
      [`${keyPrefix}%`, olderThan],
    );
  let running = Promise.resolve();
  const timer = setInterval(() => (running = running.then(() => cancel('1 second'))), 1000);
  return async () => {
    clearInterval(timer);
    await running;
    await cancel('0 seconds');
  };
}

function checkRun(name, result, counts) {
  const problems = Object.entries(result.problems).map(([problem, count]) => `${name}: ${count} × ${problem}`);
  const expected = { orders: result.total, fulfillments: 2 * result.total, lines: 2 * result.total, payments: result.total };
  for (const [what, count] of Object.entries(expected)) {
    if (counts[what] !== count) problems.push(`${name}: ${counts[what]} ${what} in the database for ${result.total} successful checkouts`);
  }
  if (!result.failed && counts.cart_lines) problems.push(`${name}: ${counts.cart_lines} lines left in the carts after the last checkouts`);
  if (!result.completed) problems.push(`${name}: no checkout completed in the measured window`);
  return problems;
}

const line = (name, r) =>
  `  ${name.padEnd(16)} ${perSecond(r.perSecond).padStart(7)} checkouts/s  p50 ${ms(r.timings.checkout?.p50)} ms  ` +
  `p99 ${ms(r.timings.checkout?.p99)} ms  (cart add p50 ${ms(r.timings.cartAdd?.p50)} ms, p99 ${ms(r.timings.cartAdd?.p99)} ms)`;

async function main() {
  const started = Date.now();
  printMachine();
  print(
    `load: ${BUYERS} buyers at once, each a closed loop (add one line per cooperative to its own cart, check out), ` +
      `${ROUNDS} rounds of ${SECONDS} s measured per target after ${WARMUP_SECONDS} s of warm-up, API and ceiling in turn`,
  );
  buildUnlessSkipped();

  // Tokens that outlive any BENCH_SECONDS; no scheduled jobs competing for the database.
  const { baseUrl, databaseUrl } = await startApi({
    JOBS_ENABLED: 'false',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    // Each buyer checks out again and again without paying: the per-buyer caps on unpaid orders would stop it.
    MAX_UNPAID_ORDERS: '1000',
    MAX_RESERVED_UNITS: '1000000',
  });
  const client = await connect(databaseUrl);
  let phase = Date.now();
  const shop = await prepareShop(client, { buyers: BUYERS });
  await client.query('VACUUM (ANALYZE)');
  const {
    rows: [{ version }],
  } = await client.query(`SELECT current_setting('server_version') AS version`);
  print(`shop: ready in ${seconds(phase)}, PostgreSQL ${version}`);
  for (const variants of shop.cooperatives) {
    print(`  ${variants[0].cooperative_name}: ${variants.map((v) => `${v.title_zh} ${v.label_zh}`).join('; ')}`);
  }
  print(
    `  stock ${number(shop.stock)} per variant; ${BUYERS} buyer accounts; each order: 2 lines (1–3 units each), ` +
      `2 fulfillments, delivered to ${ADDRESS.districtCode}`,
  );

  phase = Date.now();
  const tokens = [];
  for (const buyer of shop.buyers) tokens.push(await signIn(baseUrl, buyer.email));
  print(`sign-in: ${BUYERS} buyers through POST /api/auth/login in ${seconds(phase)}`);

  // One checkout outside the benchmark: it must place an order with two fulfillments, or nothing is measured.
  const probe = await apiRound(baseUrl, tokens[0], roundsOf(shop.cooperatives, BUYERS)(), `probe-${Date.now()}`);
  if (probe.problem) throw new Error(`${probe.problem}: ${probe.response?.body.slice(0, 300) ?? ''}`);
  const order = JSON.parse(probe.response.body);
  if (order.fulfillments?.length !== 2 || order.status !== 'AWAITING_PAYMENT') {
    throw new Error(
      `the probe checkout answered ${order.fulfillments?.length} fulfillments in status ${order.status}, expected 2 awaiting payment`,
    );
  }
  print(`probe: POST /api/checkout → 201, order ${order.number}, 2 fulfillments, ${order.totalFen} fen`);
  print();

  const buyerIds = shop.buyers.map((buyer) => buyer.id);
  const run = Date.now().toString(36);
  const apiRounds = shop.buyers.map((_, i) => roundsOf(shop.cooperatives, i));
  const broken = [];
  const turns = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // The rows of the turn before out of the way: no autovacuum of them during this one.
    if (round > 1) await client.query('VACUUM (ANALYZE)');
    const apiKeys = `api-${run}-${round}-`;
    const stopExpiring = expiringUnpaid(client, apiKeys);
    const api = await closedLoops({
      loops: BUYERS,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
      iteration: (loop, n) => apiRound(baseUrl, tokens[loop], apiRounds[loop](), `${apiKeys}${loop}-${n}`),
    });
    await stopExpiring();
    print(line(`API, round ${round}`, api));
    broken.push(...checkRun(`API checkout, round ${round}`, api, await countOrders(client, apiKeys, buyerIds)));

    await client.query('VACUUM (ANALYZE)');
    const ceilingKeys = `ceiling-${run}-${round}-`;
    const stopExpiringCeiling = expiringUnpaid(client, ceilingKeys);
    const ceiling = await runCeiling({
      databaseUrl,
      concurrency: BUYERS,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
      shop,
      keyPrefix: ceilingKeys,
    });
    await stopExpiringCeiling();
    print(line(`ceiling, round ${round}`, ceiling));
    broken.push(...checkRun(`raw SQL ceiling, round ${round}`, ceiling, await countOrders(client, ceilingKeys, buyerIds)));
    turns.push({ api, ceiling });
  }

  print();
  const rows = turns.flatMap(({ api, ceiling }, i) => [
    [`API checkout, round ${i + 1}`, api],
    [`raw SQL ceiling, round ${i + 1}`, ceiling],
  ]);
  const cells = rows.map(([name, r]) => [
    name,
    perSecond(r.perSecond),
    ms(r.timings.checkout?.p50),
    ms(r.timings.checkout?.p99),
    number(r.completed),
    number(r.failed),
  ]);
  for (const text of table(['scenario', 'checkouts/s', 'p50 ms', 'p99 ms', 'ok', 'failed'], cells)) print(text);
  print(`(ok: checkouts completed in the ${SECONDS} s window; failed: any failed cart add or checkout, warm-up included)`);
  print();
  const [apiMean, ceilingMean] = [mean(turns.map((turn) => turn.api.perSecond)), mean(turns.map((turn) => turn.ceiling.perSecond))];
  if (ceilingMean > 0) {
    const share = apiMean / ceilingMean;
    const shares = turns.map(({ api, ceiling }) =>
      ceiling.perSecond > 0 ? `${((api.perSecond / ceiling.perSecond) * 100).toFixed(1)}%` : '–',
    );
    print(`each round: ${shares.join(', ')}`);
    print(
      `API checkout: ${perSecond(apiMean)} vs ${perSecond(ceilingMean)} checkouts/s over ${ROUNDS} rounds, ${(share * 100).toFixed(1)}% of the ceiling — ` +
        `target ≥ ${TARGET_SHARE * 100}%: ${share >= TARGET_SHARE ? 'MET' : 'NOT MET'}`,
    );
  } else {
    print('API checkout: no ratio, as the ceiling completed no checkout');
  }

  return finish(started, broken);
}

await runBench('bench:checkout', main);
