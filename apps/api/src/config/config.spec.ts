import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  const made: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-config-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('starts on port 3000 with the embedded database and generated secrets when nothing is set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtAccessSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.householdDataKey).toHaveLength(32);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('keeps the generated secrets across starts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.jwtAccessSecret).toBe(first.jwtAccessSecret);
    expect(second.householdDataKey.equals(first.householdDataKey)).toBe(true);
  });

  it('prefers secrets given in the environment and never writes them to disk', () => {
    const dir = dataDir();
    const secret = 'x'.repeat(40);
    expect(loadConfig({ DATA_DIR: dir, JWT_ACCESS_SECRET: secret }).jwtAccessSecret).toBe(secret);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(secret);
  });

  it('holds 10 connections to PostgreSQL unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).databasePoolSize).toBe(10);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_POOL_SIZE: '6' }).databasePoolSize).toBe(6);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/x'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['HOUSEHOLD_DATA_KEY', 'c2hvcnQ='],
    ['JWT_ACCESS_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['COOKIE_SECURE', 'maybe'],
    ['CORS_ORIGIN', 'https://shop.example.cn/path'],
  ])('stops with a message naming %s when it is %p', (variable, value) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  const stripeKeys = {
    STRIPE_SECRET_KEY: 'sk_test_abc123',
    STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
  };

  it('uses Stripe only when all three of its keys are set, with card, Alipay and WeChat Pay by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).stripe).toBeUndefined();
    const { stripe } = loadConfig({ DATA_DIR: dataDir(), ...stripeKeys, STRIPE_API_URL: 'http://127.0.0.1:12111' });
    expect(stripe).toMatchObject({ secretKey: 'sk_test_abc123', paymentMethods: ['card', 'alipay', 'wechat_pay'] });
    expect(stripe?.apiUrl?.port).toBe('12111');
    expect(() => loadConfig({ DATA_DIR: dataDir(), STRIPE_SECRET_KEY: 'sk_test_abc123' })).toThrow(/STRIPE_WEBHOOK_SECRET must be set too/);
  });

  it.each([
    ['STRIPE_SECRET_KEY', 'pk_test_wrongkind'],
    ['STRIPE_WEBHOOK_SECRET', 'secret'],
    ['STRIPE_PAYMENT_METHODS', 'card,paypal'],
    ['STRIPE_API_URL', 'nowhere'],
  ])('stops with a message naming %s when it is %p and never repeats the key', (variable, value) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), ...stripeKeys, [variable]: value });
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
    expect(attempt).toThrow(expect.objectContaining({ message: expect.not.stringContaining('wrongkind') }));
  });

  it('never repeats a secret in its error message', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), JWT_ACCESS_SECRET: 'tiny-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('tiny-secret') }),
    );
  });

  describe('in production', () => {
    const production = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', ...env });

    it('has no demo data, secure cookies and no demo payments unless asked for', () => {
      expect(() => production()).toThrow(/^Invalid configuration: PAYMENTS_PROVIDER must be chosen in production/);
      expect(production(stripeKeys)).toMatchObject({ seedDemoData: false, cookieSecure: true, paymentsProvider: 'stripe' });
      expect(production({ PAYMENTS_PROVIDER: 'demo', SEED_DEMO_DATA: 'true' })).toMatchObject({
        seedDemoData: true,
        paymentsProvider: 'demo',
      });
    });

    it.each([
      [{ COOKIE_SECURE: 'false', ...stripeKeys }, 'COOKIE_SECURE'],
      [{ PAYMENTS_PROVIDER: 'stripe' }, 'STRIPE_SECRET_KEY'],
      [{ PAYMENTS_PROVIDER: 'demo', ...stripeKeys }, 'PAYMENTS_PROVIDER'],
      [{ TEST_NOW: '2026-12-31T23:30:00+08:00', ...stripeKeys }, 'TEST_NOW'],
      [{ IMPACT_WRITES: 'off', ...stripeKeys }, 'IMPACT_WRITES'],
    ])('refuses the unsafe %p, naming %s', (env, variable) => {
      expect(() => production(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
    });
  });

  it('keeps development as it was: demo data and the demo payment provider, plain cookies', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ seedDemoData: true, paymentsProvider: 'demo', cookieSecure: false });
  });

  it('writes the ledger with every payment unless a measurement outside production turns it off', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).impactWrites).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), IMPACT_WRITES: 'off' }).impactWrites).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dataDir(), IMPACT_WRITES: 'no' })).toThrow(/^Invalid configuration: IMPACT_WRITES /);
  });

  it('reads TEST_NOW in test mode only, as a moment with its zone', () => {
    const before = Date.now();
    const { clockOffsetMs } = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test', TEST_NOW: '2027-04-01T00:30:00+08:00' });
    expect(Math.abs(before + clockOffsetMs - Date.parse('2027-03-31T16:30:00Z'))).toBeLessThan(5_000);
    expect(loadConfig({ DATA_DIR: dataDir() }).clockOffsetMs).toBe(0);
    for (const bad of ['2027-04-01', '2027-04-01T00:30:00', 'tomorrow']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test', TEST_NOW: bad })).toThrow(/^Invalid configuration: TEST_NOW /);
    }
    expect(() => loadConfig({ DATA_DIR: dataDir(), TEST_NOW: '2027-04-01T00:30:00+08:00' })).toThrow(
      /TEST_NOW is only read when NODE_ENV=test/,
    );
  });

  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['127.0.0.1, 10.0.0.0/8,::1', ['127.0.0.1', '10.0.0.0/8', '::1']],
  ])('trusts the proxies TRUST_PROXY=%p names', (value, trusted) => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value }).trustProxy).toEqual(trusted);
  });

  it.each(['everyone', '10.0.0.0/33', '300.1.1.1', '11'])('refuses TRUST_PROXY=%p', (value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY /);
  });
});
