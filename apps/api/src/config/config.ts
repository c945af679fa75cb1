import { DEFAULT_CLAIM_WINDOW_HOURS, isAcceptedDateTime, isProductCategory, type ProductCategory } from '@qh/domain';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';

/** The one place that reads process.env: everything else receives this typed, validated object. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Absolute path; holds the embedded cluster (`pg/`), generated secrets and uploads. */
  dataDir: string;
  /** When set, the app uses this server and starts no embedded PostgreSQL. */
  databaseUrl?: string;
  /** Port for the embedded cluster; 0 picks a free one at each start. */
  embeddedPgPort: number;
  /** Connections to PostgreSQL this process may hold at once; requests beyond wait for one. */
  databasePoolSize: number;
  jwtAccessSecret: string;
  /** Keys the HMAC under which refresh tokens are stored, so a database dump alone cannot mint sessions. */
  jwtRefreshSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** 32-byte AES-256-GCM key for household names and ID numbers. */
  householdDataKey: Buffer;
  /** Failed sign-ins per email within the window before 429, and per caller's address. */
  loginMaxFailures: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  /** Registrations per caller's address within their window before 429. */
  registerMaxPerIp: number;
  registerWindowSeconds: number;
  /** Which proxies' X-Forwarded-For names the caller: none (false), all (true), a hop count, or addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** What one buyer may hold unpaid at once: orders, and units of stock they reserve. */
  maxUnpaidOrders: number;
  maxReservedUnits: number;
  cookieSecure: boolean;
  corsOrigin?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemoData: boolean;
  /** Orders of history (since 2016) written with the demo data, so that the officials' dashboard has years to show. */
  demoHistoryOrders: number;
  /** How long this process reuses a public catalog answer; writes through this process clear it at once. 0 turns it off. */
  catalogCacheSeconds: number;
  /** How long an unpaid order holds its stock. */
  orderReservationMinutes: number;
  /** Days after shipping that an organisation's part nobody accepted (验收) is accepted in full. */
  acceptanceDays: number;
  /** Days after which a payout to a household nobody acknowledged is flagged overdue. */
  payoutAckDays: number;
  /** Hours after delivery a buyer may open an after-sales claim, by category. */
  claimWindowHours: Record<ProductCategory, number>;
  /** Run the scheduled jobs (reservation expiry, auto-completion) in this process. */
  jobsEnabled: boolean;
  /**
   * Whether a payment writes the attribution ledger and its rollups. Only `npm run bench:payments`
   * turns it off, to measure what they cost; never in production, where it would break the money trail.
   */
  impactWrites: boolean;
  /** Added to the real time by the one clock (`Clock`): 0 unless a test set TEST_NOW. */
  clockOffsetMs: number;
  /** Built storefront served at `/`; absent in API-only runs. */
  storefrontDir: string;
  /** Stripe when its three keys are set; the demo provider (no money moves) otherwise, but in production only when asked for. */
  paymentsProvider: 'stripe' | 'demo';
  /** Set exactly when `paymentsProvider` is stripe. */
  stripe?: StripeConfig;
  /** Notifications go out by SMTP when set; otherwise they are written to the log (without addresses). */
  smtp?: { url: string; from: string };
}

export const STRIPE_PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const;
export type StripePaymentMethod = (typeof STRIPE_PAYMENT_METHODS)[number];

/**
 * Connections to PostgreSQL per API process: node-postgres's own default. Connections beyond what the
 * server's cores can run only wait inside PostgreSQL, and the waiting costs its CPU: with 20 per
 * process (two processes on 2 cores), a flash sale took longer and checkouts ran slower than with 10
 * (`npm run bench:flash`, `npm run bench:checkout`).
 */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  publishableKey: string;
  /** Stripe's own API unless set (a local emulator in tests). */
  apiUrl?: URL;
  paymentMethods: StripePaymentMethod[];
  timeoutMs: number;
  /** The SDK's retries of a failed request, each with the same idempotency key. */
  maxNetworkRetries: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return Number(raw);
}

/** CLAIM_WINDOW_HOURS: `EGG=24,TEA=240`, each category's hours to claim after delivery; the others keep their defaults. */
function claimWindowHours(env: Env): Record<ProductCategory, number> {
  const hours = { ...DEFAULT_CLAIM_WINDOW_HOURS };
  const raw = env.CLAIM_WINDOW_HOURS?.trim();
  if (!raw) return hours;
  for (const entry of raw.split(',')) {
    const match = /^\s*([A-Z]+)\s*=\s*(\d{1,4})\s*$/.exec(entry);
    if (!match || !isProductCategory(match[1]) || Number(match[2]) < 1 || Number(match[2]) > 2160) {
      throw new ConfigError('CLAIM_WINDOW_HOURS', `must be CATEGORY=hours pairs such as EGG=48,TEA=168 (1 to 2160 hours; got "${raw}")`);
    }
    hours[match[1]] = Number(match[2]);
  }
  return hours;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a URL like postgres://user:password@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must use postgres:// or postgresql:// (got "${url.protocol}")`);
  }
  return raw;
}

