import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import { tokenFor } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

const TIANHE = { name: '陈晓岚', mobile: '13912345678', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

interface Shop {
  cooperativeId: string;
  productId: string;
  slug: string;
  variantId: string;
}

let households = 0;

/** A verified cooperative of `township` with one certified ambient product on sale, linked to `linked` households. */
async function smallCooperative(t: TestApp, township: string, linked: number, name: string): Promise<Shop> {
  const [{ id: cooperativeId }] = await t.sql(
    `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code, status, default_benefit_rate_bp, verified_at)
     VALUES ($1, $1, '93520525' || lpad((floor(random() * 1e9))::text, 9, '0') || 'X', $2, 'VERIFIED', 800, qh_now()) RETURNING id`,
    [name, township],
  );
  const slug = `privacy-${township}`;
  const [{ id: productId }] = await t.sql(
    `INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, certification_no, certification_issuer,
                          certified_until, shipping_class, shelf_life_days, status, published_at)
     VALUES ($1, 'NOODLE', $2, $3, $3, $4, 'NY-P-1', '纳雍县', '2099-12-31', 'AMBIENT', 180, 'PUBLISHED', qh_now()) RETURNING id`,
    [cooperativeId, slug, `${name}面条`, township],
  );
  const [{ id: variantId }] = await t.sql(
    `INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock)
     VALUES ($1, $2, '500克', '500 g', 1500, 600, 100) RETURNING id`,
    [productId, `${slug}-1`],
  );
  for (let n = 0; n < linked; n += 1) {
    households += 1;
    const [{ id: householdId }] = await t.sql(
      `INSERT INTO household (code, township_code, village, members, registered_year, exit_year, status, head_name_enc, id_number_enc, id_hmac, id_masked)
       VALUES ($1, $2, '小村', 3, 2015, 2019, 'LIFTED', '\\x00', '\\x00', $3, '5205**********0001') RETURNING id`,
      [`NY-8${String(households).padStart(5, '0')}`, township, Buffer.from(`privacy-${households}`)],
    );
    await t.sql(
      `INSERT INTO household_link (household_id, cooperative_id, mechanism, weight, valid_from) VALUES ($1, $2, 'EMPLOYMENT', 1, '2020-01-01')`,
      [householdId, cooperativeId],
    );
  }
  return { cooperativeId: String(cooperativeId), productId: String(productId), slug, variantId: String(variantId) };
}

describe('privacy at the edges of what is public', () => {
  let t: TestApp;
  let keys = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  async function order(shop: Shop, pay: boolean): Promise<string> {
    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).post('/api/cart/lines', { variantId: shop.variantId, quantity: 1 }).expect(200);
    const { body } = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', `privacy-${(keys += 1)}-order`)
      .send({ address: TIANHE })
      .expect(201);
    if (pay) await as(buyer).post(`/api/payments/demo/${body.number}/pay`).expect(200);
    else await as(buyer).post(`/api/orders/${body.number}/cancel`).expect(200);
    return body.number as string;
  }

  it('shows no public figure, money included, while every sale reaches fewer than 5 households', async () => {
    const shop = await smallCooperative(t, '520525101', 3, '三户社');
    await order(shop, true);
    const { body } = await request(t.url).get('/api/impact/public').expect(200);
    expect(body).toMatchObject({ linkedSalesFen: null, poolFen: null, households: null, people: null });
    for (const group of [...body.byCategory, ...body.byTownship]) {
      expect(group).toMatchObject({ key: 'OTHER', linkedSalesFen: null, poolFen: null, households: null, people: null });
    }
  });

  it('gives a product’s and a cooperative’s household counts only from 5 up', async () => {
    const few = await smallCooperative(t, '520525102', 4, '四户社');
    const many = await smallCooperative(t, '520525103', 6, '六户社');
    const fewPage = (await request(t.url).get(`/api/products/${few.slug}`).expect(200)).body;
    expect(fewPage.linkedHouseholds).toEqual({
      households: null,
      byMechanism: [
        { mechanism: 'EQUITY_DIVIDEND', households: 0 },
        { mechanism: 'CONTRACT_PURCHASE', households: 0 },
        { mechanism: 'EMPLOYMENT', households: null },
        { mechanism: 'LAND_LEASE', households: 0 },
      ],
    });
    expect((await request(t.url).get(`/api/cooperatives/${few.cooperativeId}`).expect(200)).body.linkedHouseholds.households).toBeNull();
    const manyPage = (await request(t.url).get(`/api/products/${many.slug}`).expect(200)).body;
    expect(manyPage.linkedHouseholds).toMatchObject({ households: 6 });
    expect(manyPage.linkedHouseholds.byMechanism).toContainEqual({ mechanism: 'EMPLOYMENT', households: 6 });
  });

  it('shows a cooperative the buyer’s name, mobile and address only on paid orders', async () => {
    const shop = await smallCooperative(t, '520525104', 0, '发货社');
    const unpaid = await order(shop, false);
    const paid = await order(shop, true);
    const staff = await tokenFor(t, 'cooperative', shop.cooperativeId);
    const { body } = await as(staff).get('/api/coop/fulfillments').expect(200);
    expect(body.items.map((item: { orderNumber: string }) => item.orderNumber)).toEqual([paid]);
    expect(JSON.stringify(body)).not.toContain(unpaid);
    expect(body.items[0].address).toMatchObject({ mobile: TIANHE.mobile });
  });

  it('exports names that look like formulas as text a spreadsheet will not run', async () => {
    const shop = await smallCooperative(t, '520525107', 0, '=HYPERLINK("http://evil.example","点")');
    await order(shop, true);
    const official = await tokenFor(t, 'official');
    const { text } = await as(official).get('/api/impact/export.csv?table=cooperative').expect(200);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('takes no form posts, so that another site cannot sign a visitor into its own account', async () => {
    await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ('attacker@example.cn', $1, 'buyer')`, [
      await hashPassword('attackers-password'),
    ]);
    const forged = await request(t.url)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('email=attacker%40example.cn&password=attackers-password');
    expect([forged.status, forged.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(forged.headers['set-cookie']).toBeUndefined();
    const asJson = await request(t.url).post('/api/auth/login').send({ email: 'attacker@example.cn', password: 'attackers-password' });
    expect(asJson.status).toBe(200);
  });

  it('lets into a cart only what is on sale, and tells nothing of the rest', async () => {
    const shop = await smallCooperative(t, '520525105', 0, '下架社');
    const hidden = {
      draft: `UPDATE product SET status = 'DRAFT' WHERE id = $1`,
      archived: `UPDATE product SET status = 'ARCHIVED' WHERE id = $1`,
      'out of its season': `UPDATE product SET sale_starts_at = qh_now() + interval '30 days', sale_ends_at = qh_now() + interval '60 days' WHERE id = $1`,
      'of a suspended cooperative': `UPDATE cooperative SET status = 'SUSPENDED' WHERE id = (SELECT cooperative_id FROM product WHERE id = $1)`,
    };
    const reset = `UPDATE product SET status = 'PUBLISHED', sale_starts_at = NULL, sale_ends_at = NULL WHERE id = $1;`;
    for (const [why, change] of Object.entries(hidden)) {
      await t.sql(change, [shop.productId]);
      const response = await request(t.url).post('/api/cart/lines').send({ variantId: shop.variantId, quantity: 1 });
      expect([why, response.status, response.body.code]).toEqual([why, 404, 'VARIANT_NOT_FOUND']);
      expect(JSON.stringify(response.body)).not.toContain('下架社');
      expect(response.headers['set-cookie']).toBeUndefined();
      await t.sql(reset, [shop.productId]);
      await t.sql(`UPDATE cooperative SET status = 'VERIFIED' WHERE id = $1`, [shop.cooperativeId]);
    }
    const added = await request(t.url).post('/api/cart/lines').send({ variantId: shop.variantId, quantity: 1 }).expect(200);
    expect(added.body.lines).toEqual([expect.objectContaining({ variantId: shop.variantId, titleZh: '下架社面条' })]);
  });
});
