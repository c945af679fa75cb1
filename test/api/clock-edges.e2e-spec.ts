import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, type Product } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * 23:30 in China is 15:30 UTC on the same day: the hour in which a rule that reads "tomorrow" too
 * early, or dates a midnight in China by its UTC day (still today), goes wrong. clock.e2e-spec.ts
 * covers 00:30, when the UTC day is still yesterday.
 */
const LATE_EVENING_IN_CHINA = '2026-12-15T23:30:00+08:00';
const TODAY = '2026-12-15';
const YESTERDAY = '2026-12-14';
const TOMORROW = '2026-12-16';
/** The first minute of tomorrow in China as the portal's form sends it: 16:00 UTC today. */
const MIDNIGHT = new Date('2026-12-16T00:00:00+08:00').toISOString();
const ONE_HOUR_MS = 3_600_000;
const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };
const CERTIFICATE = { number: '黔扶认〔2026〕0523-0118', issuer: '纳雍县乡村振兴局', batch: '2026年第二批' };
/** An ambient product with plenty of stock, so that only the clock decides. */
const TEA = {
  category: 'TEA',
  titleZh: '纳雍高山绿茶',
  titleEn: 'Nayong highland green tea',
  originTownshipCode: '520525202',
  shippingClass: 'AMBIENT',
  shelfLifeDays: 365,
  variants: [{ labelZh: '250克', labelEn: '250 g', priceFen: 6800, weightG: 400, stock: 100 }],
};

