import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { GUANGZHOU_ADDRESS, newCooperative, newProduct, paidOrder, type Cooperative, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Buying by the case: a cooperative sets quantity price breaks (阶梯价) on a variant, and every line
 * that reaches one is priced by it, in the cart, the quote and the order; and a cooperative says how
 * many days it needs before an organisation's delivery.
 */
describe('price breaks and lead days', () => {
  let t: TestApp;
  let coop: Cooperative;
  let eggs: Product;

  beforeAll(async () => {
    t = await startTestApp();
    coop = await newCooperative(t);
    eggs = await newProduct(t, coop, { priceFen: 8800, stock: 1000 });
  });
  afterAll(() => t.close());

  const setBreaks = (token: string, variantId: string, breaks: object[]) =>
    request(t.url).put(`/api/coop/variants/${variantId}/price-breaks`).set('Authorization', `Bearer ${token}`).send({ breaks });
  const LADDER = [
    { minQuantity: 50, priceFen: 7800 },
    { minQuantity: 20, priceFen: 8200 },
  ];

  it('keeps a ladder cheaper with each step, shows it to buyers, and refuses one that is not', async () => {
    const set = await setBreaks(coop.staff, eggs.variantId, LADDER).expect(200);
    const ordered = [LADDER[1], LADDER[0]];
    expect(set.body.variants[0].priceBreaks).toEqual(ordered);
    const shown = await request(t.url).get(`/api/products/${eggs.slug}`).expect(200);
    expect(shown.body.variants[0]).toMatchObject({ priceFen: 8800, priceBreaks: ordered });

    for (const bad of [
      [{ minQuantity: 20, priceFen: 8800 }],
      [
        { minQuantity: 20, priceFen: 8200 },
        { minQuantity: 50, priceFen: 8300 },
      ],
      [{ minQuantity: 1, priceFen: 100 }],
    ]) {
      const refused = await setBreaks(coop.staff, eggs.variantId, bad).expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    // Nothing of the refused ladders was kept.
    expect((await request(t.url).get(`/api/products/${eggs.slug}`).expect(200)).body.variants[0].priceBreaks).toEqual(ordered);

    // A new price must stay above the breaks.
    const cheaper = await request(t.url)
      .patch(`/api/coop/variants/${eggs.variantId}`)
      .set('Authorization', `Bearer ${coop.staff}`)
      .send({ priceFen: 8000 })
      .expect(400);
    expect(cheaper.body.details).toEqual([expect.objectContaining({ field: 'priceFen', rules: ['priceBreaks'] })]);

    const other = await newCooperative(t);
    expect((await setBreaks(other.staff, eggs.variantId, []).expect(403)).body.code).toBe('NOT_YOUR_COOPERATIVE');
    const audit = await t.sql(`SELECT after FROM audit_log WHERE action = 'variant.price_breaks_set' AND entity_id = $1`, [eggs.variantId]);
    expect(audit).toEqual([{ after: { priceBreaks: ordered } }]);
  });

  it('prices each line by the break its quantity reaches, in the cart and the order, to the fen', async () => {
    await setBreaks(coop.staff, eggs.variantId, LADDER).expect(200);
    const buyer = await tokenFor(t, 'buyer');
    const order = await paidOrder(t, buyer, [{ variantId: eggs.variantId, quantity: 20 }]);
    const line = (order.fulfillments as { lines: { unitPriceFen: number; quantity: number }[] }[])[0].lines[0];
    expect(line).toMatchObject({ unitPriceFen: 8200, quantity: 20 });
    expect(order.itemsFen).toBe(20 * 8200);

    const other = await tokenFor(t, 'buyer');
    const cart = request(t.url);
    await cart
      .post('/api/cart/lines')
      .set('Authorization', `Bearer ${other}`)
      .send({ variantId: eggs.variantId, quantity: 19 })
      .expect(200);
    const nineteen = await cart.get('/api/cart').set('Authorization', `Bearer ${other}`).expect(200);
    expect(nineteen.body.lines[0]).toMatchObject({ unitPriceFen: 8800, lineTotalFen: 19 * 8800 });
    const quote = await cart
      .post('/api/checkout/quote')
      .set('Authorization', `Bearer ${other}`)
      .send({ districtCode: GUANGZHOU_ADDRESS.districtCode })
      .expect(200);
    expect(quote.body.itemsFen).toBe(19 * 8800);
  });

  it("lets a cooperative's staff set the days it needs before a delivery, 0 to 30", async () => {
    const portal = request(t.url);
    expect((await portal.get('/api/coop/cooperative').set('Authorization', `Bearer ${coop.staff}`).expect(200)).body.leadDays).toBe(2);
    const changed = await portal
      .patch('/api/coop/cooperative')
      .set('Authorization', `Bearer ${coop.staff}`)
      .send({ leadDays: 3 })
      .expect(200);
    expect(changed.body.leadDays).toBe(3);
    const refused = await portal
      .patch('/api/coop/cooperative')
      .set('Authorization', `Bearer ${coop.staff}`)
      .send({ leadDays: 31 })
      .expect(400);
    expect(refused.body.details[0].field).toBe('leadDays');
  });
});
