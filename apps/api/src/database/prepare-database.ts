import { join } from 'node:path';
import { addDays } from '@qh/domain';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { Clock } from '../config/clock';
import { embeddedPgPassword, type AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres';
import { runningPostmaster } from './postmaster';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, generateDemoPassword, retireDemoPassword, seedDemoData } from './seed/demo-seed';
import { generateHistory, settleHistory } from './seed/history';
import { generatePayoutHistory } from './seed/payout-history';
import { seedReferenceData } from './seed/reference-seed';

/** Any fixed number: serialises migrations and seeding across API processes starting together. */
const PREPARE_LOCK_KEY = 5_205_254_401;

/** Creates `name` on the server of `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database the app lives in on the embedded cluster. */
const APP_DATABASE = 'qianhuo';

/**
 * The app's database: DATABASE_URL, or the embedded cluster in DATA_DIR, started here (the caller
 * stops `cluster` when done).
 */
export async function openAppDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  logger: Logger,
  options: { shareRunning?: boolean } = {},
): Promise<{ url: string; cluster?: EmbeddedCluster }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const dir = join(config.dataDir, 'pg');
  // A command beside a running app (admin:create) uses the app's cluster rather than starting its own.
  const running = options.shareRunning ? runningPostmaster(dir) : undefined;
  if (running?.port) {
    const password = encodeURIComponent(embeddedPgPassword(config.dataDir));
    return { url: `postgres://postgres:${password}@127.0.0.1:${running.port}/${APP_DATABASE}` };
  }
  const cluster = await startEmbeddedPostgres({
    dir,
    port: config.embeddedPgPort,
    password: embeddedPgPassword(config.dataDir),
    logger,
  });
  return { url: await ensureDatabase(cluster.url, APP_DATABASE), cluster };
}

/** What a start must tell its operator once, and nowhere else (not in the log). */
export interface PreparedDatabase {
  /** The generated password of the demo accounts, when a production start just gave them one. */
  demoPassword?: { password: string; emails: string[] };
}

/**
 * Migrates, then seeds reference data and (once, when enabled) the demo data with some years of
 * history. In production the demo accounts never keep the published password: seeded with a
 * generated one, and those found with the published one get it too, or are disabled when no demo
 * data was asked for.
 */
export async function prepareDatabase(
  url: string,
  config: Pick<AppConfig, 'nodeEnv' | 'seedDemoData' | 'demoHistoryOrders' | 'householdDataKey' | 'clockOffsetMs'> &
    Partial<Pick<AppConfig, 'dataDir'>>,
  logger: Logger,
): Promise<PreparedDatabase> {
  const production = config.nodeEnv === 'production';
  const password = production && config.seedDemoData ? generateDemoPassword() : DEMO_PASSWORD;
  const prepared: PreparedDatabase = {};
  const clock = new Clock(config.clockOffsetMs);
  const dataSource = createDataSource(url, clock, 2);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await dataSource.transaction((manager) => seedReferenceData(manager));
    if (config.seedDemoData) {
      const seeded = await dataSource.transaction((manager) => seedDemoData(manager, config.householdDataKey, clock.now(), password));
      if (seeded && production) prepared.demoPassword = { password, emails: DEMO_ACCOUNTS.map((a) => a.email) };
      if (seeded) {
        const history = config.demoHistoryOrders > 0 ? await seedDemoHistory(url, config.demoHistoryOrders, clock, config.dataDir) : null;
        // Autovacuum would get to it in a minute; until then the planner would guess at empty tables.
        await dataSource.query('ANALYZE');
        logger.info({ ...seeded, history }, 'demo data seeded');
      }
    }
    if (production) {
      const retired = await dataSource.transaction((manager) => retireDemoPassword(manager, config.seedDemoData ? password : null));
      if (retired.length && config.seedDemoData) prepared.demoPassword = { password, emails: retired };
      if (retired.length && !config.seedDemoData) {
        logger.warn(
          { accounts: retired.length },
          'demo accounts that had the published password were disabled (production, no demo data asked for)',
        );
      }
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
  return prepared;
}

/**
 * Paid orders from September 2016 up to yesterday, written as `seed:history` writes them, settled
 * through yesterday (all at once: the daily job would take minutes over ten years of days), and the
 * money trail that followed: transfers to the cooperatives, payouts to the households and their
 * acknowledgements (cash receipts under DATA_DIR/receipts when the app has one). The jobs digest
 * those days once the app is up.
 */
async function seedDemoHistory(url: string, orders: number, clock: Clock, dataDir: string | undefined) {
  const client = new Client({ connectionString: url, ...clock.pgOptions() });
  await client.connect();
  try {
    const lastDay = addDays(clock.today(), -1);
    const history = await generateHistory(client, { orders, seed: 2016, firstDay: '2016-09-01', lastDay });
    const settlements = await settleHistory(client, lastDay);
    const payouts = await generatePayoutHistory(client, {
      seed: 2016,
      lastDay,
      receiptsDir: dataDir === undefined ? undefined : join(dataDir, 'receipts'),
    });
    return { ...history, settlements, ...payouts };
  } finally {
    await client.end();
  }
}
