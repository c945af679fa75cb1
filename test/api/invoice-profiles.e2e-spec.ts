import { addDays } from '@qh/domain';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { GUANGZHOU_ADDRESS, newCooperative, newProduct, type Product } from '../support/builders';
import { joinedMember, organisationCreditCode, signedInBuyer, verifiedCanteen } from '../support/organisations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Invoice profiles (开票信息): buyers and organisations keep the details their invoices are made out
 * to, ordinary (普票) or special (专票), checked; an order records the profile it asked for as it was.
 */
describe('invoice profiles', () => {
  let t: TestApp;
  let admin: string;
  let product: Product;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    product = await newProduct(t, await newCooperative(t), { priceFen: 8_800, stock: 1_000 });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}, key?: string) => {
      const call = request(t.url).post(path).set('Authorization', `Bearer ${token}`);
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    },
    put: (path: string, body: object) => request(t.url).put(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
  });

  const special = () => ({
    kind: 'SPECIAL',
    title: '广州市天河区某某中学',
    taxNumber: organisationCreditCode('12'),
    address: '广州市天河区天府路 1 号',
    phone: '020-38880000',
    bankName: '中国工商银行广州天河支行',
    bankAccount: '3602 0000 0920 0123 456',
  });

  it('keeps a buyer’s profiles: the first is the default, a special invoice needs every field, a tax number must check', async () => {
    const buyer = await signedInBuyer(t);
    const ordinary = await as(buyer.token).post('/api/invoice-profiles', { kind: 'ORDINARY', title: '陈晓岚' }).expect(201);
    expect(ordinary.body).toMatchObject({ kind: 'ORDINARY', title: '陈晓岚', taxNumber: null, isDefault: true });

    const incomplete = await as(buyer.token).post('/api/invoice-profiles', {
      kind: 'SPECIAL',
      title: '某某公司',
      taxNumber: organisationCreditCode(),
    });
    expect([incomplete.status, incomplete.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(incomplete.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'address',
      'bankAccount',
      'bankName',
      'phone',
    ]);
    const code = organisationCreditCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const bad = await as(buyer.token).post('/api/invoice-profiles', { ...special(), taxNumber: wrongCheck });
    expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'taxNumber']);

    const company = await as(buyer.token)
      .post('/api/invoice-profiles', { ...special(), isDefault: true })
      .expect(201);
    let list = (await as(buyer.token).get('/api/invoice-profiles').expect(200)).body.items;
    expect(list.map((profile: { id: string; isDefault: boolean }) => [profile.id, profile.isDefault])).toEqual([
      [company.body.id, true],
      [ordinary.body.id, false],
    ]);

    // Changed, then removed: the other becomes the default.
    const changed = await as(buyer.token)
      .put(`/api/invoice-profiles/${company.body.id}`, { ...special(), title: '某某公司（新名）' })
      .expect(200);
    expect(changed.body).toMatchObject({ title: '某某公司（新名）', isDefault: true });
    await as(buyer.token).delete(`/api/invoice-profiles/${company.body.id}`).expect(204);
    list = (await as(buyer.token).get('/api/invoice-profiles').expect(200)).body.items;
    expect(list).toEqual([expect.objectContaining({ id: ordinary.body.id, isDefault: true })]);

    // Another buyer neither sees nor touches them.
    const stranger = await signedInBuyer(t);
    expect((await as(stranger.token).get('/api/invoice-profiles').expect(200)).body.items).toEqual([]);
    const foreign = await as(stranger.token).put(`/api/invoice-profiles/${ordinary.body.id}`, { kind: 'ORDINARY', title: '冒名' });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'INVOICE_PROFILE_NOT_FOUND']);
    expect((await as(stranger.token).delete(`/api/invoice-profiles/${ordinary.body.id}`).expect(404)).body.code).toBe(
      'INVOICE_PROFILE_NOT_FOUND',
    );
  });

  it('refuses a twenty-first profile', async () => {
    const buyer = await signedInBuyer(t);
    for (let i = 0; i < 20; i++)
      await as(buyer.token)
        .post('/api/invoice-profiles', { kind: 'ORDINARY', title: `抬头${i}` })
        .expect(201);
    const more = await as(buyer.token).post('/api/invoice-profiles', { kind: 'ORDINARY', title: '再来一个' });
    expect([more.status, more.body.code]).toEqual([409, 'TOO_MANY_INVOICE_PROFILES']);
  });

  it('records on the order the profile it asked for, as it was; never another buyer’s; not beside typed-in details', async () => {
    const buyer = await signedInBuyer(t);
    const { body: profile } = await as(buyer.token).post('/api/invoice-profiles', special()).expect(201);
    await as(buyer.token).post('/api/cart/lines', { variantId: product.variantId, quantity: 1 }).expect(200);
    serial += 1;
    const both = await as(buyer.token).post(
      '/api/checkout',
      { address: GUANGZHOU_ADDRESS, invoiceProfileId: profile.id, invoice: { title: 'x公司', creditCode: organisationCreditCode() } },
      `invoice-${serial}`,
    );
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const stranger = await signedInBuyer(t);
    await as(stranger.token).post('/api/cart/lines', { variantId: product.variantId, quantity: 1 }).expect(200);
    serial += 1;
    const foreign = await as(stranger.token).post(
      '/api/checkout',
      { address: GUANGZHOU_ADDRESS, invoiceProfileId: profile.id },
      `invoice-${serial}`,
    );
    expect([foreign.status, foreign.body.code]).toEqual([404, 'INVOICE_PROFILE_NOT_FOUND']);
    // Nothing was half done: the stranger's cart still holds the line, no order was made.
    expect((await as(stranger.token).get('/api/orders').expect(200)).body.items).toEqual([]);

    serial += 1;
    const { body: order } = await as(buyer.token)
      .post('/api/checkout', { address: GUANGZHOU_ADDRESS, invoiceProfileId: profile.id }, `invoice-${serial}`)
      .expect(201);
    const { id: _id, isDefault: _default, updatedAt: _updated, ...details } = profile;
    expect(order.invoice).toEqual({ profileId: profile.id, ...details });
    await as(buyer.token)
      .put(`/api/invoice-profiles/${profile.id}`, { ...special(), title: '改过的抬头' })
      .expect(200);
    expect((await as(buyer.token).get(`/api/orders/${order.number}`).expect(200)).body.invoice.title).toBe(details.title);
  });

  it('keeps an organisation’s profiles for every member to use, kept by managers and finance only, and no other organisation’s', async () => {
    const org = await verifiedCanteen(t, admin);
    const purchaser = await joinedMember(t, org.manager.token, ['PURCHASER']);
    const finance = await joinedMember(t, org.manager.token, ['FINANCE']);
    const refused = await as(purchaser.token).post('/api/org/invoice-profiles', special());
    expect([refused.status, refused.body.code]).toEqual([403, 'ORGANISATION_ROLE_REQUIRED']);
    const { body: profile } = await as(finance.token).post('/api/org/invoice-profiles', special()).expect(201);
    expect((await as(purchaser.token).get('/api/org/invoice-profiles').expect(200)).body.items).toEqual([
      expect.objectContaining({ id: profile.id, isDefault: true }),
    ]);
    // The buyer's own list and the organisation's are apart.
    expect((await as(finance.token).get('/api/invoice-profiles').expect(200)).body.items).toEqual([]);

    const other = await verifiedCanteen(t, admin);
    expect((await as(other.manager.token).get('/api/org/invoice-profiles').expect(200)).body.items).toEqual([]);
    expect((await as(other.manager.token).put(`/api/org/invoice-profiles/${profile.id}`, special()).expect(404)).body.code).toBe(
      'INVOICE_PROFILE_NOT_FOUND',
    );

    const orderWith = (who: typeof org, invoiceProfileId: string) => {
      serial += 1;
      return as(who.manager.token).post(
        '/api/org/orders',
        {
          siteId: who.siteId,
          deliveryOn: addDays(t.clock.today(), 4),
          lines: [{ variantId: product.variantId, quantity: 10 }],
          invoiceProfileId,
        },
        `org-invoice-${serial}`,
      );
    };
    const foreign = await orderWith(other, profile.id);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'INVOICE_PROFILE_NOT_FOUND']);
    const { body: order } = await orderWith(org, profile.id).expect(201);
    expect(order.invoice).toMatchObject({ profileId: profile.id, kind: 'SPECIAL', title: profile.title, taxNumber: profile.taxNumber });
  });
});
