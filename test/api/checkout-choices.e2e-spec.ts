import fc from 'fast-check';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { GUANGZHOU_ADDRESS, newCooperative, newProduct, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

const CONGHUA = '440117'; // no cold-chain delivery in the reference data

interface Quote {
  parts: { cooperative: { id: string }; feeFen: number; itemsFen: number }[];
  itemsFen: number;
  shippingFen: number;
  totalFen: number;
}

/**
 * What a buyer decides before paying: which cart lines to check out (勾选结算), what it will cost
 * (the quote, computed as the checkout computes it), and where it goes (the address book).
 */
describe('checkout choices: the lines, the quote and the address book', () => {
  let t: TestApp;
  let tea: Product;
  let eggs: Product;
  let noodles: Product;
  let teaCoopId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const teaCoop = await newCooperative(t);
    const eggCoop = await newCooperative(t);
    teaCoopId = teaCoop.id;
    tea = await newProduct(t, teaCoop, { priceFen: 3800, stock: 10_000, fields: { category: 'TEA', titleZh: '纳雍高山绿茶' } });
    noodles = await newProduct(t, teaCoop, { priceFen: 1200, stock: 10_000 });
    eggs = await newProduct(t, eggCoop, {
      stock: 10_000,
      variants: [{ labelZh: '30枚', labelEn: '30 eggs', priceFen: 5800, weightG: 1800, stock: 10_000 }],
      fields: { category: 'EGG', titleZh: '散养土鸡蛋', shippingClass: 'CHILLED', shelfLifeDays: 30 },
    });
  });
  afterAll(() => t.close());

  let keys = 0;
  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string) => request(t.url).put(path).set('Authorization', `Bearer ${token}`),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
    checkout: (body: object) =>
      request(t.url)
        .post('/api/checkout')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', `choices-${process.pid}-${(keys += 1)}`)
        .send(body),
  });
  async function buyerWith(lines: [Product, number][]): Promise<{ buyer: string; lineIds: Map<Product, string> }> {
    const buyer = await tokenFor(t, 'buyer');
    for (const [product, quantity] of lines)
      await as(buyer).post('/api/cart/lines', { variantId: product.variantId, quantity }).expect(200);
    const { body: cart } = await as(buyer).get('/api/cart').expect(200);
    const lineIds = new Map(
      lines.map(([product]) => [product, cart.lines.find((l: { variantId: string }) => l.variantId === product.variantId).id]),
    );
    return { buyer, lineIds };
  }

  it('quotes exactly what the checkout then charges, parcel by parcel (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        async (teas, eggBoxes, packs) => {
          const { buyer } = await buyerWith([[tea, teas], [eggs, eggBoxes], ...(packs ? [[noodles, packs] as [Product, number]] : [])]);
          const { body: quote } = (await as(buyer).post('/api/checkout/quote', { districtCode: '440106' }).expect(200)) as { body: Quote };
          const { body: order } = await as(buyer).checkout({ address: GUANGZHOU_ADDRESS }).expect(201);

          expect([quote.itemsFen, quote.shippingFen, quote.totalFen]).toEqual([order.itemsFen, order.shippingFen, order.totalFen]);
          const fees = (parts: { cooperative: { id: string }; feeFen: number }[]) =>
            Object.fromEntries(parts.map((part) => [part.cooperative.id, part.feeFen]));
          expect(fees(quote.parts)).toEqual(fees(order.fulfillments));
          expect(quote.totalFen).toBe(teas * 3800 + eggBoxes * 5800 + packs * 1200 + quote.shippingFen);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('orders only the ticked lines and leaves the others in the cart', async () => {
    const { buyer, lineIds } = await buyerWith([
      [tea, 2],
      [eggs, 1],
    ]);
    const chosen = [lineIds.get(tea)!];
    const { body: quote } = await as(buyer).post('/api/checkout/quote', { districtCode: '440106', lineIds: chosen }).expect(200);
    expect(quote.parts.map((p: { cooperative: { id: string } }) => p.cooperative.id)).toEqual([teaCoopId]);

    const { body: order } = await as(buyer).checkout({ address: GUANGZHOU_ADDRESS, lineIds: chosen }).expect(201);
    expect(order.totalFen).toBe(quote.totalFen);
    expect(order.fulfillments.flatMap((f: { lines: { variantId: string }[] }) => f.lines.map((l) => l.variantId))).toEqual([tea.variantId]);
    const { body: cart } = await as(buyer).get('/api/cart').expect(200);
    expect(cart.lines.map((l: { variantId: string }) => l.variantId)).toEqual([eggs.variantId]);

    // A ticked line that is gone from the cart is refused, not silently left out.
    const gone = await as(buyer).checkout({ address: GUANGZHOU_ADDRESS, lineIds: chosen }).expect(409);
    expect(gone.body).toMatchObject({ code: 'LINES_UNAVAILABLE', details: [{ field: `cart.lines.${chosen[0]}` }] });
  });

  it('says before paying when a district cannot take chilled goods, as the checkout would', async () => {
    const { buyer, lineIds } = await buyerWith([
      [tea, 1],
      [eggs, 1],
    ]);
    const refused = await as(buyer).post('/api/checkout/quote', { districtCode: CONGHUA }).expect(422);
    expect(refused.body).toMatchObject({ code: 'COLD_CHAIN_UNAVAILABLE', details: [{ field: `cart.lines.${lineIds.get(eggs)}` }] });
    // Without the eggs, 从化区 is fine.
    await as(buyer)
      .post('/api/checkout/quote', { districtCode: CONGHUA, lineIds: [lineIds.get(tea)] })
      .expect(200);
    expect((await as(buyer).post('/api/checkout/quote', { districtCode: '999999' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(
      (
        await as(buyer)
          .post('/api/checkout/quote', { districtCode: '440106', lineIds: ['not-a-uuid'] })
          .expect(400)
      ).body.code,
    ).toBe('VALIDATION_FAILED');
  });

  it('keeps each address checked out to once, the last one used as the default', async () => {
    const { buyer } = await buyerWith([[tea, 1]]);
    await as(buyer).checkout({ address: GUANGZHOU_ADDRESS }).expect(201);
    const office = { name: '陈晓岚', mobile: '13900139000', districtCode: '440104', street: '越秀区东风中路 300 号' };
    for (const address of [office, GUANGZHOU_ADDRESS]) {
      await as(buyer).post('/api/cart/lines', { variantId: tea.variantId, quantity: 1 }).expect(200);
      await as(buyer).checkout({ address }).expect(201);
    }

    const { body: book } = await as(buyer).get('/api/addresses').expect(200);
    expect(book.items.map((a: { street: string; isDefault: boolean }) => [a.street, a.isDefault])).toEqual([
      [GUANGZHOU_ADDRESS.street, true],
      [office.street, false],
    ]);
    const officeId = book.items[1].id;
    expect((await as(buyer).put(`/api/addresses/${officeId}/default`).expect(200)).body).toMatchObject({ id: officeId, isDefault: true });
    expect((await as(buyer).get('/api/addresses').expect(200)).body.items[0].id).toBe(officeId);

    await as(buyer).delete(`/api/addresses/${officeId}`).expect(204);
    const { body: after } = await as(buyer).get('/api/addresses').expect(200);
    expect(after.items.map((a: { street: string; isDefault: boolean }) => [a.street, a.isDefault])).toEqual([
      [GUANGZHOU_ADDRESS.street, true],
    ]);

    // Another buyer neither sees nor touches them.
    const other = await tokenFor(t, 'buyer');
    expect((await as(other).get('/api/addresses').expect(200)).body.items).toEqual([]);
    expect((await as(other).delete(`/api/addresses/${after.items[0].id}`).expect(404)).body.code).toBe('ADDRESS_NOT_FOUND');
    expect((await as(other).put(`/api/addresses/${after.items[0].id}/default`).expect(404)).body.code).toBe('ADDRESS_NOT_FOUND');
  });
});