function secret(env: Env, name: string, stored: Record<string, string>, minLength: number): string {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (raw.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
    return raw;
  }
  return stored[name];
}

function householdKey(env: Env, stored: Record<string, string>): Buffer {
  const raw = env.HOUSEHOLD_DATA_KEY || stored.HOUSEHOLD_DATA_KEY;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('HOUSEHOLD_DATA_KEY', 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  return key;
}

/**
 * Secrets that were not given are generated once into DATA_DIR/secrets.json (mode 0600), so a
 * restart keeps sessions valid and household data readable.
 */
function storedSecrets(dataDir: string): Record<string, string> {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const generated = {
    JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('base64url'),
    HOUSEHOLD_DATA_KEY: randomBytes(32).toString('base64'),
    EMBEDDED_PG_PASSWORD: randomBytes(18).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  return generated;
}

export function embeddedPgPassword(dataDir: string): string {
  return storedSecrets(dataDir).EMBEDDED_PG_PASSWORD;
}

function stripeConfig(env: Env): StripeConfig | undefined {
  const keys = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY'] as const;
  const given = keys.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  const missing = keys.filter((name) => !env[name]);
  if (missing.length) throw new ConfigError(missing[0], `must be set too: Stripe needs ${keys.join(', ')}`);
  const prefixes: Record<(typeof keys)[number], RegExp> = {
    STRIPE_SECRET_KEY: /^(sk|rk)_(test|live)_\w+$/,
    STRIPE_WEBHOOK_SECRET: /^whsec_\w+$/,
    STRIPE_PUBLISHABLE_KEY: /^pk_(test|live)_\w+$/,
  };
  for (const name of keys) {
    if (!prefixes[name].test(env[name]!)) throw new ConfigError(name, `does not look like a Stripe key (${prefixes[name].source})`);
  }
  let apiUrl: URL | undefined;
  if (env.STRIPE_API_URL) {
    try {
      apiUrl = new URL(env.STRIPE_API_URL);
    } catch {
      throw new ConfigError('STRIPE_API_URL', `must be a URL like http://127.0.0.1:12111 (got "${env.STRIPE_API_URL}")`);
    }
  }
  const methods = (env.STRIPE_PAYMENT_METHODS || STRIPE_PAYMENT_METHODS.join(',')).split(',').map((m) => m.trim());
  const unknown = methods.find((m) => !(STRIPE_PAYMENT_METHODS as readonly string[]).includes(m));
  if (unknown !== undefined)
    throw new ConfigError('STRIPE_PAYMENT_METHODS', `must list some of ${STRIPE_PAYMENT_METHODS.join(', ')} (got "${unknown}")`);
  return {
    secretKey: env.STRIPE_SECRET_KEY!,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY!,
    apiUrl,
    paymentMethods: [...new Set(methods)] as StripePaymentMethod[],
    timeoutMs: integer(env, 'STRIPE_TIMEOUT_MS', 20_000, 100, 120_000),
    maxNetworkRetries: integer(env, 'STRIPE_MAX_NETWORK_RETRIES', 2, 0, 5),
  };
}

/** TEST_NOW sets the clock of a test run to a chosen moment (it then runs on from there); never read outside tests. */
export function clockOffsetMs(env: Env, nodeEnv: AppConfig['nodeEnv']): number {
  const raw = env.TEST_NOW;
  if (raw === undefined || raw === '') return 0;
  if (nodeEnv !== 'test') throw new ConfigError('TEST_NOW', 'is only read when NODE_ENV=test: unset it');
  if (!isAcceptedDateTime(raw))
    throw new ConfigError('TEST_NOW', `must be a date-time with its zone like 2026-12-31T23:30:00+08:00 (got "${raw}")`);
  return Date.parse(raw) - Date.now();
}

/**
 * Which provider takes payments. Stripe whenever its keys are set, and then never the demo, which
 * marks orders paid for free; without keys the demo, except in production, which needs
 * PAYMENTS_PROVIDER=demo said out loud (the shop then shows a banner on every page).
 */
function paymentsProvider(env: Env, nodeEnv: AppConfig['nodeEnv'], stripe: StripeConfig | undefined): AppConfig['paymentsProvider'] {
  const asked = env.PAYMENTS_PROVIDER ? oneOf(env, 'PAYMENTS_PROVIDER', ['stripe', 'demo'] as const, 'demo') : undefined;
  if (asked === 'stripe' && !stripe) {
    throw new ConfigError(
      'STRIPE_SECRET_KEY',
      'must be set (with STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY) for PAYMENTS_PROVIDER=stripe',
    );
  }
  if (asked === 'demo' && stripe) {
    throw new ConfigError(
      'PAYMENTS_PROVIDER',
      'is demo, but Stripe keys are set: the demo is never offered beside real payments; unset one',
    );
  }
  if (asked) return asked;
  if (stripe) return 'stripe';
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'PAYMENTS_PROVIDER',
      'must be chosen in production: set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY for real payments, or PAYMENTS_PROVIDER=demo for a demonstration in which no money moves',
    );
  }
  return 'demo';
}

