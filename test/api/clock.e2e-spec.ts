import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { lotsFor, setStock } from '../support/builders';

/** 00:30 in China is still the day before in UTC: the hour in which a server-day or UTC-day rule goes wrong. */
const EARLY_MORNING_IN_CHINA = '2026-12-15T00:30:00+08:00';
const TODAY = '2026-12-15';
const YESTERDAY = '2026-12-14';
const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };
const CERTIFICATE = { number: '黔扶认〔2026〕0523-0117', issuer: '纳雍县乡村振兴局', batch: '2026年第二批' };

describe('one clock for the app and its SQL, on China days', () => {
  let t: TestApp;
  let admin: string;
  let product: { id: string; slug: string; variantId: string; cooperativeId: string };

  beforeAll(async () => {
    t = await startTestApp({ TEST_NOW: EARLY_MORNING_IN_CHINA }, { demoData: true });
    admin = await tokenFor(t, 'admin');
    // An ambient product sold all year, so that only the rules under test decide.
    const [row] = await t.sql(
      `SELECT p.id, p.slug, v.id AS "variantId", p.cooperative_id AS "cooperativeId"
         FROM product p JOIN product_variant v ON v.product_id = p.id
        WHERE p.status = 'PUBLISHED' AND p.shipping_class = 'AMBIENT' AND p.sale_starts_at IS NULL
        ORDER BY p.slug, v.sku LIMIT 1`,
    );
    product = row as typeof product;
    await setStock(t, product.variantId, 100);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  it('reads the same moment in the app and in the database, whatever the server’s time zone', async () => {
    expect(t.clock.today()).toBe(TODAY);
    const [row] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today, extract(epoch FROM qh_now()) * 1000 AS "nowMs"`);
    expect(row.today).toBe(TODAY);
    expect(Math.abs(Number(row.nowMs) - t.clock.now().getTime())).toBeLessThan(60_000);
  });

  it('counts a certificate until the end of its last day in China, and refuses one that ended yesterday', async () => {
    const lastDayYesterday = await as(admin).post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: YESTERDAY });
    expect([lastDayYesterday.status, lastDayYesterday.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    await as(admin)
      .post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: TODAY })
      .expect(200);
    const { body: certified } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(certified).toMatchObject({ certified: true, certification: { validUntil: TODAY, valid: true } });

    // A certificate whose last day was yesterday (China time) no longer counts, although it is still that day in UTC.
    await t.sql(`UPDATE product SET certified_until = $2 WHERE id = $1`, [product.id, YESTERDAY]);
    const { body: lapsed } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(lapsed).toMatchObject({ certified: false, certification: { validUntil: YESTERDAY, valid: false } });
  });

  it('numbers orders by the China day, and lets a pre-sale part ship from the first minute of its day', async () => {
    await as(admin)
      .post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: TODAY })
      .expect(200);
    await t.sql(
      `UPDATE product SET sale_starts_at = qh_now() - interval '30 days', sale_ends_at = qh_now() + interval '30 days',
                          presale_ships_on = $2 WHERE id = $1`,
      [product.id, TODAY],
    );
    // Ships today: no longer a pre-sale.
    const { body: shipsToday } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(shipsToday.season).toMatchObject({ inSeason: true, presale: false, presaleShipsOn: TODAY });

    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).post('/api/cart/lines', { variantId: product.variantId, quantity: 1 }).expect(200);
    const { body: order } = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', 'clock-presale')
      .send({ address: TIANHE })
      .expect(201);
    expect(order.number).toMatch(/^QH20261215-\d{6}$/);
    await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(200);

    await t.sql(`UPDATE fulfillment SET ships_from = $2 WHERE id = $1`, [order.fulfillments[0].id, TODAY]);
    const staff = await tokenFor(t, 'cooperative', product.cooperativeId);
    const shipped = await as(staff).post(`/api/coop/fulfillments/${order.fulfillments[0].id}/ship`, {
      carrier: '中国邮政',
      trackingNo: 'EMS-55667788',
      lots: await lotsFor(t, order.fulfillments[0].id),
    });
    expect([shipped.status, shipped.body.code]).toEqual([200, undefined]);

    // Tomorrow's pre-sale is still one.
    await t.sql(`UPDATE product SET presale_ships_on = $2 WHERE id = $1`, [product.id, '2026-12-16']);
    const { body: shipsTomorrow } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(shipsTomorrow.season).toMatchObject({ presale: true });
  });

  it('writes the paid order’s ledger entries and daily sums on the China day of the payment', async () => {
    const days = await t.sql(
      `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM attribution_entry
       UNION SELECT DISTINCT to_char(day, 'YYYY-MM-DD') FROM impact_daily`,
    );
    expect(days).toEqual([{ day: TODAY }]);
  });
});
