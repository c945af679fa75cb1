import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createRootLogger } from '../common/logger';
import { Clock } from '../config/clock';
import { runCommand } from '../config/command';
import { loadConfig } from '../config/config';
import type { EmbeddedCluster } from '../database/embedded-postgres';
import { openAppDatabase, prepareDatabase } from '../database/prepare-database';
import { AuditService } from '../audit/audit.service';
import { createDataSource } from '../database/data-source';
import { AuthRepository } from './auth.repository';
import { hashPassword } from './password';
import { townshipByCode } from '@qh/domain';

const USAGE =
  'usage: npm run admin:create -- --email admin@example.cn [--name 平台管理员] [--role admin|official] [--townships 520525202,520525101]';
const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Asks for a line without showing what is typed (on a terminal); from a pipe, reads the next line,
 * so that scripts can give the password on standard input.
 */
function ask(lines: AsyncIterator<string>, question: string): Promise<string> {
  if (!process.stdin.isTTY) return lines.next().then((line) => (line.done ? '' : line.value));
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          return reject(new Error('cancelled'));
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * `npm run admin:create -- --email …`: the first admin of a production install (which has no demo
 * accounts), or another one; with `--role official`, an official of the pairing offices, and with
 * `--townships`, a township official (or village cadre) who sees and acknowledges only those townships' payouts. Prompts twice for the password, which never appears on the screen, in
 * the shell's history or in the log. Uses the app's database (DATABASE_URL, or the embedded one in
 * DATA_DIR, also while `npm start` runs on it), migrated first.
 */
async function main(): Promise<number> {
  let args: { email?: string; name?: string; role?: string; townships?: string };
  try {
    args = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, townships: { type: 'string' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const email = args.email?.trim().toLowerCase() ?? '';
  if (!EMAIL.test(email) || email.length > 254) {
    process.stderr.write(`--email must be an email address\n${USAGE}\n`);
    return 2;
  }
  const role = args.role ?? 'admin';
  if (role !== 'admin' && role !== 'official') {
    process.stderr.write(`--role must be admin or official\n${USAGE}\n`);
    return 2;
  }
  const townships = args.townships?.split(',').map((code) => code.trim()) ?? null;
  if (townships && (role !== 'official' || !townships.length || townships.some((code) => !townshipByCode(code)))) {
    process.stderr.write(`--townships takes Nayong township codes (see regions.json), for --role official only\n${USAGE}\n`);
    return 2;
  }
  const name = args.name?.trim() || (role === 'admin' ? '平台管理员' : townships ? '乡镇帮扶干部' : '东西部协作办');
  // Its own log level: the operator wants the prompts, not the migrations' chatter.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const password = await ask(lines, `Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 128) {
    process.stderr.write(`The password must have ${MIN_PASSWORD_LENGTH}–128 characters; nothing was created.\n`);
    return 1;
  }
  if ((await ask(lines, 'The same password again: ')) !== password) {
    process.stderr.write('The passwords differ; nothing was created.\n');
    return 1;
  }

  const logger = createRootLogger(config);
  let cluster: EmbeddedCluster | undefined;
  try {
    const database = await openAppDatabase(config, logger, { shareRunning: true });
    cluster = database.cluster;
    await prepareDatabase(database.url, { ...config, seedDemoData: false }, logger);
    // The writers the app itself uses for accounts and the audit log, outside Nest.
    const dataSource = createDataSource(database.url, new Clock(config.clockOffsetMs), 1);
    await dataSource.initialize();
    try {
      const account = await new AuthRepository(dataSource).createAccount({
        email,
        passwordHash: await hashPassword(password),
        role,
        displayName: name,
        townships,
      });
      if (!account) {
        process.stderr.write(`An account with the email ${email} exists already; nothing was changed.\n`);
        return 1;
      }
      await new AuditService(dataSource).record({
        actor: null,
        action: role === 'admin' ? 'account.admin_created' : 'account.official_created',
        entityType: 'account',
        entityId: account.id,
        after: { role, townships, via: 'admin:create' },
      });
    } finally {
      await dataSource.destroy();
    }
    process.stdout.write(`Created the ${townships ? 'township official' : role} ${email}: sign in at /login.\n`);
    return 0;
  } finally {
    await cluster?.stop().catch(() => undefined);
  }
}

runCommand('admin:create', main);
