// `npm run bench:payments`: demo payments per second through the built API, one at a time and 8 at
// once, on a database with BENCH_ORDERS orders of history, beside the same payments with the impact
// writes (the attribution ledger and its rollups) switched off in a second API process
// (IMPACT_WRITES=off, which a production start refuses; so both processes run NODE_ENV=development).
// The orders are placed through the API before anything is measured; each measured run pays orders
// of its own. Prints figures; never fails on wall time, only when something is broken: a payment that
// does not succeed, or ledger entries that are missing where they belong, or present where not.
//
//   BENCH_ORDERS         orders of history written first (default 1000000)
//   BENCH_PAYMENTS       payments per measured run (default 300; four runs)
//   BENCH_SKIP_BUILD=1   use the existing apps/api/dist as it is
//   DATABASE_URL         run against a fresh database on this server instead of an embedded cluster
import http from 'node:http';
import {
  buildUnlessSkipped,
  inBatches,
  connect,
  finish,
  number,
  percentile,
  postJson,
  print,
  printMachine,
  problemOf,
  runBench,
  seconds,
  settingsOf,
  startAnotherApi,
  startApi,
  table,
  writeHistory,
} from './bench-support.mjs';
import { ADDRESS, BUYER_PASSWORD, CHEAP_HASH, prepareShop, roundsOf } from './checkout-data.mjs';

const TARGET_SHARE = 0.75;
const CONCURRENT = 8;
/** Buyers placing the orders; each holds many unpaid orders at once, which the bench's API processes allow. */
const BUYERS = 32;

