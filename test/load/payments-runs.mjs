// bench:payments's measured part, on any database with history: orders placed through the API, then
// paid on two API processes of one database, one writing the impact ledger and rollups with each
// payment and one not (IMPACT_WRITES=off), in alternating rounds; then the money trail of the
// payments checked in SQL. The bench itself writes the history and prints the table.
import http from 'node:http';
import { cpuBetween, cpuSpent, fromBuild, inBatches, number, percentile, postJson, print, problemOf, seconds } from './bench-support.mjs';
import { ADDRESS, BUYER_PASSWORD, CHEAP_HASH, prepareShop, roundsOf } from './checkout-data.mjs';

/**
 * What both API processes run with: development mode, as the switch is refused in production; no
 * jobs (none expires the orders waiting to be paid); and room for the buyers' many unpaid orders.
 */
export const PAYMENTS_API_ENV = {
  NODE_ENV: 'development',
  JOBS_ENABLED: 'false',
  MAX_UNPAID_ORDERS: '1000',
  MAX_RESERVED_UNITS: '1000000',
};

/**
 * Takes in the pending sums and counts the paid orders waiting to be counted, as the API's job does
 * every minute and a report before it reads: part of what payments with impact writes cost. Answers
 * how many orders it counted.
 */
function catchUp(client) {
  // As rollups.ts reads answers: their rows.
  const sql = { query: async (text, values) => (await client.query(text, values)).rows };
  // The built API's catch-up (rollups.ts), as its job and its reports run it.
  const { catchUpImpact } = fromBuild('impact/rollups.js');
  return catchUpImpact(async (work) => {
    await client.query('BEGIN');
    try {
      const counted = await work(sql);
      await client.query('COMMIT');
      return counted;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** Buyers placing the orders: each holds many unpaid orders at once, which the bench's API processes allow (MAX_UNPAID_ORDERS). */
const BUYERS = 32;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Signs in the shop's buyers through `baseUrl`: their bearer tokens, good on both processes (one DATA_DIR, one secret). */
async function signIn(baseUrl, buyers) {
  const tokens = [];
  for (const buyer of buyers) {
    const response = await postJson(agent, `${baseUrl}/api/auth/login`, { email: buyer.email, password: BUYER_PASSWORD });
    if (response.status !== 200) throw new Error(problemOf('POST /api/auth/login', response));
    tokens.push(JSON.parse(response.body).accessToken);
  }
  return tokens;
}

/**
 * `count` orders placed through POST /api/checkout, two lines from two cooperatives each as in
 * bench:checkout, on each of `baseUrls` in turn (so that each process has warmed up as much as the
 * other): their numbers and their buyers' tokens.
 */
export async function placeOrders(client, baseUrls, count) {
  const shop = await prepareShop(client, { buyers: BUYERS, hashOptions: CHEAP_HASH });
  const tokens = await signIn(baseUrls[0], shop.buyers);
  const rounds = shop.buyers.map((_, i) => roundsOf(shop.cooperatives, i));
  const placed = [];
  const runId = Date.now().toString(36);
  // Four at once: enough to fill the machine, few enough that no buyer places two at a time.
  await inBatches(count, 4, async (i) => {
    const buyer = i % BUYERS;
    const baseUrl = baseUrls[i % baseUrls.length];
    const authorization = `Bearer ${tokens[buyer]}`;
    for (const { variant, quantity } of rounds[buyer]()) {
      const added = await postJson(agent, `${baseUrl}/api/cart/lines`, { variantId: variant.variant_id, quantity }, { authorization });
      if (added.status !== 200) throw new Error(problemOf('POST /api/cart/lines', added));
    }
    const response = await postJson(
      agent,
      `${baseUrl}/api/checkout`,
      { address: ADDRESS },
      { authorization, 'idempotency-key': `pay-${runId}-${String(i).padStart(6, '0')}` },
    );
    if (response.status !== 201) throw new Error(problemOf('POST /api/checkout', response));
    placed[i] = { number: JSON.parse(response.body).number, token: tokens[buyer] };
  });
  return placed;
}

/** Pays `orders` through `baseUrl`, `concurrency` at a time: the time it took and each payment's latency. */
export async function pay(baseUrl, orders, concurrency) {
  const latenciesMs = [];
  const started = performance.now();
  await inBatches(orders.length, concurrency, async (i) => {
    const { number: orderNumber, token } = orders[i];
    const sent = performance.now();
    const response = await postJson(agent, `${baseUrl}/api/payments/demo/${orderNumber}/pay`, {}, { authorization: `Bearer ${token}` });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(problemOf(`POST /api/payments/demo/${orderNumber}/pay`, response));
    latenciesMs.push(performance.now() - sent);
  });
  return { elapsedMs: performance.now() - started, latenciesMs };
}

/**
 * What the ledger and the rollups hold in all: sums and counts that each payment with impact writes
 * raises by its own goods, and one without leaves as they are.
 */
async function trailTotals(client) {
  const {
    rows: [totals],
  } = await client.query(
    `SELECT (SELECT coalesce(sum(gmv_fen), 0) FROM impact_daily) AS "dailyGmvFen",
            (SELECT coalesce(sum(linked_sales_fen), 0) FROM impact_daily) AS "dailyLinkedFen",
            (SELECT coalesce(sum(gmv_fen), 0) FROM impact_monthly) AS "monthlyGmvFen",
            (SELECT coalesce(sum(linked_sales_fen), 0) FROM impact_monthly) AS "monthlyLinkedFen",
            (SELECT coalesce(sum(gmv_fen), 0) FROM impact_buyer_monthly) AS "buyerMonthlyGmvFen",
            (SELECT coalesce(sum(goods_fen), 0) FROM coop_month) AS "coopGoodsFen",
            (SELECT coalesce(sum(orders), 0) FROM impact_reach
              WHERE period = 'all' AND cooperative_id IS NULL AND township_code IS NULL AND category IS NULL) AS "reachOrders"`,
  );
  return Object.fromEntries(Object.entries(totals).map(([name, value]) => [name, Number(value)]));
}

/**
 * The money trail of the payments: every order paid; the ledger's entries of each order paid with
 * impact writes add up to its certified lines, its groups are counted, and the rollups rose by
 * exactly the goods of those orders; the orders paid without have no entries and no groups.
 */
async function checkTrail(client, before, paid) {
  const broken = [];
  const withImpact = paid.filter((order) => order.impact).map((order) => order.number);
  const withoutImpact = paid.filter((order) => !order.impact).map((order) => order.number);
  const {
    rows: [orders],
  } = await client.query(
    `WITH o AS (SELECT id, number = ANY($1::text[]) AS impact, status FROM "order" WHERE number = ANY($1::text[] || $2::text[])),
          lines AS (SELECT o.impact, sum(l.line_total_fen) AS gmv, sum(l.line_total_fen) FILTER (WHERE l.certified) AS linked
                      FROM o JOIN order_line l ON l.order_id = o.id GROUP BY o.impact),
          entries AS (SELECT o.impact, count(DISTINCT e.order_id) AS orders, sum(e.linked_sales_fen) AS linked
                        FROM o JOIN attribution_entry e ON e.order_id = o.id GROUP BY o.impact)
     SELECT (SELECT count(*) FROM o WHERE status = 'PAID')::int AS paid,
            (SELECT count(DISTINCT g.order_id) FROM o JOIN impact_order_group g ON g.order_id = o.id WHERE o.impact)::int AS "countedWith",
            (SELECT count(DISTINCT g.order_id) FROM o JOIN impact_order_group g ON g.order_id = o.id WHERE NOT o.impact)::int AS "countedWithout",
            (SELECT coalesce(gmv, 0) FROM lines WHERE impact)::bigint AS "gmvFen",
            (SELECT coalesce(linked, 0) FROM lines WHERE impact)::bigint AS "linkedFen",
            (SELECT coalesce(linked, 0) FROM entries WHERE impact)::bigint AS "ledgerLinkedFen",
            (SELECT coalesce(sum(orders), 0) FROM entries WHERE NOT impact)::int AS "ledgerWithout"`,
    [withImpact, withoutImpact],
  );
  const [gmvFen, linkedFen] = [Number(orders.gmvFen), Number(orders.linkedFen)];
  if (orders.paid !== paid.length) broken.push(`${orders.paid} of ${paid.length} orders paid`);
  if (orders.countedWith !== withImpact.length)
    broken.push(`${orders.countedWith} of ${withImpact.length} orders paid with impact writes have order groups`);
  if (orders.countedWithout !== 0) broken.push(`${orders.countedWithout} orders paid without impact writes have order groups`);
  if (Number(orders.ledgerLinkedFen) !== linkedFen)
    broken.push(
      `ledger entries of the orders paid with impact writes: ${orders.ledgerLinkedFen} fen linked, their certified lines ${linkedFen}`,
    );
  if (orders.ledgerWithout !== 0) broken.push(`${orders.ledgerWithout} orders paid without impact writes have ledger entries`);
  const after = await trailTotals(client);
  const expected = {
    dailyGmvFen: gmvFen,
    dailyLinkedFen: linkedFen,
    monthlyGmvFen: gmvFen,
    monthlyLinkedFen: linkedFen,
    buyerMonthlyGmvFen: gmvFen,
    coopGoodsFen: gmvFen,
    reachOrders: withImpact.length,
  };
  for (const [name, rise] of Object.entries(expected)) {
    if (after[name] - before[name] !== rise) broken.push(`${name} rose by ${after[name] - before[name]}, expected ${rise}`);
  }
  return broken;
}

/** A checkpoint, where the database lets this client ask for one (a DATABASE_URL server may not). */
async function settle(client) {
  try {
    await client.query('CHECKPOINT');
  } catch {
    // not allowed here: the runs alternate, so whatever the server does weighs on both
  }
}

/** Payments per second over the runs' time together, and the latencies of all their payments. */
function summary(runs) {
  const elapsedMs = runs.reduce((sum, run) => sum + run.elapsedMs, 0);
  const latencies = Float64Array.from(runs.flatMap((run) => run.latenciesMs)).sort();
  // CPU per payment, where every run could read it (runs' `cpu`: the CPU each took in all).
  const perPayment = (key) =>
    runs.every((run) => run.cpu?.[key] != null) ? runs.reduce((sum, run) => sum + run.cpu[key], 0) / latencies.length : null;
  return {
    perSecond: (latencies.length / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpu: { api: perPayment('api'), postgres: perPayment('postgres') },
  };
}

/**
 * Places the orders through both processes (before anything is timed), warms both up, then for
 * each of `concurrencies` pays `payments` orders on each process, in `rounds` alternating rounds so
 * that whatever else the machine does weighs on both alike. Answers, per concurrency, the
 * figures with and without impact writes, and what is broken in the money trail. With `pids` (the
 * processes' ids, `with` and `without`), also the CPU each payment took in its API process and in
 * PostgreSQL: the two processes pay in turn, never at once, so PostgreSQL's time in a run is its own.
 */
export async function measurePayments(client, { withImpact, withoutImpact, pids, payments, rounds, warmup, concurrencies }) {
  let phase = Date.now();
  const perRound = Math.ceil(payments / rounds);
  const needed = 2 * warmup + concurrencies.length * 2 * rounds * perRound;
  const placed = await placeOrders(client, [withImpact, withoutImpact], needed);
  // The checkouts' dead rows (stock, carts) cleared away, and every dirty page written out (the
  // history's too), before anything is timed: a checkpoint still under way would weigh on whichever
  // run it fell in.
  await client.query('VACUUM (ANALYZE)');
  await settle(client);
  print(`orders to pay: ${number(needed)} placed through POST /api/checkout in ${seconds(phase)}`);
  const before = await trailTotals(client);
  const paid = [];
  const take = (count, impact) => {
    const orders = placed.splice(0, count);
    paid.push(...orders.map((order) => ({ ...order, impact })));
    return orders;
  };

  // Each process's first payments parse and plan its statements on each connection they use, and warm
  // its code up: not measured.
  phase = Date.now();
  const warmupConcurrency = Math.max(...concurrencies);
  await pay(withImpact, take(warmup, true), warmupConcurrency);
  await catchUp(client);
  await pay(withoutImpact, take(warmup, false), warmupConcurrency);
  print(`warm-up: ${warmup} payments on each process in ${seconds(phase)}`);

  const figures = [];
  for (const concurrency of concurrencies) {
    const runs = { with: [], without: [] };
    let countingMs = 0;
    for (let round = 0; round < rounds; round++) {
      // Each first in turn: a run leaves the database and the machine a little different for the next.
      for (const impact of round % 2 ? [false, true] : [true, false]) {
        const pid = impact ? pids?.with : pids?.without;
        const cpuBefore = pid ? cpuSpent(pid) : null;
        const run = await pay(impact ? withImpact : withoutImpact, take(perRound, impact), concurrency);
        if (impact) {
          // The sums of the orders just paid taken in, and the orders counted among the orders and buyers, within the run's time.
          const counting = performance.now();
          if ((await catchUp(client)) !== perRound) throw new Error(`not all ${perRound} orders paid were waiting to be counted`);
          const tookMs = performance.now() - counting;
          countingMs += tookMs;
          run.elapsedMs += tookMs;
        }
        run.cpu = pid ? cpuBetween(cpuBefore, cpuSpent(pid)) : null;
        (impact ? runs.with : runs.without).push(run);
      }
    }
    const measured = { concurrency, with: summary(runs.with), without: summary(runs.without) };
    for (const name of ['with', 'without'])
      print(
        `  ${String(concurrency).padStart(2)} at a time, ${name.padEnd(7)} impact writes: ${measured[name].perSecond.toFixed(1).padStart(6)} payments/s` +
          `  p50 ${measured[name].p50.toFixed(1)} ms  p99 ${measured[name].p99.toFixed(1)} ms` +
          (measured[name].cpu.api === null
            ? ''
            : `  CPU per payment: API ${measured[name].cpu.api.toFixed(2)} ms, PostgreSQL ${measured[name].cpu.postgres?.toFixed(2) ?? '–'} ms`),
      );
    print(
      `  ${String(concurrency).padStart(2)} at a time: the catch-up of the sums and counts of the payments with impact writes took ${countingMs.toFixed(0)} ms of their time`,
    );
    figures.push(measured);
  }
  const broken = await checkTrail(client, before, paid);
  const paidWith = paid.filter((order) => order.impact).length;
  print(
    `money trail: ${number(paidWith)} orders paid with impact writes, ${number(paid.length - paidWith)} without; ${broken.length ? 'BROKEN' : 'ledger and rollups agree'}`,
  );
  return { figures, broken };
}
