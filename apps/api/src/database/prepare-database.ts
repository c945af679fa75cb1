import { Client } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { seedDemoData } from './seed/demo-seed';
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

/** Migrates, then seeds reference data and (once, when enabled) the demo data. */
export async function prepareDatabase(
  url: string,
  config: Pick<AppConfig, 'seedDemoData' | 'householdDataKey'>,
  logger: Logger,
): Promise<void> {
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await dataSource.transaction((manager) => seedReferenceData(manager));
    if (config.seedDemoData) {
      const seeded = await dataSource.transaction((manager) => seedDemoData(manager, config.householdDataKey));
      if (seeded) {
        // Autovacuum would get to it in a minute; until then the planner would guess at empty tables.
        await dataSource.query('ANALYZE');
        logger.info(seeded, 'demo data seeded');
      }
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
