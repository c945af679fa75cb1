import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { HouseholdCrypto } from '../../apps/api/src/households/household-crypto';
import { tokenFor as tokenForRole } from '../support/accounts';
import { startTestApp, testClock, TestApp } from '../support/test-app';
import { createTestDatabase, serverUrl } from '../support/test-database';
import { Client, type Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const ROOT = join(__dirname, '../..');

describe('the running API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const tokenFor = (role: 'buyer' | 'admin' | 'official') => tokenForRole(t, role);

  it('reports itself healthy with the database up', async () => {
    const response = await request(t.url).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('sends helmet security headers and a request id on every response', async () => {
    const response = await request(t.url).get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers an unknown API route with a JSON 404 and a code', async () => {
    const response = await request(t.url).get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('denies a buyer an admin-only route with 403 and lets an admin in', async () => {
    const buyer = await tokenFor('buyer');
    const denied = await request(t.url).get('/api/admin/audit').set('Authorization', `Bearer ${buyer}`).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const official = await tokenFor('official');
    await request(t.url).get('/api/admin/audit').set('Authorization', `Bearer ${official}`).expect(403);
    const admin = await tokenFor('admin');
    const allowed = await request(t.url).get('/api/admin/audit').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(allowed.body).toEqual({ items: expect.any(Array), nextCursor: null });
  });

  it('lists audit entries newest first, a page at a time', async () => {
    for (const n of [1, 2, 3]) {
      await t.sql(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.recorded', 'probe', $1)`, [String(n)]);
    }
    const admin = await tokenFor('admin');
    const first = await request(t.url).get('/api/admin/audit?limit=2&entityType=probe').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(first.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['3', '2']);
    const second = await request(t.url)
      .get(`/api/admin/audit?limit=2&entityType=probe&cursor=${first.body.nextCursor}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(second.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['1']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('rejects bad query parameters and unknown fields with 400, never 500', async () => {
    const admin = await tokenFor('admin');
    for (const query of ['limit=0', 'limit=abc', 'limit=101', 'cursor=1%3BDROP', 'foo=bar']) {
      const response = await request(t.url).get(`/api/admin/audit?${query}`).set('Authorization', `Bearer ${admin}`).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('never puts a stack trace or internal detail in an error', async () => {
    const responses = [
      await request(t.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"a":'),
      await request(t.url).post('/api/auth/login').send({ email: 'x@y.cn', password: 'p', extra: 1 }),
      await request(t.url).get('/api/admin/audit').set('Authorization', 'Bearer nonsense'),
      await request(t.url)
        .post('/api/auth/register')
        .send({ email: 'a'.repeat(300) }),
      await request(t.url)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":"${'x'.repeat(2_000_000)}"}`),
    ];
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(Object.keys(response.body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId', 'statusCode']));
      expect(JSON.stringify(response.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d|"stack"|QueryFailedError/);
    }
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(t.url).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/me']));
    const ui = await request(t.url).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('has a checked-in API client generated from the current /api/docs-json (run npm run api-client:generate if this fails)', async () => {
    const json = await request(t.url).get('/api/docs-json').expect(200);
    const rendered = execFileSync(process.execPath, [join(ROOT, 'scripts/render-api-client.mjs')], {
      input: JSON.stringify(json.body),
      encoding: 'utf8',
    });
    expect(readFileSync(join(ROOT, 'libs/api-client/src/schema.ts'), 'utf8')).toBe(rendered);
  });
});

describe('the database', () => {
  it('reports the database down with 503 when it cannot be reached', async () => {
    const t = await startTestApp();
    try {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${t.database.name} WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.database.name]);
      await admin.end();
      const response = await request(t.url).get('/api/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'error', database: 'down' });
    } finally {
      await t.close();
    }
  });

  // Foreign keys and CHECKs are written in the migrations only; every column, type, nullability,
  // index and table an entity declares must match what the migrations built.
  it('has entities that agree with the migrations', async () => {
    const db = await createTestDatabase();
    const dataSource = createDataSource(db.url, testClock(), 1);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      const drift = pending.upQueries.map((q) => q.query).filter((q) => !/DROP CONSTRAINT "\w+_(fkey|check)"$/.test(q));
      expect(drift).toEqual([]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it('outlives PostgreSQL ending the session of a connection it has lent out, and answers from a new one', async () => {
    const db = await createTestDatabase();
    const dataSource = createDataSource(db.url, testClock(), 2);
    await dataSource.initialize();
    try {
      const pool = (dataSource.driver as PostgresDriver).master as Pool;
      // Lent out, as a transaction's connection is between its statements: pg-pool has taken its own listener off.
      const lent = await pool.connect();
      const [{ pid }] = (await lent.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
      const closed = new Promise((resolve) => lent.connection.stream.once('close', resolve));
      await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      // Without a listener on the client, its 'error' would have ended this process here.
      await closed;
      await expect(lent.query('SELECT 1')).rejects.toThrow();
      lent.release(true);
      expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it('refuses negative stock with a CHECK constraint', async () => {
    const t = await startTestApp();
    try {
      await expect(t.sql(`UPDATE product_variant SET stock = -1`)).resolves.toBeDefined(); // no rows yet: nothing to refuse
      await expect(
        t.sql(`WITH c AS (INSERT INTO cooperative (name_zh, name_en, credit_code, township_code) VALUES ('社', 'Coop', '93520525MA6DKQ4T17', '520525202') RETURNING id),
                    p AS (INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, shipping_class, shelf_life_days)
                          SELECT id, 'TEA', 'tea', '茶', 'Tea', '520525202', 'AMBIENT', 365 FROM c RETURNING id)
               INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock) SELECT id, 'T-1', '一盒', 'One box', 100, 100, -1 FROM p`),
      ).rejects.toThrow(/product_variant_stock_check/);
    } finally {
      await t.close();
    }
  });

  it('seeds the demo data and its history once: a second start adds nothing, and no ID number is stored in the clear', async () => {
    const db = await createTestDatabase();
    const key = randomBytes(32);
    const logger = pino({ level: 'silent' });
    const clock = testClock();
    const dataSource = createDataSource(db.url, clock, 1);
    try {
      await prepareDatabase(
        db.url,
        { nodeEnv: 'test', seedDemoData: true, demoHistoryOrders: 200, householdDataKey: key, clockOffsetMs: clock.offsetMs },
        logger,
      );
      await dataSource.initialize();
      const count = async () =>
        (
          await dataSource.query(`SELECT (SELECT count(*) FROM cooperative WHERE status = 'VERIFIED')::int AS coops,
                                        (SELECT count(*) FROM cooperative WHERE status = 'PENDING')::int AS applicants, (SELECT count(*) FROM product)::int AS products,
                                        (SELECT count(*) FROM household)::int AS households, (SELECT count(*) FROM household_link)::int AS links,
                                        (SELECT count(*) FROM account WHERE disabled_at IS NULL)::int AS accounts, (SELECT count(DISTINCT category) FROM product)::int AS categories,
                                        (SELECT count(*) FROM "order")::int AS orders,
                                        (SELECT count(DISTINCT to_char(day, 'YYYY')) FROM impact_daily)::int AS years,
                                        (SELECT count(DISTINCT township_code) FROM cooperative WHERE status = 'VERIFIED')::int AS townships,
                                        (SELECT count(DISTINCT mechanism) FROM household_link)::int AS mechanisms,
                                        (SELECT count(*) FROM organisation WHERE status = 'VERIFIED')::int AS organisations,
                                        (SELECT count(*) FROM organisation_member)::int AS members`)
        )[0];
      const first = await count();
      // Four role accounts, five members of the three demo organisations and two more cooperatives' staff.
      expect(first).toMatchObject({ accounts: 12, categories: 8, mechanisms: 4, applicants: 2, orders: 200, organisations: 3, members: 5 });
      expect(first.years).toBeGreaterThanOrEqual(5);
      expect(first.coops).toBeGreaterThanOrEqual(8);
      expect(first.townships).toBe(first.coops);
      expect(first.products).toBeGreaterThanOrEqual(40);
      expect(first.households).toBeGreaterThanOrEqual(200);

      await prepareDatabase(
        db.url,
        { nodeEnv: 'test', seedDemoData: true, demoHistoryOrders: 200, householdDataKey: key, clockOffsetMs: clock.offsetMs },
        logger,
      );
      expect(await count()).toEqual(first);

      const [household] = await dataSource.query(`SELECT id_masked, id_number_enc, head_name_enc FROM household LIMIT 1`);
      expect(household.id_masked).toMatch(/^5205\*{10}[0-9]{3}[0-9X]$/);
      const crypto = new HouseholdCrypto(key);
      const id = crypto.decrypt(household.id_number_enc);
      expect(id).toMatch(/^520525/);
      expect(household.id_number_enc.toString('latin1')).not.toContain(id);
      expect(crypto.decrypt(household.head_name_enc)).toMatch(/^\p{Script=Han}{2,3}$/u);

      const coops: { credit_code: string; status: string }[] = await dataSource.query(`SELECT credit_code, status FROM cooperative`);
      const { isCooperativeCreditCode } = await import('@qh/domain');
      // Every verified cooperative has a valid code; one applicant in the queue shows what a typo looks like.
      const valid = coops.map((c) => `${c.status} ${isCooperativeCreditCode(c.credit_code)}`);
      expect(valid.filter((v) => v === 'VERIFIED true')).toHaveLength(first.coops);
      expect(valid.filter((v) => v.startsWith('PENDING')).sort()).toEqual(['PENDING false', 'PENDING true']);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
