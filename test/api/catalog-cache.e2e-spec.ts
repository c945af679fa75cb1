import { Client } from 'pg';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

describe('the catalog answer cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CATALOG_CACHE_SECONDS: '60' }, { demoData: true });
  });
  afterAll(() => t.close());

  const firstTitle = async (path: string) => (await request(t.url).get(path).expect(200)).body.items[0].titleZh as string;

  it('answers a repeated catalog request from memory, with the same ETag and cache headers', async () => {
    const first = await request(t.url).get('/api/products?limit=3').expect(200);
    // Changed behind the app's back: a cached answer does not see it.
    await t.sql(`UPDATE product SET title_zh = '改过的标题' WHERE id = $1`, [first.body.items[0].id]);
    const second = await request(t.url).get('/api/products?limit=3').expect(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers).toMatchObject({
      etag: first.headers.etag,
      'cache-control': 'public, max-age=30',
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
    expect(second.headers['x-request-id']).toBeDefined();
    await request(t.url).get('/api/products?limit=3').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('forgets everything when a cooperative or an admin changes the catalog', async () => {
    const before = await firstTitle('/api/products?limit=2');
    const [product] = await t.sql(
      `SELECT p.id, p.cooperative_id FROM product p WHERE p.status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 1`,
    );
    await t.sql(`UPDATE product SET title_zh = '新标题' WHERE id = $1`, [product.id]);
    expect(await firstTitle('/api/products?limit=2')).toBe(before);

    const staff = await tokenFor(t, 'cooperative', product.cooperative_id as string);
    const [variant] = await t.sql(`SELECT id FROM product_variant WHERE product_id = $1 LIMIT 1`, [product.id]);
    await request(t.url)
      .patch(`/api/coop/variants/${variant.id}/stock`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ delta: 1, reason: 'RESTOCK' })
      .expect(200);
    expect(await firstTitle('/api/products?limit=2')).toBe('新标题');
  });

  it('is not cleared by a failed write', async () => {
    const before = await firstTitle('/api/products?limit=4');
    const [product] = await t.sql(
      `SELECT id, cooperative_id FROM product WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 1`,
    );
    await t.sql(`UPDATE product SET title_zh = '又一个标题' WHERE id = $1`, [product.id]);
    const staff = await tokenFor(t, 'cooperative', product.cooperative_id as string);
    await request(t.url).post('/api/coop/products').set('Authorization', `Bearer ${staff}`).send({ titleZh: '' }).expect(400);
    expect(await firstTitle('/api/products?limit=4')).toBe(before);
  });

  it('shows stock given back by a refund at once, even when a shopper read the product while the refund was committing', async () => {
    const product = await newProduct(t, await newCooperative(t), { stock: 2 });
    const stockStatus = async () =>
      (await request(t.url).get(`/api/products/${product.slug}`).expect(200)).body.variants[0].stockStatus as string;

    // A buyer takes the last two and pays.
    const order = await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: product.variantId, quantity: 2 }]);
    expect(await stockStatus()).toBe('SOLD_OUT');

    // The refund's transaction is held just before its commit (its notification waits for a table lock),
    // after it gave the stock back; a shopper reads the product meanwhile and sees the committed past.
    const blocker = new Client({ connectionString: t.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE notification_outbox IN SHARE ROW EXCLUSIVE MODE');
      const admin = await tokenFor(t, 'admin');
      const refund = request(t.url)
        .post('/api/admin/refunds')
        .set('Authorization', `Bearer ${admin}`)
        .send({ orderNumber: order.number, reason: '缺货退款' })
        .then((answer) => answer);
      for (let waited = 0; ; waited += 20) {
        const [{ waiting }] = (
          await blocker.query(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'notification_outbox'::regclass AND NOT granted`,
          )
        ).rows;
        if (waiting > 0) break;
        if (waited > 10_000) throw new Error('the refund never reached its notification');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await stockStatus()).toBe('SOLD_OUT');
      await blocker.query('COMMIT');
      expect((await refund).status).toBe(201);
    } finally {
      await blocker.end();
    }
    expect(await stockStatus()).not.toBe('SOLD_OUT');
  });

  it('never caches answers that depend on who asks', async () => {
    const admin = await tokenFor(t, 'admin');
    await request(t.url).get('/api/admin/products?limit=1').set('Authorization', `Bearer ${admin}`).expect(200);
    // Served again only to someone allowed: a cached copy would have skipped the guard.
    await request(t.url).get('/api/admin/products?limit=1').expect(401);
  });
});
