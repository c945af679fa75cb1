import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { parsePostmasterPid, runningPostmaster } from '../../apps/api/src/database/postmaster';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

/** Settings of the app's environment that would point it away from its own embedded cluster. */
const FOREIGN = [
  'DATABASE_URL',
  'EMBEDDED_PG_PORT',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_PUBLISHABLE_KEY',
  'STRIPE_API_URL',
  'SMTP_URL',
];

/** Polls `probe` until it gives a value (an error counts as none yet), or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One pino line of the app's output, as far as the tests read it. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * The built app as `npm start` runs it, with its own embedded PostgreSQL in a data folder that
 * outlives each process: the next `start()` runs on the same folder, as a restart would.
 */
export class BuiltApp {
  readonly dataDir: string;
  readonly logs: LogLine[] = [];
  baseUrl = '';
  private child: ChildProcess | undefined;

  constructor(private readonly env: Record<string, string>) {
    if (!existsSync(MAIN)) throw new Error('apps/api/dist/main.js is missing: run npm run build first');
    this.dataDir = mkdtempSync(join(tmpdir(), 'qh-crash-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
    chmodSync(this.dataDir, 0o755);
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Starts the app on a free port and waits until its health check says the database is up. */
  async start(): Promise<void> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: this.dataDir };
    for (const name of FOREIGN) delete env[name];
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let rest = '';
    const read = (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ level: 50, msg: line });
        }
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => this.logs.push({ level: code === 0 ? 30 : 60, msg: 'the app exited', code, signal }));
    await until(
      'the app answering /api/health with 200',
      async () => {
        if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${this.tail()}`);
        return (await fetch(`${this.baseUrl}/api/health`)).ok ? true : undefined;
      },
      90_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.tail()}`);
    });
  }

  /** The app dies at once, as with `kill -9`: no shutdown hook runs, so its PostgreSQL is left behind. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the app as Ctrl-C does (it stops its PostgreSQL), and removes the data folder. */
  async dispose(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // A PostgreSQL left by a failed run must not outlive the suite, nor write into the folder being removed.
    const leftover = this.runningPostmaster();
    if (leftover) {
      process.kill(leftover, 'SIGINT');
      const stopped = await until(
        'the left-over PostgreSQL stopping',
        async () => (this.runningPostmaster() ? undefined : true),
        20_000,
      ).catch(() => false);
      if (!stopped && this.runningPostmaster()) process.kill(leftover, 'SIGKILL');
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The pid and port in the cluster's postmaster.pid, while there is one. */
  postmaster(): { pid: number; port?: number } | undefined {
    const file = join(this.dataDir, 'pg', 'postmaster.pid');
    return existsSync(file) ? parsePostmasterPid(readFileSync(file, 'utf8')) : undefined;
  }

  /** The postmaster of this data folder while it runs, as the app itself finds it (a zombie is not running). */
  runningPostmaster(): number | undefined {
    return runningPostmaster(join(this.dataDir, 'pg'))?.pid;
  }

  /** Runs `work` with a connection to the app's database on its current cluster. */
  async sql<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const { EMBEDDED_PG_PASSWORD: password } = JSON.parse(readFileSync(join(this.dataDir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    const port = this.postmaster()?.port;
    if (!port) throw new Error('the embedded PostgreSQL is not running');
    const client = new Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/qianhuo` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** The app's log lines (LOG_LEVEL decides which reach it) whose message matches. */
  logged(pattern: RegExp): LogLine[] {
    return this.logs.filter((line) => pattern.test(line.msg));
  }

  /** The last lines of the app's output at `minLevel` (pino's numbers: 40 warn, 50 error) and above. */
  tail(lines = 30, minLevel = 0): string {
    return this.logs
      .filter((line) => line.level >= minLevel)
      .slice(-lines)
      .map((line) => JSON.stringify(line).slice(0, 400))
      .join('\n');
  }
}
