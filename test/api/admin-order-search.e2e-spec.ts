import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { GUANGZHOU_ADDRESS, newCooperative, newProduct, paidOrder, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/** Support finds an order the way a buyer describes it: its number, the mobile it went to, or the account's email. */
describe('admins searching orders', () => {
  let t: TestApp;
  let admin: string;
  let noodles: Product;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    noodles = await newProduct(t, await newCooperative(t, { nameZh: '纳雍县挂面专业合作社' }), { stock: 1000 });
  });
  afterAll(() => t.close());

  const search = (query: string) => request(t.url).get(`/api/admin/orders?${query}`).set('Authorization', `Bearer ${admin}`);
  const numbers = async (query: string) => (await search(query).expect(200)).body.items.map((o: { number: string }) => o.number);

  it('finds orders by number or its start, by the mobile they went to, by the buyer’s email, and by status', async () => {
    const buyer = await tokenFor(t, 'buyer');
    const [{ email }] = await t.sql(`SELECT a.email FROM account a WHERE a.role = 'buyer' ORDER BY a.created_at DESC LIMIT 1`);
    const first = await paidOrder(t, buyer, [{ variantId: noodles.variantId, quantity: 1 }]);
    const second = await paidOrder(t, buyer, [{ variantId: noodles.variantId, quantity: 2 }]);
    const other = await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: noodles.variantId, quantity: 1 }]);
    await t.sql(`UPDATE "order" SET address = jsonb_set(address, '{mobile}', '"13911112222"') WHERE number = $1`, [other.number]);

    expect(await numbers(`q=${first.number}`)).toEqual([first.number]);
    expect(await numbers(`q=${GUANGZHOU_ADDRESS.mobile}`)).toEqual([second.number, first.number]);
    expect(await numbers(`q=${encodeURIComponent(String(email).toUpperCase())}`)).toEqual([second.number, first.number]);
    expect(await numbers(`q=13911112222&status=PAID`)).toEqual([other.number]);
    expect(await numbers(`q=13911112222&status=SHIPPED`)).toEqual([]);
    expect(await numbers(`q=${first.number.slice(0, 10)}&limit=2`)).toHaveLength(2);

    const { body } = await search(`q=${GUANGZHOU_ADDRESS.mobile}&limit=1`).expect(200);
    // The list shows the mobile masked; the order itself (GET /api/admin/orders/:number) has the address.
    expect(body.items[0]).toMatchObject({
      number: second.number,
      status: 'PAID',
      buyerEmail: email,
      recipient: GUANGZHOU_ADDRESS.name,
      mobileMasked: '138****8000',
      cooperatives: ['纳雍县挂面专业合作社'],
    });
    expect(JSON.stringify(body)).not.toContain(GUANGZHOU_ADDRESS.mobile);
    expect(await numbers(`q=${GUANGZHOU_ADDRESS.mobile}&cursor=${body.nextCursor}`)).toEqual([first.number]);
  });

  it('refuses a search it cannot read, and a cursor of another list', async () => {
    expect((await search('q=陈晓岚').expect(400)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'q', rules: ['matches'] }],
    });
    expect((await search('status=SOMETIMES').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await search('cursor=bm90LWEtY3Vyc29y').expect(400)).body.code).toBe('INVALID_CURSOR');
  });
});
