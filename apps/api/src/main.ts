import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isDatabaseUnavailable } from './common/database-errors';
import { createRootLogger } from './common/logger';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';
import type { EmbeddedCluster } from './database/embedded-postgres';
import { EmbeddedPostgresError } from './database/postmaster';
import { openAppDatabase, prepareDatabase } from './database/prepare-database';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createRootLogger(config);
  if (!config.impactWrites) logger.warn('IMPACT_WRITES=off: payments write no ledger entries and no rollups; for measuring them only');
  let cluster: EmbeddedCluster | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // The app first, so its pool closes before its database goes away.
    await app?.close().catch((error) => logger.error({ err: error }, 'closing the app failed'));
    await cluster?.stop().catch((error) => logger.error({ err: error }, 'stopping PostgreSQL failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // pg-boss 10 neither awaits nor catches a finished job's complete/fail call: while the database is
  // away that rejection would end the process. The job runs again later; anything else still ends it.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ problem: reason instanceof Error ? reason.message : String(reason) }, 'database unavailable to background work');
      return;
    }
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  try {
    const database = await openAppDatabase(config, logger);
    cluster = database.cluster;
    // A cluster the app started itself is started again if it dies, except while the app is shutting down.
    cluster?.keepAlive(() => !stopping);
    const databaseUrl = database.url;
    const prepared = await prepareDatabase(databaseUrl, config, logger);
    // Said once, to the operator's terminal, never to the log that others read.
    if (prepared.demoPassword) {
      const { password, emails } = prepared.demoPassword;
      process.stderr.write(`\nDemo accounts (${emails.join(', ')}) sign in with this password, shown only now: ${password}\n\n`);
    }
    app = await createApp(config, databaseUrl, logger);
    await app.listen({ port: config.port, host: config.host });
    logger.info({ url: `http://localhost:${config.port}` }, 'serving 黔货入粤');
  } catch (error) {
    logger.fatal({ err: error }, 'start failed');
    // Something a person has to fix: said once more in plain words, like a configuration error.
    if (error instanceof EmbeddedPostgresError) process.stderr.write(`${error.message}\n`);
    await app?.close().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
