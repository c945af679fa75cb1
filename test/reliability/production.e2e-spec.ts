import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/database/seed/demo-seed';
import { createTestDatabase } from '../support/test-database';
import { BuiltApp } from '../support/built-app';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const CREATE_ADMIN = join(ROOT, 'apps/api/dist/auth/create-admin-cli.js');

/** What a production start is given here: a test run's clock and database must not leak into it. */
const PRODUCTION = { NODE_ENV: 'production', TEST_NOW: '', JOBS_ENABLED: 'false', LOG_LEVEL: 'warn' };

/** Runs a built command to its end: its exit code and everything it wrote. */
function run(file: string, args: string[], env: Record<string, string>, input = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(input);
  });
}

const login = (app: BuiltApp, email: string, password: string) =>
  fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('a production start', () => {
  it.each([
    [{}, 'PAYMENTS_PROVIDER'],
    [{ PAYMENTS_PROVIDER: 'stripe' }, 'STRIPE_SECRET_KEY'],
    [{ PAYMENTS_PROVIDER: 'demo', COOKIE_SECURE: 'false' }, 'COOKIE_SECURE'],
    [{ PAYMENTS_PROVIDER: 'demo', TEST_NOW: '2026-12-31T23:30:00+08:00' }, 'TEST_NOW'],
    [{ PAYMENTS_PROVIDER: 'demo', TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
  ])('refuses to start with %p and names %s', async (env, variable) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qh-production-'));
    try {
      const { code, output } = await run(MAIN, [], { ...PRODUCTION, DATA_DIR: dataDir, ...env });
      expect(code).toBe(1);
      expect(output).toContain(`Invalid configuration: ${variable}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('with the demo payment provider asked for, and nothing else', () => {
    const app = new BuiltApp({ ...PRODUCTION, PAYMENTS_PROVIDER: 'demo' });

    beforeAll(() => app.start(), 120_000);
    afterAll(() => app.dispose(), 60_000);

    it('has no demo accounts: the published admin password signs nobody in', async () => {
      expect((await login(app, 'admin@demo.cn', DEMO_PASSWORD)).status).toBe(401);
      expect(await app.sql(async (client) => (await client.query(`SELECT email FROM account`)).rows)).toEqual([]);
    });

    it('tells the shop that payments are a demonstration, so that every page says so', async () => {
      const response = await fetch(`${app.baseUrl}/api/payments/provider`);
      expect(await response.json()).toEqual({ provider: 'demo', demo: true, publishableKey: null });
    });

    it('makes its first admin from the command line, beside the running app, who then signs in over a secure cookie', async () => {
      const env = { ...PRODUCTION, PAYMENTS_PROVIDER: 'demo', DATA_DIR: app.dataDir };
      const short = await run(CREATE_ADMIN, ['--email', 'root@example.cn'], env, 'short\nshort\n');
      expect([short.code, short.output]).toEqual([1, expect.stringContaining('must have 12–128 characters')]);
      const differ = await run(CREATE_ADMIN, ['--email', 'root@example.cn'], env, 'a-long-password-1\na-long-password-2\n');
      expect([differ.code, differ.output]).toEqual([1, expect.stringContaining('differ')]);

      const created = await run(CREATE_ADMIN, ['--email', 'Root@Example.cn'], env, 'a-long-password-1\na-long-password-1\n');
      expect(created).toEqual({ code: 0, output: expect.stringContaining('Created the admin root@example.cn') });
      expect(created.output).not.toContain('a-long-password-1');
      const again = await run(CREATE_ADMIN, ['--email', 'root@example.cn'], env, 'a-long-password-1\na-long-password-1\n');
      expect([again.code, again.output]).toEqual([1, expect.stringContaining('exists already')]);

      const signedIn = await login(app, 'root@example.cn', 'a-long-password-1');
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('set-cookie')).toMatch(/^qh_refresh=[^;]+;.*\bSecure\b/);
      const { accessToken, user } = (await signedIn.json()) as { accessToken: string; user: { role: string } };
      expect(user.role).toBe('admin');
      const audit = await fetch(`${app.baseUrl}/api/admin/audit?entityType=account`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      expect(((await audit.json()) as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(['account.admin_created']);

      // A township official, who sees only its townships' payouts to households.
      const wrongTownship = await run(CREATE_ADMIN, ['--email', 'town@example.cn', '--role', 'official', '--townships', '440106'], env, '');
      expect([wrongTownship.code, wrongTownship.output]).toEqual([2, expect.stringContaining('Nayong township codes')]);
      const township = await run(
        CREATE_ADMIN,
        ['--email', 'town@example.cn', '--role', 'official', '--townships', '520525202'],
        env,
        'a-long-password-2\na-long-password-2\n',
      );
      expect(township).toEqual({ code: 0, output: expect.stringContaining('Created the township official town@example.cn') });
      const official = (await (await login(app, 'town@example.cn', 'a-long-password-2')).json()) as {
        user: { role: string; townships: string[] };
      };
      expect(official.user).toMatchObject({ role: 'official', townships: ['520525202'] });
    });
  });

  describe('with demo data asked for', () => {
    const app = new BuiltApp({ ...PRODUCTION, PAYMENTS_PROVIDER: 'demo', SEED_DEMO_DATA: 'true', DEMO_HISTORY_ORDERS: '0' });

    beforeAll(() => app.start(), 120_000);
    afterAll(() => app.dispose(), 60_000);

    it('gives the demo accounts a generated password, shown once at the first start and never logged', async () => {
      const shown = app.logs.map((line) => /shown only now: (\S+)/.exec(line.msg)?.[1]).filter(Boolean);
      expect(shown).toHaveLength(1);
      const password = shown[0]!;
      expect(password).not.toBe(DEMO_PASSWORD);
      expect(app.logs.filter((line) => JSON.stringify(line).includes(password))).toHaveLength(1);

      expect((await login(app, 'admin@demo.cn', DEMO_PASSWORD)).status).toBe(401);
      for (const { email } of DEMO_ACCOUNTS) expect((await login(app, email, password)).status).toBe(200);

      await app.kill();
      const before = app.logs.length;
      await app.start();
      expect(app.logs.slice(before).some((line) => /shown only now/.test(line.msg))).toBe(false);
      expect((await login(app, 'admin@demo.cn', password)).status).toBe(200);
    });
  });

  it('disables the demo accounts of a database first started in development, when production asked for no demo data', async () => {
    const database = await createTestDatabase();
    const logger = pino({ level: 'silent' });
    const config = { demoHistoryOrders: 0, householdDataKey: Buffer.alloc(32, 7), clockOffsetMs: 0 };
    try {
      await prepareDatabase(database.url, { ...config, nodeEnv: 'development', seedDemoData: true }, logger);
      const prepared = await prepareDatabase(database.url, { ...config, nodeEnv: 'production', seedDemoData: false }, logger);
      expect(prepared).toEqual({});
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT email, disabled_at IS NOT NULL AS disabled FROM account ORDER BY email`);
        expect(rows).toEqual(DEMO_ACCOUNTS.map((a) => ({ email: a.email, disabled: true })).sort((a, b) => a.email.localeCompare(b.email)));
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