/** The same shop `laterMs` after `t`'s clock: another app on `t`'s database whose clock, and its SQL's, run that far ahead. */
async function sameShopLater(t: TestApp, laterMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const config = { ...t.config, clockOffsetMs: t.config.clockOffsetMs + laterMs };
  const app = await createApp(config, t.database.url, pino({ level: process.env.QH_TEST_LOG ?? 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

describe('one clock at 23:30 China time, and at 00:30 an hour later', () => {
  let t: TestApp;
  /** The same shop at 00:30 tomorrow. */
  let halfPastMidnight: { url: string; close(): Promise<void> };
  let admin: string;
  let staff: string;
  let cooperative: Awaited<ReturnType<typeof newCooperative>>;

  beforeAll(async () => {
    t = await startTestApp({ TEST_NOW: LATE_EVENING_IN_CHINA });
    cooperative = await newCooperative(t, { nameZh: '纳雍县夜茶专业合作社' });
    admin = await tokenFor(t, 'admin');
    staff = cooperative.staff;
    halfPastMidnight = await sameShopLater(t, ONE_HOUR_MS);
  });
  afterAll(async () => {
    await halfPastMidnight.close();
    await t.close();
  });

  const as = (token: string, url = t.url) => ({
    post: (path: string, body: object = {}) => request(url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** A product of the cooperative through its portal, reviewed and published. */
  const published = (fields: object = {}): Promise<Product> =>
    newProduct(t, cooperative, { fields: { ...TEA, ...fields }, variants: TEA.variants });

  const seasonOf = async (product: Product) => (await request(t.url).get(`/api/products/${product.slug}`).expect(200)).body.season;
  const addToCart = async (product: Product, url = t.url) => {
    const response = await as(await tokenFor(t, 'buyer'), url).post('/api/cart/lines', { variantId: product.variantId, quantity: 1 });
    return [response.status, response.body.code];
  };

  it('is still today in China at 23:30, in the app and in the database', async () => {
    expect(t.clock.today()).toBe(TODAY);
    const [row] = await t.sql(`SELECT to_char(qh_today(), 'YYYY-MM-DD') AS today`);
    expect(row.today).toBe(TODAY);
  });

  it('counts a certificate whose last day is today until midnight, and not one that ended yesterday', async () => {
    const product = await published();
    const endedYesterday = await as(admin).post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: YESTERDAY });
    expect([endedYesterday.status, endedYesterday.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    await as(admin)
      .post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: TODAY })
      .expect(200);
    const { body: certified } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(certified).toMatchObject({ certified: true, certification: { validUntil: TODAY, valid: true } });

    await t.sql(`UPDATE product SET certified_until = $2 WHERE id = $1`, [product.id, YESTERDAY]);
    const { body: lapsed } = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
    expect(lapsed).toMatchObject({ certified: false, certification: { validUntil: YESTERDAY, valid: false } });
  });

  it('sells nothing from a window that opens at midnight until midnight, nor from one that closed at 23:00', async () => {
    const opensAtMidnight = await published({ saleStartsAt: MIDNIGHT, saleEndsAt: '2027-01-31T00:00:00+08:00' });
    const closedAt2300 = await published({ saleStartsAt: '2026-12-01T00:00:00+08:00', saleEndsAt: '2026-12-15T23:00:00+08:00' });
    for (const product of [opensAtMidnight, closedAt2300]) {
      expect(await seasonOf(product)).toMatchObject({ inSeason: false });
      expect(await addToCart(product)).toEqual([404, 'VARIANT_NOT_FOUND']);
    }
    expect(await addToCart(opensAtMidnight, halfPastMidnight.url)).toEqual([200, undefined]);
    expect(await addToCart(closedAt2300, halfPastMidnight.url)).toEqual([404, 'VARIANT_NOT_FOUND']);
  });

  it('refuses a pre-sale shipping today when its sale opens at midnight, dating the opening by the day in China', async () => {
    const refused = await as(staff).post('/api/coop/products', { ...TEA, saleStartsAt: MIDNIGHT, presaleShipsOn: TODAY });
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'saleWindow', problems: ['presaleShipsOn cannot be before saleStartsAt'] }],
    ]);
    const { body: presale } = await as(staff)
      .post('/api/coop/products', { ...TEA, saleStartsAt: MIDNIGHT, presaleShipsOn: TOMORROW })
      .expect(201);
    // The stored opening is read the same way when only the ship day changes.
    const moved = await as(staff).patch(`/api/coop/products/${presale.id}`, { presaleShipsOn: TODAY });
    expect([moved.status, moved.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('numbers and books a payment at 23:30 on today, and ships its pre-sale part from 00:00 tomorrow, not before', async () => {
    const product = await published({ saleStartsAt: '2026-12-01T00:00:00+08:00', presaleShipsOn: TOMORROW });
    await as(admin)
      .post(`/api/admin/products/${product.id}/certify`, { ...CERTIFICATE, validUntil: TODAY })
      .expect(200);
    expect(await seasonOf(product)).toMatchObject({ inSeason: true, presale: true, presaleShipsOn: TOMORROW });

    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).post('/api/cart/lines', { variantId: product.variantId, quantity: 1 }).expect(200);
    const { body: order } = await request(t.url)
      .post('/api/checkout')
      .set('Authorization', `Bearer ${buyer}`)
      .set('Idempotency-Key', 'clock-edges-presale')
      .send({ address: TIANHE })
      .expect(201);
    expect(order.number).toMatch(/^QH20261215-\d{6}$/);
    expect(order.fulfillments.map((f: { shipsFrom: string }) => f.shipsFrom)).toEqual([TOMORROW]);
    await as(buyer).post(`/api/payments/demo/${order.number}/pay`).expect(200);

    const days = await t.sql(
      `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM attribution_entry WHERE order_id = (SELECT id FROM "order" WHERE number = $1)
       UNION SELECT DISTINCT to_char(day, 'YYYY-MM-DD') FROM impact_daily`,
      [order.number],
    );
    expect(days).toEqual([{ day: TODAY }]);

    const fulfillment = `/api/coop/fulfillments/${order.fulfillments[0].id}/ship`;
    const shipment = { carrier: '中国邮政', trackingNo: 'EMS-23300001' };
    const tooEarly = await as(staff).post(fulfillment, shipment);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([422, 'PRESALE_NOT_SHIPPABLE']);
    const onTime = await as(staff, halfPastMidnight.url).post(fulfillment, shipment);
    expect([onTime.status, onTime.body.code]).toEqual([200, undefined]);
  });
});
