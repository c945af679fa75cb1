import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRootLogger } from './common/logger';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';
import type { EmbeddedCluster } from './database/embedded-postgres';
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
    const database = await openAppDatabase(config, logger);
    cluster = database.cluster;
    const databaseUrl = database.url;
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
