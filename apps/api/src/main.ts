import 'reflect-metadata';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRootLogger } from './common/logger';
import { ConfigError, embeddedPgPassword, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';
import { EmbeddedCluster, startEmbeddedPostgres } from './database/embedded-postgres';
import { ensureDatabase, prepareDatabase } from './database/prepare-database';

const APP_DATABASE = 'qianhuo';

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

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      cluster = await startEmbeddedPostgres({
        dir: join(config.dataDir, 'pg'),
        port: config.embeddedPgPort,
        password: embeddedPgPassword(config.dataDir),
        logger,
      });
      databaseUrl = await ensureDatabase(cluster.url, APP_DATABASE);
    }
    await prepareDatabase(databaseUrl, config, logger);
    app = await createApp(config, databaseUrl, logger);
    await app.listen({ port: config.port, host: config.host });
    logger.info({ url: `http://localhost:${config.port}` }, 'serving 黔货入粤');
  } catch (error) {
    logger.fatal({ err: error }, 'start failed');
    await app?.close().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
