import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder, type Cooperative, type Order, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

interface Line {
  id: string;
  variantId: string;
  quantity: number;
  refundedQuantity: number;
  lineTotalFen: number;
}
interface Parcel {
  id: string;
  status: string;
  feeFen: number;
  cooperative: { id: string };
  lines: Line[];
}
type BuyerOrder = Order & {
  fulfillments: Parcel[];
  refundedFen: number;
  shippingFen: number;
  refunds: { reason: string; amountFen: number; shippingFen: number; status: string }[];
  impact: { linkedSalesFen: number; poolFen: number; cooperatives: { id: string }[] };
};

/**
 * A refund of one cooperative's goods in a two-cooperative order, as the buyer, the cooperative and
 * the shop see it afterwards: the order says where the rest of the goods are, the refunded parcel is
 * called off with its fee, and the receipt counts only what was kept.
 */
describe('a partial refund keeps the order true', () => {
  let t: TestApp;
  let admin: string;
  let teaCoop: Cooperative;
  let eggCoop: Cooperative;
  let tea: Product;
  let eggs: Product;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    teaCoop = await newCooperative(t, { nameZh: '纳雍县总溪河茶叶专业合作社' });
    eggCoop = await newCooperative(t, { nameZh: '纳雍县土鸡蛋养殖专业合作社' });
    // Certified well past both moments the suite runs at.
    tea = await newProduct(t, teaCoop, {
      priceFen: 3800,
      certifiedUntil: '2028-12-31',
      fields: { category: 'TEA', titleZh: '纳雍高山绿茶' },
    });
    eggs = await newProduct(t, eggCoop, {
      priceFen: 3000,
      certifiedUntil: '2028-12-31',
      fields: { category: 'EGG', titleZh: '散养土鸡蛋', titleEn: 'Free-range eggs', shippingClass: 'CHILLED', shelfLifeDays: 30 },
    });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const stockOf = async (variantId: string) =>
    (await t.sql(`SELECT stock FROM product_variant WHERE id = $1`, [variantId]))[0].stock as number;
  const orderOf = async (buyer: string, number: string): Promise<BuyerOrder> =>
    (await as(buyer).get(`/api/orders/${number}`).expect(200)).body;
  const parcelOf = (order: BuyerOrder, coop: Cooperative) => order.fulfillments.find((f) => f.cooperative.id === coop.id)!;

  async function teaAndEggs(): Promise<{ buyer: string; order: BuyerOrder }> {
    const buyer = await tokenFor(t, 'buyer');
    const paid = await paidOrder(t, buyer, [
      { variantId: tea.variantId, quantity: 2 },
      { variantId: eggs.variantId, quantity: 2 },
    ]);
    return { buyer, order: await orderOf(buyer, paid.number) };
  }

  async function refundEggs(order: BuyerOrder, reason: string) {
    const eggLine = parcelOf(order, eggCoop).lines[0];
    return as(admin)
      .post('/api/admin/refunds', { orderNumber: order.number, lines: [{ lineId: eggLine.id, quantity: eggLine.quantity }], reason })
      .expect(201);
  }

  it('calls off the refunded parcel with its fee, returns its stock, and leaves the rest of the order as it was', async () => {
    const { buyer, order } = await teaAndEggs();
    const eggParcel = parcelOf(order, eggCoop);
    const teaParcel = parcelOf(order, teaCoop);
    expect(eggParcel.feeFen).toBeGreaterThan(0);
    const eggStock = await stockOf(eggs.variantId);

    const { body: refund } = await refundEggs(order, '鸡蛋运输途中破损风险高，按买家要求退款');
    expect(refund).toMatchObject({ amountFen: eggParcel.lines[0].lineTotalFen + eggParcel.feeFen, shippingFen: eggParcel.feeFen });

    const after = await orderOf(buyer, order.number);
    expect(after.status).toBe('PAID');
    expect(after.refundedFen).toBe(refund.amountFen);
    expect(parcelOf(after, eggCoop)).toMatchObject({ status: 'CANCELLED', lines: [expect.objectContaining({ refundedQuantity: 2 })] });
    expect(parcelOf(after, teaCoop)).toMatchObject({ status: 'PENDING', lines: [expect.objectContaining({ refundedQuantity: 0 })] });
    expect(after.refunds).toEqual([expect.objectContaining({ reason: '鸡蛋运输途中破损风险高，按买家要求退款', status: 'SUCCEEDED' })]);
    expect(await stockOf(eggs.variantId)).toBe(eggStock + 2);

    // The receipt counts the tea alone, as the officials' figures do.
    expect(after.impact.cooperatives.map((c) => c.id)).toEqual([teaCoop.id]);
    expect(after.impact.linkedSalesFen).toBe(teaParcel.lines[0].lineTotalFen);
    expect(after.impact.poolFen).toBeLessThan(order.impact.poolFen);

    // The egg cooperative cannot ship what was refunded; the buyer cannot confirm receipt of nothing.
    const ship = await as(eggCoop.staff)
      .post(`/api/coop/fulfillments/${eggParcel.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890123' })
      .expect(409);
    expect(ship.body.code).toBe('FULFILLMENT_STATUS_CONFLICT');
    expect((await as(buyer).post(`/api/orders/${order.number}/confirm-receipt`).expect(409)).body.code).toBe('ORDER_STATUS_CONFLICT');

    // The tea has not shipped, so the buyer may still cancel it: the rest comes back, tea fee included.
    const teaStock = await stockOf(tea.variantId);
    const cancelled = (await as(buyer).post(`/api/orders/${order.number}/cancel`).expect(200)).body as BuyerOrder;
    expect(cancelled.status).toBe('CANCELLED');
    const final = await orderOf(buyer, order.number);
    expect(final.refundedFen).toBe(order.totalFen);
    expect(final.refunds.map((r) => r.amountFen)).toEqual([refund.amountFen, order.totalFen - refund.amountFen]);
    expect(await stockOf(tea.variantId)).toBe(teaStock + 2);
    expect(await stockOf(eggs.variantId)).toBe(eggStock + 2);
  });

  it('makes the order shipped when the refunded parcel was the last one still to send', async () => {
    const { buyer, order } = await teaAndEggs();
    await as(teaCoop.staff)
      .post(`/api/coop/fulfillments/${parcelOf(order, teaCoop).id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF2234567890123' })
      .expect(200);
    expect((await orderOf(buyer, order.number)).status).toBe('PARTIALLY_SHIPPED');

    await refundEggs(order, '鸡蛋缺货');
    expect((await orderOf(buyer, order.number)).status).toBe('SHIPPED');
    expect((await as(buyer).post(`/api/orders/${order.number}/confirm-receipt`).expect(200)).body.status).toBe('COMPLETED');
  });

  it('keeps the fee and the stock of goods that travelled: a refund for a broken parcel after shipping', async () => {
    const { buyer, order } = await teaAndEggs();
    const eggParcel = parcelOf(order, eggCoop);
    await as(eggCoop.staff)
      .post(`/api/coop/fulfillments/${eggParcel.id}/ship`, { carrier: '京东物流', trackingNo: 'JD0012345678' })
      .expect(200);
    const eggStock = await stockOf(eggs.variantId);

    const { body: refund } = await refundEggs(order, '到货破损，坏蛋包赔');
    expect(refund).toMatchObject({ amountFen: eggParcel.lines[0].lineTotalFen, shippingFen: 0 });
    const after = await orderOf(buyer, order.number);
    expect(after.status).toBe('PARTIALLY_SHIPPED');
    expect(parcelOf(after, eggCoop).status).toBe('SHIPPED');
    expect(await stockOf(eggs.variantId)).toBe(eggStock);
  });

  it('files the buyer’s orders under 待付款, 待发货, 待收货 and 退款/售后', async () => {
    const { buyer, order: refunded } = await teaAndEggs();
    await refundEggs(refunded, '鸡蛋缺货');
    const shipped = await paidOrder(t, buyer, [
      { variantId: tea.variantId, quantity: 1 },
      { variantId: eggs.variantId, quantity: 1 },
    ]);
    await as(teaCoop.staff)
      .post(`/api/coop/fulfillments/${parcelOf(await orderOf(buyer, shipped.number), teaCoop).id}/ship`, {
        carrier: '顺丰速运',
        trackingNo: 'SF3234567890123',
      })
      .expect(200);
    await as(buyer).post('/api/cart/lines', { variantId: tea.variantId, quantity: 1 }).expect(200);
    const { body: unpaid } = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', `tabs-${Date.now()}`)
      .send({ address: { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号' } })
      .expect(201);

    const tab = async (name?: string) =>
      (
        await as(buyer)
          .get(`/api/orders${name ? `?tab=${name}` : ''}`)
          .expect(200)
      ).body.items.map((o: { number: string }) => o.number);
    expect(await tab()).toEqual([unpaid.number, shipped.number, refunded.number]);
    expect(await tab('UNPAID')).toEqual([unpaid.number]);
    expect(await tab('TO_SHIP')).toEqual([shipped.number, refunded.number]);
    expect(await tab('TO_RECEIVE')).toEqual([shipped.number]);
    expect(await tab('AFTER_SALES')).toEqual([refunded.number]);
    expect((await as(buyer).get('/api/orders?tab=SOMETHING').expect(400)).body.code).toBe('VALIDATION_FAILED');
    // Each line carries its product's photo for a thumbnail (none uploaded here).
    expect(parcelOf(await orderOf(buyer, shipped.number), teaCoop).lines[0]).toHaveProperty('imageUrl', null);
  });

  it('checks a tracking number against its carrier: an SF number must look like one; any other carrier’s loosely', async () => {
    const { order } = await teaAndEggs();
    const eggParcel = parcelOf(order, eggCoop);
    const wrong = await as(eggCoop.staff)
      .post(`/api/coop/fulfillments/${eggParcel.id}/ship`, { carrier: '顺丰速运', trackingNo: '753123456789' })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'trackingNo', rules: ['trackingFormat'] }] });
    await as(eggCoop.staff)
      .post(`/api/coop/fulfillments/${eggParcel.id}/ship`, { carrier: '纳雍冷链专线', trackingNo: 'NY-000123' })
      .expect(200);
  });
});
