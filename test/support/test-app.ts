import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { Clock } from '../../apps/api/src/config/clock';
import { AppConfig, clockOffsetMs, loadConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import type { FastifyInstance } from 'fastify';
import { holdsFullIdNumber } from './id-numbers';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * Every answer of the app under test is scanned for full resident ID numbers: the registry must
 * only ever send them masked. A test file's `close()` fails when any answer held one.
 */
export function scanForIdNumbers(fastify: FastifyInstance): { found: string[] } {
  const found: string[] = [];
  fastify.addHook('onSend', async (request, _reply, payload) => {
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    // Only the route is kept: the number itself must not reach the test log either.
    if (holdsFullIdNumber(text)) found.push(`${request.method} ${request.url.split('?')[0]}`);
    return payload;
  });
  return { found };
}

/** The clock of this test run, for tests that prepare a database without `startTestApp`. */
export function testClock(): Clock {
  return new Clock(clockOffsetMs({ TEST_NOW: process.env.TEST_NOW }, 'test'));
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The app's clock: TEST_NOW's moment (npm test runs the suites on chosen days), or real time. */
  clock: Clock;
  /** http://127.0.0.1:port of the listening app, for supertest. */
  url: string;
  database: TestDatabase;
  /** A direct client on the test database, for arranging data and checking what was stored. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * Another API process's worth of application on the same database as `t`, for tests that prove
 * nothing depends on a single process. Closing it leaves the database to `t`.
 */
export async function startSecondApp(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  const app = await createApp(t.config, t.database.url, pino({ level: process.env.QH_TEST_LOG ?? 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The real application on a fresh database (optionally with the demo data), listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}, options: { demoData?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'qh-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    // Suites that want history write their own, with the figures they check.
    DEMO_HISTORY_ORDERS: '0',
    STOREFRONT_DIR: join(dataDir, 'no-storefront'),
    // Tests arrange data straight in the database, past the writes that clear the cache; the cache has its own tests.
    CATALOG_CACHE_SECONDS: '0',
    // Suites call the jobs' services themselves, at the moment they choose.
    JOBS_ENABLED: 'false',
    // npm test runs these suites on chosen days (scripts/test.mjs); the app and the test read one clock.
    ...(process.env.TEST_NOW ? { TEST_NOW: process.env.TEST_NOW } : {}),
    ...env,
  });
  const clock = new Clock(config.clockOffsetMs);
  if (options.demoData) await prepareDatabase(database.url, { ...config, seedDemoData: true }, pino({ level: 'silent' }));
  // QH_TEST_LOG=error shows the app's own log when a test needs explaining.
  const app = await createApp(config, database.url, pino({ level: process.env.QH_TEST_LOG ?? 'silent' }));
  const idNumbers = scanForIdNumbers(app.getHttpAdapter().getInstance());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new Client({ connectionString: database.url, ...clock.pgOptions() });
  // Tests that cut the database off must not crash the run through this helper's connection.
  client.on('error', () => undefined);
  await client.connect();
  let queries: Promise<unknown> = Promise.resolve();
  return {
    app,
    config,
    clock,
    url: `http://127.0.0.1:${port}`,
    database,
    sql(text, values) {
      // One query at a time on the one client, in the order asked, even when a test asks for several at
      // once (Promise.all): pg queues them itself today, but warns that pg 9 will not.
      const answer = queries.then(() => client.query(text, values));
      queries = answer.catch(() => undefined);
      return answer.then((result) => result.rows);
    },
    async close() {
      await client.end();
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
      if (idNumbers.found.length) throw new Error(`Full resident ID numbers were sent by: ${[...new Set(idNumbers.found)].join(', ')}`);
    },
  };
}