const setting = settingsOf('bench:payments');
const ORDERS = setting('BENCH_ORDERS', 1_000_000, 0);
const PAYMENTS = setting('BENCH_PAYMENTS', 300, 1);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Pays `orders` through `baseUrl`, `concurrency` at a time: payments per second and latencies. */
async function pay(baseUrl, orders, concurrency) {
  const latencies = [];
  const started = performance.now();
  await inBatches(orders.length, concurrency, async (i) => {
    const { number: orderNumber, token } = orders[i];
    const sent = performance.now();
    const response = await postJson(agent, `${baseUrl}/api/payments/demo/${orderNumber}/pay`, {}, { authorization: `Bearer ${token}` });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(problemOf(`POST /api/payments/demo/${orderNumber}/pay`, response));
    latencies.push(performance.now() - sent);
  });
  const elapsedMs = performance.now() - started;
  const sorted = Float64Array.from(latencies).sort();
  return { perSecond: (orders.length / elapsedMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function main() {
  const started = Date.now();
  printMachine();
  print(`bench:payments — demo payments over ${number(ORDERS)} orders of history, ${number(PAYMENTS)} payments per run`);
  buildUnlessSkipped();

  // Development mode for both processes: the switch is refused in production. No jobs while the history is written.
  const common = { NODE_ENV: 'development', JOBS_ENABLED: 'false', MAX_UNPAID_ORDERS: '1000', MAX_RESERVED_UNITS: '1000000' };
  const withImpact = await startApi(common);
  const client = await connect(withImpact.databaseUrl);
  let phase = Date.now();
  await writeHistory(withImpact.databaseUrl, { orders: ORDERS });
  await client.query('VACUUM (ANALYZE)');
  const {
    rows: [history],
  } = await client.query(`SELECT count(*)::int AS orders FROM "order"`);
  print(`history: ${number(history.orders)} orders in the database, written in ${seconds(phase)}`);
  const withoutImpact = await startAnotherApi({ IMPACT_WRITES: 'off' });

  phase = Date.now();
  const shop = await prepareShop(client, { buyers: BUYERS, hashOptions: CHEAP_HASH });
  const tokens = [];
  for (const buyer of shop.buyers) {
    const response = await postJson(agent, `${withImpact.baseUrl}/api/auth/login`, { email: buyer.email, password: BUYER_PASSWORD });
    if (response.status !== 200) throw new Error(problemOf('POST /api/auth/login', response));
    tokens.push(JSON.parse(response.body).accessToken);
  }
  // Four runs' orders, placed through the API: two lines from two cooperatives each, as in bench:checkout.
  const runs = ['one at a time, with', 'one at a time, without', `${CONCURRENT} at once, with`, `${CONCURRENT} at once, without`];
  const rounds = shop.buyers.map((_, i) => roundsOf(shop.cooperatives, i));
  const placed = [];
  const runId = Date.now().toString(36);
  await inBatches(runs.length * PAYMENTS, CONCURRENT, async (i) => {
    const buyer = i % BUYERS;
    const authorization = `Bearer ${tokens[buyer]}`;
    for (const { variant, quantity } of rounds[buyer]()) {
      const added = await postJson(
        agent,
        `${withImpact.baseUrl}/api/cart/lines`,
        { variantId: variant.variant_id, quantity },
        { authorization },
      );
      if (added.status !== 200) throw new Error(problemOf('POST /api/cart/lines', added));
    }
    const response = await postJson(
      agent,
      `${withImpact.baseUrl}/api/checkout`,
      { address: ADDRESS },
      { authorization, 'idempotency-key': `pay-${runId}-${String(i).padStart(6, '0')}` },
    );
    if (response.status !== 201) throw new Error(problemOf('POST /api/checkout', response));
    placed[i] = { number: JSON.parse(response.body).number, token: tokens[buyer] };
  });
  await client.query('VACUUM (ANALYZE)');
  print(`orders to pay: ${number(placed.length)} placed through POST /api/checkout in ${seconds(phase)}`);
  print();

  const results = [];
  for (const [r, name] of runs.entries()) {
    const orders = placed.slice(r * PAYMENTS, (r + 1) * PAYMENTS);
    const impact = name.endsWith('with');
    const result = await pay((impact ? withImpact : withoutImpact).baseUrl, orders, r < 2 ? 1 : CONCURRENT);
    print(
      `  ${name.padEnd(24)} impact writes: ${result.perSecond.toFixed(1).padStart(6)} payments/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`,
    );
    results.push({ name, impact, orders, ...result });
  }

  // Every payment succeeded; the ledger has entries for the orders paid with impact writes, none for the others.
  const broken = [];
  for (const run of results) {
    const numbers = run.orders.map((o) => o.number);
    const {
      rows: [counted],
    } = await client.query(
      `SELECT count(*) FILTER (WHERE o.status = 'PAID')::int AS paid,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attribution_entry e WHERE e.order_id = o.id))::int AS in_ledger,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM impact_order_group g WHERE g.order_id = o.id))::int AS counted
         FROM "order" o WHERE o.number = ANY($1::text[])`,
      [numbers],
    );
    if (counted.paid !== numbers.length) broken.push(`${run.name}: ${counted.paid} of ${numbers.length} orders paid`);
    const expected = run.impact ? numbers.length : 0;
    if (counted.counted !== expected)
      broken.push(`${run.name} impact writes: ${counted.counted} orders in the rollups, expected ${expected}`);
    if (run.impact && counted.in_ledger === 0) broken.push(`${run.name} impact writes: no ledger entries`);
    if (!run.impact && counted.in_ledger !== 0)
      broken.push(`${run.name} impact writes: ${counted.in_ledger} orders in the ledger, expected none`);
  }

  print();
  const header = ['payments', 'with /s', 'p50 ms', 'p99 ms', 'without /s', 'p50 ms', 'p99 ms', 'ratio', `target ≥ ${TARGET_SHARE * 100}%`];
  const cells = [0, 2].map((r) => {
    const [on, off] = [results[r], results[r + 1]];
    const share = on.perSecond / off.perSecond;
    return [
      r === 0 ? 'one at a time' : `${CONCURRENT} at once`,
      on.perSecond.toFixed(1),
      on.p50.toFixed(1),
      on.p99.toFixed(1),
      off.perSecond.toFixed(1),
      off.p50.toFixed(1),
      off.p99.toFixed(1),
      `${(share * 100).toFixed(1)}%`,
      share >= TARGET_SHARE ? 'MET' : 'NOT MET',
    ];
  });
  print(`with and without the impact writes, at ${number(history.orders)} orders in the database:`);
  for (const line of table(header, cells)) print(line);
  return finish(started, broken);
}

await runBench('bench:payments', main);
