import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import { startSecondApp, startTestApp, TestApp } from '../support/test-app';
import { setStock } from '../support/builders';

const BUYERS = 100;
const STOCK = 20;
const ADDRESS = { name: '黄志明', mobile: '13922223333', districtCode: '440106', street: '体育西路 101 号' };

describe('checkout under load from two API processes', () => {
  let t: TestApp;
  let second: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    second = await startSecondApp(t);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it(`sells exactly ${STOCK} units to ${BUYERS} buyers checking out at once, and not one more`, async () => {
    const [variant] = await t.sql(
      `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT' AND p.sale_starts_at IS NULL ORDER BY v.sku LIMIT 1`,
    );
    const hash = await hashPassword('pw-for-tests');
    const emails = Array.from({ length: BUYERS }, (_, i) => `load-buyer-${i}@example.cn`);
    await t.sql(`INSERT INTO account (email, password_hash, role) SELECT unnest($1::text[]), $2, 'buyer'`, [emails, hash]);
    // Half the buyers talk to each process, for everything from signing in to checking out.
    const urls = emails.map((_, i) => (i % 2 === 0 ? t.url : second.url));
    const tokens: string[] = [];
    for (const [i, email] of emails.entries()) {
      const { body } = await request(urls[i]).post('/api/auth/login').send({ email, password: 'pw-for-tests' }).expect(200);
      tokens.push(body.accessToken);
      await request(urls[i])
        .post('/api/cart/lines')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .send({ variantId: variant.id, quantity: 1 })
        .expect(200);
    }
    await setStock(t, variant.id as string, STOCK);
    const movementsBefore = Number((await t.sql(`SELECT count(*) FROM inventory_movement WHERE variant_id = $1`, [variant.id]))[0].count);

    const responses = await Promise.all(
      tokens.map((token, i) =>
        request(urls[i])
          .post('/api/checkout')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', `load-${i}-key`)
          .send({ address: ADDRESS }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(STOCK);
    expect(statuses.filter((s) => s === 409)).toHaveLength(BUYERS - STOCK);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['OUT_OF_STOCK']));
    const [after] = await t.sql(
      `SELECT v.stock, (SELECT count(*)::int FROM inventory_movement m WHERE m.variant_id = v.id) AS movements,
              (SELECT coalesce(sum(delta), 0)::int FROM inventory_movement m WHERE m.variant_id = v.id AND m.reason = 'ORDER_RESERVED') AS reserved,
              (SELECT count(*)::int FROM order_line l WHERE l.variant_id = v.id) AS lines
         FROM product_variant v WHERE v.id = $1`,
      [variant.id],
    );
    expect(after).toEqual({ stock: 0, movements: movementsBefore + STOCK, reserved: -STOCK, lines: STOCK });
    // A hundred sign-ins (argon2) and checkouts take ~25 s on two cores alone, more beside other suites.
  }, 120_000);

  it('places one order for a checkout sent several times at once with one key, through both processes, and answers each with it', async () => {
    const [variant] = await t.sql(
      `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT' AND p.sale_starts_at IS NULL ORDER BY v.sku DESC LIMIT 1`,
    );
    await setStock(t, variant.id as string, 100);
    const email = 'impatient-buyer@example.cn';
    await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ($1, $2, 'buyer')`, [email, await hashPassword('pw-for-tests')]);
    const { body } = await request(t.url).post('/api/auth/login').send({ email, password: 'pw-for-tests' }).expect(200);
    const token = body.accessToken as string;
    await request(t.url)
      .post('/api/cart/lines')
      .set('Authorization', `Bearer ${token}`)
      .send({ variantId: variant.id, quantity: 2 })
      .expect(200);

    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(i % 2 === 0 ? t.url : second.url)
          .post('/api/checkout')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', 'impatient-buyer-key-1')
          .send({ address: ADDRESS }),
      ),
    );

    // The first placed it (201); every other one is its replay (200), not an empty cart.
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.number)).size).toBe(1);
    const orders = await t.sql(
      `SELECT o.number, sum(l.quantity)::int AS units FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.idempotency_key = 'impatient-buyer-key-1' GROUP BY o.number`,
    );
    expect(orders).toEqual([{ number: responses[0]!.body.number, units: 2 }]);
  }, 60_000);
});
