import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { addDays } from '@qh/domain';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { PinoNestLogger, createRootLogger } from '../../common/logger';
import { Clock } from '../../config/clock';
import { runCommand } from '../../config/command';
import { loadConfig } from '../../config/config';
import { LedgerDigestService } from '../../impact/ledger-digest.service';
import { createDataSource } from '../data-source';
import type { EmbeddedCluster } from '../embedded-postgres';
import { openAppDatabase, prepareDatabase } from '../prepare-database';
import { generateHistory, settleHistory } from './history';
import { generatePayoutHistory } from './payout-history';

const USAGE = 'usage: npm run seed:history -- --orders N [--organisations N] [--seed S] [--from 2016-09-01]';

/**
 * `npm run seed:history -- --orders N`: the app's database (DATABASE_URL, or the embedded one in
 * DATA_DIR: stop `npm start` first) gets N orders of history up to yesterday, then its digests and
 * settlements, then the money trail that followed them (transfers to the cooperatives, payouts to
 * the households, acknowledgements; cash receipts under DATA_DIR/receipts). Only on a database whose
 * ledger has never been digested or settled: those run in day order and would never go back to the
 * history's days.
 */
async function main(): Promise<number> {
  let args: { orders?: string; organisations?: string; seed?: string; from?: string };
  try {
    args = parseArgs({
      options: { orders: { type: 'string' }, organisations: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const orders = Number(args.orders ?? '100000');
  const organisations = Number(args.organisations ?? '0');
  const seed = Number(args.seed ?? '2016');
  const firstDay = args.from ?? '2016-09-01';
  if (
    !Number.isSafeInteger(orders) ||
    orders < 1 ||
    orders > 20_000_000 ||
    !Number.isSafeInteger(organisations) ||
    organisations < 0 ||
    organisations > 100_000 ||
    !Number.isSafeInteger(seed) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(firstDay)
  ) {
    process.stderr.write(`--orders must be 1–20,000,000, --organisations 0–100,000, --seed an integer, --from a date\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createRootLogger(config);
  Logger.overrideLogger(new PinoNestLogger(logger));
  let cluster: EmbeddedCluster | undefined;
  try {
    const database = await openAppDatabase(config, logger);
    cluster = database.cluster;
    const databaseUrl = database.url;
    // The history asked for, and no other: not the demo history a first start writes.
    await prepareDatabase(databaseUrl, { ...config, demoHistoryOrders: 0 }, logger);
    const clock = new Clock(config.clockOffsetMs);
    const connected = new Client({ connectionString: databaseUrl, ...clock.pgOptions() });
    await connected.connect();
    const [{ rows: digested }, { rows: settled }] = await Promise.all([
      connected.query(`SELECT 1 FROM ledger_digest LIMIT 1`),
      connected.query(`SELECT 1 FROM settled_day LIMIT 1`),
    ]);
    if (digested.length || settled.length) {
      process.stderr.write('This database has digested or settled days already: generate history on a fresh one (see README).\n');
      await connected.end();
      return 1;
    }
    const lastDay = addDays(clock.today(), -1);
    const started = Date.now();
    let reported = 0;
    const result = await generateHistory(connected, {
      orders,
      organisations,
      seed,
      firstDay,
      lastDay,
      onProgress: (done) => {
        if (done - reported >= 100_000 || done === orders) {
          reported = done;
          process.stdout.write(`  ${done.toLocaleString('en-US')} orders written (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
        }
      },
    });
    process.stdout.write(
      `history: ${result.orders.toLocaleString('en-US')} orders, ${result.lines.toLocaleString('en-US')} lines, ${result.buyers.toLocaleString('en-US')} buyers, ${result.refunded.toLocaleString('en-US')} refunded, ${firstDay} … ${lastDay} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    await connected.query('ANALYZE');
    await connected.end();

    const dataSource = createDataSource(databaseUrl, clock, 4);
    await dataSource.initialize();
    try {
      const digestStarted = Date.now();
      const days = await new LedgerDigestService(dataSource).digestThrough(lastDay);
      process.stdout.write(`digests: ${days} days in ${((Date.now() - digestStarted) / 1000).toFixed(0)} s\n`);
    } finally {
      await dataSource.destroy();
    }

    const trail = new Client({ connectionString: databaseUrl, ...clock.pgOptions() });
    await trail.connect();
    try {
      // All days at once, as the demo start does: the daily job, day by day, would take an hour over a million orders.
      const settleStarted = Date.now();
      const runs = await settleHistory(trail, lastDay);
      process.stdout.write(`settlements: ${runs} cooperative-days in ${((Date.now() - settleStarted) / 1000).toFixed(0)} s\n`);
      const payoutsStarted = Date.now();
      const payouts = await generatePayoutHistory(trail, { seed, lastDay, receiptsDir: join(config.dataDir, 'receipts') });
      process.stdout.write(
        `payouts: ${payouts.coopPayouts.toLocaleString('en-US')} to cooperatives, ${payouts.householdPayouts.toLocaleString('en-US')} to households, ${payouts.acknowledgements.toLocaleString('en-US')} acknowledged in ${((Date.now() - payoutsStarted) / 1000).toFixed(1)} s\n`,
      );
      await trail.query('ANALYZE');
    } finally {
      await trail.end();
    }
    return 0;
  } finally {
    await cluster?.stop().catch(() => undefined);
  }
}

runCommand('seed:history', main);
