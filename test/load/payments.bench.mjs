// `npm run bench:payments`: demo payments per second through the built API, one at a time and 8 at
// once, on a database with BENCH_ORDERS orders of history, beside the same payments with the impact
// writes (the attribution ledger and the cooperatives' entries, and the rollups' sums and counts of
// the orders paid, which the API takes in in batches after them: here after each run, within its time)
// switched off in a second API process on the same database (IMPACT_WRITES=off, which a production
// start refuses; so both processes run NODE_ENV=development). The orders are placed through both
// processes in turn before anything is timed (so that neither is warmer than the other); the two
// pay in alternating rounds.
// Prints figures; never fails on wall time, only when something is broken: a payment that does not
// succeed, or a money trail that does not add up (ledger entries and order groups where they belong
// and nowhere else, rollups risen by exactly the goods paid with impact writes).
//
//   BENCH_ORDERS           orders of history written first (default 1000000)
//   BENCH_PAYMENTS         payments measured per process and concurrency (default 400)
//   BENCH_ROUNDS           alternating rounds they are paid in (default 4)
//   BENCH_WARMUP_PAYMENTS  payments on each process before the measured ones (default 40)
//   BENCH_SKIP_BUILD=1     use the existing apps/api/dist as it is
//   DATABASE_URL           run against a fresh database on this server instead of an embedded cluster
import {
  buildUnlessSkipped,
  connect,
  finish,
  number,
  print,
  printMachine,
  runBench,
  seconds,
  settingsOf,
  startAnotherApi,
  startApi,
  table,
  writeHistory,
} from './bench-support.mjs';
import { measurePayments, PAYMENTS_API_ENV } from './payments-runs.mjs';

const TARGET_SHARE = 0.75;
const CONCURRENCIES = [1, 8];

const setting = settingsOf('bench:payments');
const ORDERS = setting('BENCH_ORDERS', 1_000_000, 0);
const PAYMENTS = setting('BENCH_PAYMENTS', 400, 1);
const ROUNDS = setting('BENCH_ROUNDS', 4, 1);
const WARMUP = setting('BENCH_WARMUP_PAYMENTS', 40, 0);

async function main() {
  const started = Date.now();
  printMachine();
  print(`bench:payments — demo payments over ${number(ORDERS)} orders of history, ${number(PAYMENTS)} per process and concurrency`);
  buildUnlessSkipped();

  const withImpact = await startApi(PAYMENTS_API_ENV);
  const client = await connect(withImpact.databaseUrl);
  const phase = Date.now();
  await writeHistory(withImpact.databaseUrl, { orders: ORDERS });
  await client.query('VACUUM (ANALYZE)');
  const {
    rows: [history],
  } = await client.query(`SELECT count(*)::int AS orders FROM "order"`);
  print(`history: ${number(history.orders)} orders in the database, written in ${seconds(phase)}`);
  const withoutImpact = await startAnotherApi({ IMPACT_WRITES: 'off' });

  const { figures, broken } = await measurePayments(client, {
    withImpact: withImpact.baseUrl,
    withoutImpact: withoutImpact.baseUrl,
    pids: { with: withImpact.pid, without: withoutImpact.pid },
    payments: PAYMENTS,
    rounds: ROUNDS,
    warmup: WARMUP,
    concurrencies: CONCURRENCIES,
  });

  print();
  const header = ['payments', 'with /s', 'p50 ms', 'p99 ms', 'without /s', 'p50 ms', 'p99 ms', 'ratio', `target ≥ ${TARGET_SHARE * 100}%`];
  const cells = figures.map(({ concurrency, with: on, without: off }) => {
    const share = on.perSecond / off.perSecond;
    return [
      concurrency === 1 ? 'one at a time' : `${concurrency} at once`,
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
