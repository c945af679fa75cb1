// `npm run bench:flash`: a flash sale. BENCH_BUYERS buyers, signed in and each with one unit of the
// same variant in the cart before anything is measured, check out at the same moment through two
// API processes on one database, for BENCH_STOCK units. Beside it, the ceiling: the same race as raw
// SQL conditional updates of the variant's stock (flash-ceiling.mjs), on as many connections as
// both API pools hold. Prints figures; never fails on wall time, only when something is broken:
// more sold than the stock, fewer sold than could be, any answer other than an order or
// OUT_OF_STOCK, or orders and stock that do not add up.
//
//   BENCH_BUYERS       buyers in the race (default 1000)
//   BENCH_STOCK        units of the hot variant (default 300)
//   BENCH_SKIP_BUILD=1 use the existing apps/api/dist as it is
//   DATABASE_URL       run against a fresh database on this server instead of an embedded cluster
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  apiPoolSize,
  buildUnlessSkipped,
  inBatches,
  codeOf,
  connect,
  cpuBetween,
  cpuSpent,
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
  track,
} from './bench-support.mjs';
import { ADDRESS, BUYER_PASSWORD, CHEAP_HASH, prepareShop } from './checkout-data.mjs';

const TARGET_RATIO = 2;
const API_PROCESSES = 2;
/** Sign-ins and cart adds before the race, this many at a time (argon2 makes a sign-in cost CPU). */
const PREPARE_CONCURRENCY = 8;

const setting = settingsOf('bench:flash');
const BUYERS = setting('BENCH_BUYERS', 1000, 1);
const STOCK = setting('BENCH_STOCK', 300, 1);

// Every request of the race on a connection of its own, open before the start.
const agents = Array.from({ length: API_PROCESSES }, () => new http.Agent({ keepAlive: true, maxSockets: Infinity }));

