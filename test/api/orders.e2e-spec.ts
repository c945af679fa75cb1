import { getDataSourceToken } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OrderDeadlinesService } from '../../apps/api/src/orders/order-deadlines.service';
import { DETAILS_OF_ONE_ORDER, ORDER_WITH_DETAILS } from '../../apps/api/src/orders/orders.repository';
import { PAYMENTS_OF_ONE_ORDER } from '../../apps/api/src/payments/payments.repository';
import { tokenFor } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { lotsFor, setStock } from '../support/builders';

interface Pick {
  variantId: string;
  productId: string;
  cooperativeId: string;
  priceFen: number;
  weightG: number;
}

const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };
/** 从化区: no cold-chain delivery in the reference data. */
const CONGHUA = { ...TIANHE, districtCode: '440117', street: '街口街 1 号' };

describe('cart, checkout and orders', () => {
  let t: TestApp;
  let chilled: Pick;
  let ambient: Pick;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    chilled = await pick('CHILLED');
    ambient = await pick('AMBIENT', chilled.cooperativeId);
  });
  afterAll(() => t.close());

  /** A variant on sale now in the shipping class, from another cooperative than `not`, with plenty of stock. */
  async function pick(shippingClass: string, not = '00000000-0000-0000-0000-000000000000'): Promise<Pick> {
    const [row] = await t.sql(
      `SELECT v.id AS "variantId", p.id AS "productId", p.cooperative_id AS "cooperativeId", v.price_fen AS "priceFen", v.weight_g AS "weightG"
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = $1 AND p.cooperative_id <> $2
          AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at)
        ORDER BY v.sku LIMIT 1`,
      [shippingClass, not],
    );
    await setStock(t, row.variantId as string, 500);
    return row as unknown as Pick;
  }

  const stockOf = async (variantId: string) =>
    (await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock as number;
  const orderCount = async () => Number((await t.sql(`SELECT count(*) FROM "order"`))[0].count);
  let keys = 0;
  const newKey = () => `test-key-${Date.now()}-${(keys += 1)}`;

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
    checkout: (body: object, key = newKey()) =>
      request(t.url).post('/api/checkout').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body),
  });

  async function buyerWith(...lines: [Pick, number][]): Promise<string> {
    const buyer = await tokenFor(t, 'buyer');
    for (const [item, quantity] of lines) await as(buyer).post('/api/cart/lines', { variantId: item.variantId, quantity }).expect(200);
    return buyer;
  }

  describe('the cart', () => {
    it("keeps a guest's cart behind an httpOnly cookie, at today's prices", async () => {
      const added = await request(t.url).post('/api/cart/lines').send({ variantId: ambient.variantId, quantity: 2 }).expect(200);
      const cookie = added.headers['set-cookie'][0] as string;
      expect(cookie).toMatch(/^qh_cart=[\w-]{43}; Max-Age=\d+; Path=\/api; HttpOnly; SameSite=Lax/);
      expect(added.body.lines).toEqual([
        expect.objectContaining({ variantId: ambient.variantId, quantity: 2, unitPriceFen: ambient.priceFen, problem: null }),
      ]);
      await t.sql(`UPDATE product_variant SET price_fen = price_fen + 100 WHERE id = $1`, [ambient.variantId]);
      const again = await request(t.url).get('/api/cart').set('Cookie', cookie.split(';')[0]).expect(200);
      expect(again.body).toMatchObject({ itemsFen: (ambient.priceFen + 100) * 2, lines: [{ unitPriceFen: ambient.priceFen + 100 }] });
      await t.sql(`UPDATE product_variant SET price_fen = price_fen - 100 WHERE id = $1`, [ambient.variantId]);
      // Without the cookie it is somebody else's (empty) cart.
      expect((await request(t.url).get('/api/cart').expect(200)).body.lines).toEqual([]);
    });

    it('adds to the same line, caps a line at 99, changes and removes lines', async () => {
      const buyer = await buyerWith([ambient, 60], [ambient, 60]);
      const { body } = await as(buyer).get('/api/cart').expect(200);
      expect(body.lines).toHaveLength(1);
      expect(body.lines[0].quantity).toBe(99);
      const line = body.lines[0].id;
      expect((await as(buyer).patch(`/api/cart/lines/${line}`, { quantity: 3 }).expect(200)).body.lines[0].quantity).toBe(3);
      expect((await as(buyer).patch(`/api/cart/lines/${line}`, { quantity: 0 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await as(buyer).patch(`/api/cart/lines/${line}`, { quantity: 100 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await as(buyer).delete(`/api/cart/lines/${line}`).expect(200)).body.lines).toEqual([]);
      expect((await as(buyer).delete(`/api/cart/lines/${line}`).expect(404)).body.code).toBe('CART_LINE_NOT_FOUND');
    });

    it("answers a buyer's add with the whole cart as it is after it: lines oldest first, the added one's new quantity", async () => {
      const buyer = await buyerWith([ambient, 2], [chilled, 1]);
      const again = await as(buyer).post('/api/cart/lines', { variantId: ambient.variantId, quantity: 3 }).expect(200);
      expect(again.body.lines.map((line: { variantId: string; quantity: number }) => [line.variantId, line.quantity])).toEqual([
        [ambient.variantId, 5],
        [chilled.variantId, 1],
      ]);
      expect(again.body.itemsFen).toBe(ambient.priceFen * 5 + chilled.priceFen);
      expect((await as(buyer).get('/api/cart').expect(200)).body).toEqual(again.body);
      // A refused add leaves the cart as it was and answers no cart.
      const refused = await as(buyer)
        .post('/api/cart/lines', { variantId: '7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d', quantity: 1 })
        .expect(404);
      expect(refused.body.lines).toBeUndefined();
      expect((await as(buyer).get('/api/cart').expect(200)).body).toEqual(again.body);
    });

    it('refuses an unknown variant, and keeps staff, officials and admins out', async () => {
      const carts = Number((await t.sql(`SELECT count(*) FROM cart`))[0].count);
      const guest = await request(t.url)
        .post('/api/cart/lines')
        .send({ variantId: '7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d', quantity: 1 })
        .expect(404);
      expect([guest.body.code, guest.headers['set-cookie']]).toEqual(['VARIANT_NOT_FOUND', undefined]);
      expect(Number((await t.sql(`SELECT count(*) FROM cart`))[0].count)).toBe(carts);
      const buyer = await tokenFor(t, 'buyer');
      expect(
        (await as(buyer).post('/api/cart/lines', { variantId: '7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d', quantity: 1 }).expect(404)).body.code,
      ).toBe('VARIANT_NOT_FOUND');
      for (const role of ['cooperative', 'official', 'admin'] as const) {
        const token = await tokenFor(t, role, role === 'cooperative' ? chilled.cooperativeId : null);
        expect((await as(token).get('/api/cart').expect(403)).body.code).toBe('FORBIDDEN');
      }
    });

    it("moves a guest's cart into the account's when the buyer signs in", async () => {
      const buyer = await buyerWith([ambient, 1]);
      const guest = await request(t.url).post('/api/cart/lines').send({ variantId: ambient.variantId, quantity: 2 }).expect(200);
      const cookie = (guest.headers['set-cookie'][0] as string).split(';')[0];
      await request(t.url).post('/api/cart/lines').set('Cookie', cookie).send({ variantId: chilled.variantId, quantity: 1 }).expect(200);
      const merged = await as(buyer).get('/api/cart').set('Cookie', cookie).expect(200);
      expect(merged.headers['set-cookie'][0]).toMatch(/^qh_cart=;/);
      expect(merged.body.lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity]).sort()).toEqual(
        [
          [ambient.variantId, 3],
          [chilled.variantId, 1],
        ].sort(),
      );
      expect((await request(t.url).get('/api/cart').set('Cookie', cookie).expect(200)).body.lines).toEqual([]);
    });

    it('flags, rather than drops, a line whose product left the shop or ran short', async () => {
      const gone = await pick('AMBIENT', ambient.cooperativeId);
      const buyer = await buyerWith([gone, 1], [ambient, 2]);
      await t.sql(`UPDATE product SET status = 'ARCHIVED' WHERE id = $1`, [gone.productId]);
      await setStock(t, ambient.variantId, 1);
      const { body } = await as(buyer).get('/api/cart').expect(200);
      const problems = Object.fromEntries(body.lines.map((l: { variantId: string; problem: string }) => [l.variantId, l.problem]));
      expect(problems).toEqual({ [gone.variantId]: 'UNAVAILABLE', [ambient.variantId]: 'NOT_ENOUGH_STOCK' });
      expect(body.itemsFen).toBe(0);
      await t.sql(`UPDATE product SET status = 'PUBLISHED' WHERE id = $1`, [gone.productId]);
      await setStock(t, ambient.variantId, 500);
    });
  });

  describe('checkout', () => {
    it('orders from two cooperatives at once: one shipment each, fees by class and weight, stock taken, cart emptied', async () => {
      const buyer = await buyerWith([chilled, 2], [ambient, 1]);
      const before = { chilled: await stockOf(chilled.variantId), ambient: await stockOf(ambient.variantId) };
      const response = await as(buyer).checkout({ address: TIANHE, note: '工作日送货' }).expect(201);
      const order = response.body;
      expect(order.number).toMatch(/^QH\d{8}-\d{6}$/);
      expect(order).toMatchObject({
        status: 'AWAITING_PAYMENT',
        address: TIANHE,
        note: '工作日送货',
        payment: { provider: 'demo', status: 'PENDING' },
      });
      expect(order.fulfillments).toHaveLength(2);
      const byCoop = Object.fromEntries(order.fulfillments.map((f: { cooperative: { id: string } }) => [f.cooperative.id, f]));
      expect(byCoop[chilled.cooperativeId]).toMatchObject({
        shippingClass: 'CHILLED',
        itemsFen: chilled.priceFen * 2,
        weightG: chilled.weightG * 2,
      });
      expect(byCoop[ambient.cooperativeId]).toMatchObject({ shippingClass: 'AMBIENT', itemsFen: ambient.priceFen });
      const rates = Object.fromEntries((await t.sql(`SELECT * FROM shipping_rate`)).map((r) => [r.shipping_class, r]));
      const fee = (rate: Record<string, number>, itemsFen: number, weightG: number) =>
        itemsFen >= rate.free_over_fen
          ? 0
          : rate.base_fen + Math.ceil(Math.max(0, weightG - rate.base_weight_g) / 1000) * rate.per_extra_kg_fen;
      expect(byCoop[chilled.cooperativeId].feeFen).toBe(fee(rates.CHILLED, chilled.priceFen * 2, chilled.weightG * 2));
      expect(byCoop[ambient.cooperativeId].feeFen).toBe(fee(rates.AMBIENT, ambient.priceFen, ambient.weightG));
      expect(order.itemsFen).toBe(chilled.priceFen * 2 + ambient.priceFen);
      expect(order.totalFen).toBe(order.itemsFen + byCoop[chilled.cooperativeId].feeFen + byCoop[ambient.cooperativeId].feeFen);
      expect(await stockOf(chilled.variantId)).toBe(before.chilled - 2);
      expect(await stockOf(ambient.variantId)).toBe(before.ambient - 1);
      const movements = await t.sql(
        `SELECT m.reason, m.delta FROM inventory_movement m JOIN "order" o ON o.id = m.order_id WHERE o.number = $1 ORDER BY m.delta`,
        [order.number],
      );
      expect(movements).toEqual([
        { reason: 'ORDER_RESERVED', delta: -2 },
        { reason: 'ORDER_RESERVED', delta: -1 },
      ]);
      expect((await as(buyer).get('/api/cart').expect(200)).body.lines).toEqual([]);
      // The checkout's answer is the order as its page shows it, payment included.
      expect((await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body).toEqual(order);
      expect(order.payment.reference).toEqual(expect.any(String));
    });

    it('answers a repeated key with the same order, and a reused key with a different checkout with 409', async () => {
      const buyer = await buyerWith([ambient, 1]);
      const key = newKey();
      const first = await as(buyer).checkout({ address: TIANHE }, key).expect(201);
      const again = await as(buyer).checkout({ address: TIANHE }, key).expect(200);
      expect(again.body.number).toBe(first.body.number);
      const count = await orderCount();
      await as(buyer).post('/api/cart/lines', { variantId: chilled.variantId, quantity: 1 }).expect(200);
      // A new cart behind the old key, even with the same address, is a different checkout.
      const otherCart = await as(buyer).checkout({ address: TIANHE }, key).expect(409);
      expect(otherCart.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherAddress = await as(buyer)
        .checkout({ address: { ...TIANHE, street: '另一个地址 8 号' } }, key)
        .expect(409);
      expect(otherAddress.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await orderCount()).toBe(count);
      expect((await as(buyer).get('/api/cart').expect(200)).body.lines).toHaveLength(1);
    });

    it('needs an Idempotency-Key, a mainland mobile number and a Guangzhou district', async () => {
      const buyer = await buyerWith([ambient, 1]);
      const noKey = await request(t.url)
        .post('/api/checkout')
        .set('Authorization', `Bearer ${buyer}`)
        .send({ address: TIANHE })
        .expect(400);
      expect(noKey.body.details).toEqual([{ field: 'Idempotency-Key', problems: [expect.any(String)] }]);
      for (const address of [
        { ...TIANHE, mobile: '020-38888888' },
        { ...TIANHE, mobile: '12800138000' },
        { ...TIANHE, districtCode: '110101' },
        { ...TIANHE, street: '' },
      ]) {
        expect((await as(buyer).checkout({ address }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
      const invoice = await as(buyer)
        .checkout({ address: TIANHE, invoice: { title: '某某中学工会', creditCode: '91110000600037341A' } })
        .expect(400);
      expect(invoice.body.details).toEqual([{ field: 'invoice.creditCode', problems: [expect.any(String)] }]);
    });

    it('refuses chilled goods to a district without cold-chain delivery, keeping the cart and the stock', async () => {
      const buyer = await buyerWith([chilled, 1], [ambient, 1]);
      const [count, stock] = [await orderCount(), await stockOf(chilled.variantId)];
      const response = await as(buyer).checkout({ address: CONGHUA }).expect(422);
      expect(response.body.code).toBe('COLD_CHAIN_UNAVAILABLE');
      expect(response.body.details).toHaveLength(1);
      expect([await orderCount(), await stockOf(chilled.variantId)]).toEqual([count, stock]);
      expect((await as(buyer).get('/api/cart').expect(200)).body.lines).toHaveLength(2);
    });

    it('orders nothing when one line lacks stock, and lists that line', async () => {
      const buyer = await buyerWith([chilled, 1], [ambient, 5]);
      await setStock(t, ambient.variantId, 4);
      const [count, chilledStock] = [await orderCount(), await stockOf(chilled.variantId)];
      const { body } = await as(buyer).checkout({ address: TIANHE }).expect(409);
      expect(body.code).toBe('OUT_OF_STOCK');
      expect(body.details).toEqual([
        { field: expect.stringMatching(/^cart\.lines\./), problems: [expect.stringContaining('only 4 left')] },
      ]);
      expect([await orderCount(), await stockOf(chilled.variantId), await stockOf(ambient.variantId)]).toEqual([count, chilledStock, 4]);
      await setStock(t, ambient.variantId, 500);
    });

    it('never oversells: 30 buyers at once for 10 units get exactly 10 orders', async () => {
      const scarce = await pick('AMBIENT', ambient.cooperativeId);
      const buyers = await Promise.all(Array.from({ length: 30 }, () => buyerWith([scarce, 1])));
      await setStock(t, scarce.variantId, 10);
      const results = await Promise.all(buyers.map((buyer) => as(buyer).checkout({ address: TIANHE })));
      expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(20).fill(409)]);
      expect(await stockOf(scarce.variantId)).toBe(0);
      const [{ sum }] = await t.sql(
        `SELECT sum(delta)::int AS sum FROM inventory_movement WHERE variant_id = $1 AND reason = 'ORDER_RESERVED'`,
        [scarce.variantId],
      );
      expect(sum).toBe(-10);
    });

    it('ships pre-sale goods from their ship date, not before', async () => {
      const presale = await pick('AMBIENT', ambient.cooperativeId);
      await t.sql(
        `UPDATE product SET sale_starts_at = qh_now() - interval '1 day', sale_ends_at = qh_now() + interval '60 days',
                            presale_ships_on = qh_today() + 20 WHERE id = $1`,
        [presale.productId],
      );
      const buyer = await buyerWith([presale, 1]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      const shipsFrom = (await t.sql(`SELECT to_char(qh_today() + 20, 'YYYY-MM-DD') AS day`))[0].day;
      expect(order.fulfillments[0]).toMatchObject({ shipsFrom, lines: [{ shipsFrom }] });
      await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(200);
      const staff = await tokenFor(t, 'cooperative', presale.cooperativeId);
      const early = await as(staff)
        .post(`/api/coop/fulfillments/${order.fulfillments[0].id}/ship`, { carrier: '中国邮政', trackingNo: 'EMS-55667788' })
        .expect(422);
      expect(early.body.code).toBe('PRESALE_NOT_SHIPPABLE');
      await t.sql(`UPDATE product SET sale_starts_at = NULL, sale_ends_at = NULL, presale_ships_on = NULL WHERE id = $1`, [
        presale.productId,
      ]);
    });

    it('refuses an empty cart and anonymous callers', async () => {
      const buyer = await tokenFor(t, 'buyer');
      expect((await as(buyer).checkout({ address: TIANHE }).expect(409)).body.code).toBe('CART_EMPTY');
      await request(t.url).post('/api/checkout').set('Idempotency-Key', newKey()).send({ address: TIANHE }).expect(401);
    });
  });

  describe('after checkout', () => {
    // Every checkout answers with ORDER_WITH_DETAILS, and every order page reads DETAILS_OF_ONE_ORDER
    // and PAYMENTS_OF_ONE_ORDER. Planned again on each run, they took twice as long as they ran (bench:checkout).
    it("reads an order's page from one plan per connection, not one per request", async () => {
      const buyer = await buyerWith([chilled, 1], [ambient, 1]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      const [{ id }] = await t.sql(`SELECT id FROM "order" WHERE number = $1`, [order.number]);
      const runner = t.app.get<DataSource>(getDataSourceToken()).createQueryRunner();
      try {
        const connection = (await runner.connect()) as PoolClient;
        for (const [name, text] of [
          ['order_with_details', ORDER_WITH_DETAILS],
          ['details_of_one_order', DETAILS_OF_ONE_ORDER],
          ['payments_of_one_order', PAYMENTS_OF_ONE_ORDER],
        ]) {
          // PostgreSQL makes its own plan for each of the first five runs, then keeps one if it is as good.
          for (let run = 0; run < 8; run += 1) await connection.query({ name, text, values: [id] });
          const [plans] = (await connection.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`, [name]))
            .rows;
          expect({ name, ...plans }).toEqual({ name, generic_plans: 3, custom_plans: 5 });
        }
      } finally {
        await runner.release();
      }
    });

    it('pays, ships per cooperative, and completes on receipt; each side sees only its own', async () => {
      const buyer = await buyerWith([chilled, 1], [ambient, 1]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      const stranger = await tokenFor(t, 'buyer');
      expect((await as(stranger).get(`/api/orders/${order.number}`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
      expect((await as(stranger).post(`/api/payments/demo/${order.number}/pay`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');

      const cherryStaff = await tokenFor(t, 'cooperative', chilled.cooperativeId);
      const teaStaff = await tokenFor(t, 'cooperative', ambient.cooperativeId);
      // Unpaid orders are not for the cooperatives to ship yet.
      const unpaid = await as(cherryStaff).get('/api/coop/fulfillments').expect(200);
      expect(unpaid.body.items.map((f: { orderNumber: string }) => f.orderNumber)).not.toContain(order.number);

      expect((await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(200)).body).toMatchObject({
        status: 'PAID',
        payment: { status: 'SUCCEEDED' },
      });
      const mine = (await as(cherryStaff).get('/api/coop/fulfillments?status=PENDING').expect(200)).body.items.find(
        (f: { orderNumber: string }) => f.orderNumber === order.number,
      );
      expect(mine).toMatchObject({ address: TIANHE, cooperative: { id: chilled.cooperativeId } });
      expect(mine.lines.map((l: { variantId: string }) => l.variantId)).toEqual([chilled.variantId]);

      const theirs = await as(teaStaff)
        .post(`/api/coop/fulfillments/${mine.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890123' })
        .expect(403);
      expect(theirs.body.code).toBe('NOT_YOUR_COOPERATIVE');
      await as(cherryStaff)
        .post(`/api/coop/fulfillments/${mine.id}/ship`, {
          carrier: '顺丰速运',
          trackingNo: 'SF1234567890123',
          lots: await lotsFor(t, mine.id),
        })
        .expect(200);
      expect((await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body.status).toBe('PARTIALLY_SHIPPED');
      expect((await as(buyer).post(`/api/orders/${order.number}/cancel`).expect(409)).body.code).toBe('ORDER_STATUS_CONFLICT');
      const again = await as(cherryStaff)
        .post(`/api/coop/fulfillments/${mine.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890123' })
        .expect(409);
      expect(again.body.code).toBe('FULFILLMENT_STATUS_CONFLICT');

      const tea = (await as(teaStaff).get('/api/coop/fulfillments?status=PENDING').expect(200)).body.items.find(
        (f: { orderNumber: string }) => f.orderNumber === order.number,
      );
      await as(teaStaff)
        .post(`/api/coop/fulfillments/${tea.id}/ship`, { carrier: '中国邮政', trackingNo: 'EMS-99887766', lots: await lotsFor(t, tea.id) })
        .expect(200);
      const shipped = await as(buyer).get(`/api/orders/${order.number}`).expect(200);
      expect(shipped.body.status).toBe('SHIPPED');
      expect(shipped.body.fulfillments.map((f: { status: string; trackingNo: string }) => [f.status, f.trackingNo]).sort()).toEqual([
        ['SHIPPED', 'EMS-99887766'],
        ['SHIPPED', 'SF1234567890123'],
      ]);
      expect((await as(buyer).post(`/api/orders/${order.number}/confirm-receipt`).expect(200)).body.status).toBe('COMPLETED');
      expect((await as(buyer).get('/api/orders').expect(200)).body.items[0].number).toBe(order.number);
    });

    it('cancels an unpaid order and puts its stock back, once', async () => {
      const buyer = await buyerWith([ambient, 3]);
      const before = await stockOf(ambient.variantId);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      expect(await stockOf(ambient.variantId)).toBe(before - 3);
      expect((await as(buyer).post(`/api/orders/${order.number}/cancel`).expect(200)).body.status).toBe('CANCELLED');
      expect(await stockOf(ambient.variantId)).toBe(before);
      expect((await as(buyer).post(`/api/orders/${order.number}/cancel`).expect(409)).body.code).toBe('ORDER_STATUS_CONFLICT');
      expect(await stockOf(ambient.variantId)).toBe(before);
      expect((await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(409)).body.code).toBe('ORDER_STATUS_CONFLICT');
    });

    it('refuses payment once the reservation has run out', async () => {
      const buyer = await buyerWith([ambient, 1]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      await t.sql(`UPDATE "order" SET expires_at = qh_now() - interval '1 second' WHERE number = $1`, [order.number]);
      expect((await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(409)).body.code).toBe('ORDER_STATUS_CONFLICT');
    });
  });

  describe('deadlines', () => {
    const deadlines = () => t.app.get(OrderDeadlinesService);

    it('cancels an unpaid order when its reservation runs out and puts the stock back exactly once', async () => {
      const buyer = await buyerWith([ambient, 2]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      await deadlines().expireDue();
      expect((await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body.status).toBe('AWAITING_PAYMENT');
      await t.sql(`UPDATE "order" SET expires_at = qh_now() - interval '1 second' WHERE number = $1`, [order.number]);
      await Promise.all([deadlines().expireDue(), deadlines().expireDue()]);
      await deadlines().expireDue();
      const { body } = await as(buyer).get(`/api/orders/${order.number}`).expect(200);
      expect(body).toMatchObject({ status: 'CANCELLED', payment: { status: 'CANCELLED' } });
      expect(body.fulfillments.map((f: { status: string }) => f.status)).toEqual(['CANCELLED']);
      // Other suites' orders may expire in the same runs: count this order's own movements.
      const movements = await t.sql(
        `SELECT m.reason, m.delta FROM inventory_movement m JOIN "order" o ON o.id = m.order_id WHERE o.number = $1 ORDER BY m.id`,
        [order.number],
      );
      expect(movements).toEqual([
        { reason: 'ORDER_RESERVED', delta: -2 },
        { reason: 'ORDER_RELEASED', delta: 2 },
      ]);
    });

    it('lets a payment and the expiry race: each order ends paid with its stock taken, or cancelled with it back', async () => {
      const scarce = await pick('AMBIENT', ambient.cooperativeId);
      await setStock(t, scarce.variantId, 100);
      const buyers = await Promise.all(Array.from({ length: 12 }, () => buyerWith([scarce, 1])));
      const numbers = await Promise.all(
        buyers.map(async (buyer) => (await as(buyer).checkout({ address: TIANHE }).expect(201)).body.number as string),
      );
      // Due, but only just: the payments below arrive while the job runs.
      await t.sql(`UPDATE "order" SET expires_at = qh_now() + interval '300 milliseconds' WHERE number = ANY($1)`, [numbers]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all([deadlines().expireDue(), ...buyers.map((buyer, i) => as(buyer).post(`/api/payments/demo/${numbers[i]}/pay`))]);
      await deadlines().expireDue();
      const orders = await t.sql(`SELECT status FROM "order" WHERE number = ANY($1)`, [numbers]);
      const paid = orders.filter((o) => o.status === 'PAID').length;
      expect(paid + orders.filter((o) => o.status === 'CANCELLED').length).toBe(12);
      expect(await stockOf(scarce.variantId)).toBe(100 - paid);
    });

    it('completes a shipped order ten days after its last shipment', async () => {
      const buyer = await buyerWith([ambient, 1]);
      const { body: order } = await as(buyer).checkout({ address: TIANHE }).expect(201);
      await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(200);
      const staff = await tokenFor(t, 'cooperative', ambient.cooperativeId);
      await as(staff)
        .post(`/api/coop/fulfillments/${order.fulfillments[0].id}/ship`, {
          carrier: '中国邮政',
          trackingNo: 'EMS-10203040',
          lots: await lotsFor(t, order.fulfillments[0].id),
        })
        .expect(200);
      await deadlines().completeDue();
      expect((await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body.status).toBe('SHIPPED');
      await t.sql(`UPDATE fulfillment SET shipped_at = qh_now() - interval '10 days 1 minute' WHERE id = $1`, [order.fulfillments[0].id]);
      await deadlines().completeDue();
      expect((await as(buyer).get(`/api/orders/${order.number}`).expect(200)).body.status).toBe('COMPLETED');
    });
  });

  it('schedules the deadline, refund, notification, reminder, order-count, ledger-digest, settlement, statement and purge jobs in pg-boss when jobs are on, and stops them on shutdown', async () => {
    const withJobs = await startTestApp({ JOBS_ENABLED: 'true' });
    try {
      const schedules = await withJobs.sql(`SELECT name, cron FROM pgboss.schedule ORDER BY name`);
      expect(schedules).toEqual([
        { name: 'billing-statements', cron: '5 * * * *' },
        { name: 'claims-overdue', cron: '* * * * *' },
        { name: 'households-settle', cron: '20 * * * *' },
        { name: 'impact-count-orders', cron: '* * * * *' },
        { name: 'ledger-digest', cron: '15 * * * *' },
        { name: 'maintenance-purge', cron: '40 3 * * *' },
        { name: 'notifications-deliver', cron: '* * * * *' },
        { name: 'orders-auto-complete', cron: '* * * * *' },
        { name: 'orders-expire-reservations', cron: '* * * * *' },
        { name: 'payments-submit-refunds', cron: '* * * * *' },
        { name: 'reminders-notify', cron: '* * * * *' },
      ]);
    } finally {
      await withJobs.close();
    }
  });
});