/** `TRUST_PROXY`: unset or false, true (any proxy: only behind one that overwrites the header), a hop count, or addresses/CIDRs. */
function trustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address);
    return !version || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)));
  });
  if (bad !== undefined) {
    throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or addresses/CIDRs like 127.0.0.1,10.0.0.0/8 (got "${bad}")`);
  }
  return entries;
}

/** `IMPACT_WRITES=off` is for measuring their cost outside production only. */
function impactWrites(env: Env, nodeEnv: AppConfig['nodeEnv']): boolean {
  const value = oneOf(env, 'IMPACT_WRITES', ['on', 'off'] as const, 'on');
  if (value === 'off' && nodeEnv === 'production') {
    throw new ConfigError(
      'IMPACT_WRITES',
      'must not be off in production: payments would leave the money trail without their ledger entries',
    );
  }
  return value === 'on';
}

/** Secure unless said otherwise, and never said otherwise in production: the refresh cookie is a session. */
function cookieSecure(env: Env, nodeEnv: AppConfig['nodeEnv']): boolean {
  const secure = boolean(env, 'COOKIE_SECURE', nodeEnv === 'production');
  if (!secure && nodeEnv === 'production') {
    throw new ConfigError(
      'COOKIE_SECURE',
      'must not be false in production: sessions would travel over plain HTTP; serve the app over HTTPS',
    );
  }
  return secure;
}

function smtpConfig(env: Env): AppConfig['smtp'] {
  if (!env.SMTP_URL) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/.test(env.SMTP_URL)) throw new ConfigError('SMTP_URL', 'must be a URL like smtp://user:password@host:587');
  return { url: env.SMTP_URL, from: env.MAIL_FROM || 'no-reply@qianhuo.invalid' };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const rawDataDir = env.DATA_DIR || '.data';
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  const stored = storedSecrets(dataDir);
  const corsOrigin = env.CORS_ORIGIN || undefined;
  if (corsOrigin !== undefined && !/^https?:\/\/[^/]+$/.test(corsOrigin)) {
    throw new ConfigError('CORS_ORIGIN', `must be an origin like https://shop.example.cn (got "${corsOrigin}")`);
  }
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const stripe = stripeConfig(env);
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    dataDir,
    databaseUrl: databaseUrl(env),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 0, 0, 65535),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE, 1, 200),
    jwtAccessSecret: secret(env, 'JWT_ACCESS_SECRET', stored, 32),
    jwtRefreshSecret: secret(env, 'JWT_REFRESH_SECRET', stored, 32),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    householdDataKey: householdKey(env, stored),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    // Generous: offices, canteens and mobile carriers put many people behind one address.
    loginMaxFailuresPerIp: integer(env, 'LOGIN_MAX_FAILURES_PER_IP', 50, 1, 100_000),
    loginWindowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 60, 1, 86_400),
    registerMaxPerIp: integer(env, 'REGISTER_MAX_PER_IP', 20, 1, 100_000),
    registerWindowSeconds: integer(env, 'REGISTER_WINDOW_SECONDS', 600, 1, 86_400),
    trustProxy: trustProxy(env),
    maxUnpaidOrders: integer(env, 'MAX_UNPAID_ORDERS', 3, 1, 1000),
    maxReservedUnits: integer(env, 'MAX_RESERVED_UNITS', 300, 1, 1_000_000),
    cookieSecure: cookieSecure(env, nodeEnv),
    corsOrigin,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    // Production has no demo data unless asked for; then with a generated password, never the published one.
    seedDemoData: boolean(env, 'SEED_DEMO_DATA', nodeEnv !== 'production'),
    demoHistoryOrders: integer(env, 'DEMO_HISTORY_ORDERS', 20_000, 0, 1_000_000),
    catalogCacheSeconds: integer(env, 'CATALOG_CACHE_SECONDS', 5, 0, 300),
    orderReservationMinutes: integer(env, 'ORDER_RESERVATION_MINUTES', 30, 1, 1440),
    acceptanceDays: integer(env, 'ACCEPTANCE_DAYS', 3, 1, 30),
    payoutAckDays: integer(env, 'PAYOUT_ACK_DAYS', 30, 1, 365),
    claimWindowHours: claimWindowHours(env),
    jobsEnabled: boolean(env, 'JOBS_ENABLED', true),
    impactWrites: impactWrites(env, nodeEnv),
    clockOffsetMs: clockOffsetMs(env, nodeEnv),
    storefrontDir: resolve(env.STOREFRONT_DIR || join(__dirname, '../../../storefront/dist')),
    paymentsProvider: paymentsProvider(env, nodeEnv, stripe),
    stripe,
    smtp: smtpConfig(env),
  };
}