function runCeiling(message) {
  const child = track(fork(join(ROOT, 'test/load/flash-ceiling.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ceiling process exited with ${code} before it reported`)));
    child.once('message', ({ result, error }) => (error ? reject(new Error(`the ceiling failed: ${error}`)) : resolve(result)));
    child.send(message);
  });
}

const ms = (value) => value.toFixed(0);

async function main() {
  const started = Date.now();
  printMachine();
  print(`bench:flash — ${number(BUYERS)} buyers, ${number(STOCK)} units of one variant, ${API_PROCESSES} API processes`);
  buildUnlessSkipped();

  const first = await startApi();
  const second = await startAnotherApi();
  const baseUrls = [first.baseUrl, second.baseUrl];
  const client = await connect(first.databaseUrl);

  let phase = Date.now();
  const shop = await prepareShop(client, { buyers: BUYERS, hashOptions: CHEAP_HASH });
  const hot = shop.cooperatives[0][0];
  print(`shop: ${BUYERS} buyer accounts in ${seconds(phase)}; the hot variant: ${hot.title_zh} ${hot.label_zh} (${hot.price_fen} fen)`);

  // Buyer i goes through API process i mod 2, from sign-in to checkout.
  const via = (i) => i % API_PROCESSES;
  const post = (i, path, body, headers) => postJson(agents[via(i)], `${baseUrls[via(i)]}${path}`, body, headers);
  phase = Date.now();
  const tokens = new Array(BUYERS);
  await inBatches(BUYERS, PREPARE_CONCURRENCY, async (i) => {
    const signedIn = await post(i, '/api/auth/login', { email: shop.buyers[i].email, password: BUYER_PASSWORD });
    if (signedIn.status !== 200) throw new Error(problemOf(`POST /api/auth/login (${shop.buyers[i].email})`, signedIn));
    tokens[i] = JSON.parse(signedIn.body).accessToken;
    const added = await post(i, '/api/cart/lines', { variantId: hot.variant_id, quantity: 1 }, { authorization: `Bearer ${tokens[i]}` });
    if (added.status !== 200) throw new Error(problemOf('POST /api/cart/lines', added));
  });
  print(`prepared: ${BUYERS} buyers signed in through POST /api/auth/login, one unit each in the cart, in ${seconds(phase)}`);

  // The stock is set last, so that nothing before the race (the sign-ins, the cart) sees it.
  await client.query(`UPDATE product_variant SET stock = $2 WHERE id = $1`, [hot.variant_id, STOCK]);
  await client.query('VACUUM (ANALYZE) product_variant');
  const raceFrom = (await client.query(`SELECT now() AS at`)).rows[0].at;

  // The race: every checkout sent at once.
  const cpuBefore = cpuSpent([first.pid, second.pid]);
  const raceStarted = performance.now();
  const answers = await Promise.all(
    tokens.map(async (token, i) => {
      try {
        const response = await post(
          i,
          '/api/checkout',
          { address: ADDRESS },
          { authorization: `Bearer ${token}`, 'idempotency-key': `flash-${String(i).padStart(6, '0')}` },
        );
        return { status: response.status, code: codeOf(response), ms: performance.now() - raceStarted };
      } catch (error) {
        return { status: 0, code: error.code ?? error.message, ms: performance.now() - raceStarted };
      }
    }),
  );
  const apiElapsedMs = performance.now() - raceStarted;
  const raceCpu = cpuBetween(cpuBefore, cpuSpent([first.pid, second.pid]));
  const apiLatencies = Float64Array.from(answers.map((a) => a.ms)).sort();
  const sold = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 409 && a.code === 'OUT_OF_STOCK').length;
  const others = answers.filter((a) => a.status !== 201 && !(a.status === 409 && a.code === 'OUT_OF_STOCK'));
  const otherKinds = new Map();
  for (const a of others) otherKinds.set(`${a.status} ${a.code}`, (otherKinds.get(`${a.status} ${a.code}`) ?? 0) + 1);

  // What the database says about the race.
  const {
    rows: [stored],
  } = await client.query(
    `SELECT (SELECT stock FROM product_variant WHERE id = $1) AS stock,
            (SELECT count(DISTINCT o.id)::int FROM "order" o JOIN order_line l ON l.order_id = o.id
              WHERE l.variant_id = $1 AND o.idempotency_key LIKE 'flash-%' AND o.created_at >= $2) AS orders,
            (SELECT coalesce(sum(l.quantity), 0)::int FROM "order" o JOIN order_line l ON l.order_id = o.id
              WHERE l.variant_id = $1 AND o.idempotency_key LIKE 'flash-%' AND o.created_at >= $2) AS units`,
    [hot.variant_id, raceFrom],
  );

  // The ceiling: the same race as conditional updates, on the stock reset.
  await client.query(`UPDATE product_variant SET stock = $2 WHERE id = $1`, [hot.variant_id, STOCK]);
  const ceiling = await runCeiling({
    databaseUrl: first.databaseUrl,
    variantId: hot.variant_id,
    buyers: BUYERS,
    poolSize: apiPoolSize() * API_PROCESSES,
  });

  const expectedSold = Math.min(BUYERS, STOCK);
  print();
  const header = ['race', 'sold', 'OUT_OF_STOCK', 'other errors', 'all answered ms', 'p50 ms', 'p99 ms'];
  for (const line of table(header, [
    [
      'API, 2 processes',
      number(sold),
      number(refused),
      number(others.length),
      ms(apiElapsedMs),
      ms(percentile(apiLatencies, 50)),
      ms(percentile(apiLatencies, 99)),
    ],
    ['raw SQL ceiling', number(ceiling.sold), number(ceiling.refused), '0', ms(ceiling.elapsedMs), ms(ceiling.p50), ms(ceiling.p99)],
  ]))
    print(line);
  print();
  if (otherKinds.size) print(`other answers: ${[...otherKinds].map(([kind, count]) => `${count} × ${kind}`).join(', ')}`);
  print(`database after the race: stock ${stored.stock}, ${stored.orders} orders of ${stored.units} units of the hot variant`);
  if (raceCpu) {
    // Whether the race waited on the CPU or on something else (a lock): the share of the machine's cores it used.
    const busyMs = raceCpu.api + (raceCpu.postgres ?? 0) + raceCpu.bench;
    print(
      `CPU during the API's race: API processes ${ms(raceCpu.api)} ms, PostgreSQL ${raceCpu.postgres === null ? '–' : ms(raceCpu.postgres)} ms, ` +
        `this process ${ms(raceCpu.bench)} ms: ${((busyMs / (apiElapsedMs * os.cpus().length)) * 100).toFixed(0)}% of ${os.cpus().length} cores`,
    );
  }
  const ratio = apiElapsedMs / ceiling.elapsedMs;
  print(
    `all answered: API ${ms(apiElapsedMs)} ms, raw SQL ${ms(ceiling.elapsedMs)} ms: ${ratio.toFixed(1)}× — target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
  );

  const broken = [];
  if (sold > STOCK) broken.push(`oversold: ${sold} orders for ${STOCK} units`);
  if (sold !== expectedSold) broken.push(`sold ${sold}, expected exactly ${expectedSold}`);
  if (others.length) broken.push(`${others.length} answers other than an order or OUT_OF_STOCK`);
  if (stored.orders !== sold || stored.units !== sold || stored.stock !== STOCK - sold) {
    broken.push(`the database does not add up: stock ${stored.stock}, ${stored.orders} orders, ${stored.units} units for ${sold} sold`);
  }
  if (ceiling.sold !== expectedSold) broken.push(`the ceiling sold ${ceiling.sold}, expected ${expectedSold}`);
  return finish(started, broken);
}

await runBench('bench:flash', main);
