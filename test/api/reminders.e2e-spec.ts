import request from 'supertest';
import { RemindersService } from '../../apps/api/src/catalog/reminders.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, setStock, type Cooperative, type Product } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 到货提醒: a buyer asks to hear when a product they cannot buy yet (out of season, sold out) can be
 * bought, and is told once, by the notifications every order message goes through.
 */
describe('arrival reminders', () => {
  let t: TestApp;
  let coop: Cooperative;
  let cherries: Product;
  let noodles: Product;
  let onSale: Product;

  beforeAll(async () => {
    t = await startTestApp();
    coop = await newCooperative(t);
    // Cherries whose sale opens long after both moments the suite runs at; noodles sold out.
    cherries = await newProduct(t, coop, {
      fields: {
        category: 'CHERRY',
        titleZh: '玛瑙红樱桃',
        shippingClass: 'CHILLED',
        shelfLifeDays: 7,
        saleStartsAt: '2030-04-01T00:00:00+08:00',
      },
    });
    noodles = await newProduct(t, coop, { stock: 0 });
    onSale = await newProduct(t, coop, { stock: 5 });
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    put: (path: string) => request(t.url).put(path).set('Authorization', `Bearer ${token}`),
    delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
  });
  const told = async (slug: string) =>
    Number(
      (await t.sql(`SELECT count(*) FROM notification_outbox WHERE topic = 'PRODUCT_ON_SALE' AND payload->>'productSlug' = $1`, [slug]))[0]
        .count,
    );
  const remindDue = () => t.app.get(RemindersService).remindDue();

  it('keeps one reminder per buyer and product, lists it, and takes it back', async () => {
    const buyer = await tokenFor(t, 'buyer');
    const { body: reminder } = await as(buyer).put(`/api/reminders/${cherries.slug}`).expect(200);
    expect(reminder).toMatchObject({ productSlug: cherries.slug, titleZh: '玛瑙红樱桃', saleStartsAt: '2030-03-31T16:00:00.000Z' });
    await as(buyer).put(`/api/reminders/${cherries.slug}`).expect(200);
    expect((await as(buyer).get('/api/reminders').expect(200)).body.items.map((r: { productSlug: string }) => r.productSlug)).toEqual([
      cherries.slug,
    ]);

    await as(buyer).delete(`/api/reminders/${cherries.slug}`).expect(204);
    expect((await as(buyer).get('/api/reminders').expect(200)).body.items).toEqual([]);
    expect((await as(buyer).delete(`/api/reminders/${cherries.slug}`).expect(404)).body.code).toBe('REMINDER_NOT_FOUND');
  });

  it('refuses a reminder of what can be bought now, and of what the shop does not have', async () => {
    const buyer = await tokenFor(t, 'buyer');
    expect((await as(buyer).put(`/api/reminders/${onSale.slug}`).expect(409)).body.code).toBe('PRODUCT_ON_SALE');
    expect((await as(buyer).put('/api/reminders/no-such-product').expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await as(buyer).put('/api/reminders/NOT%20A%20SLUG').expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
  });

  it('tells each waiting buyer once when the product comes back in stock, and not before', async () => {
    const [first, second] = [await tokenFor(t, 'buyer'), await tokenFor(t, 'buyer')];
    await as(first).put(`/api/reminders/${noodles.slug}`).expect(200);
    await as(second).put(`/api/reminders/${noodles.slug}`).expect(200);

    await remindDue();
    expect(await told(noodles.slug)).toBe(0);

    await setStock(t, noodles.variantId, 20);
    expect(await remindDue()).toBeGreaterThanOrEqual(2);
    expect(await told(noodles.slug)).toBe(2);
    await remindDue();
    expect(await told(noodles.slug)).toBe(2);
    expect((await as(first).get('/api/reminders').expect(200)).body.items).toEqual([]);
    const [message] = await t.sql(
      `SELECT payload FROM notification_outbox WHERE topic = 'PRODUCT_ON_SALE' AND payload->>'productSlug' = $1`,
      [noodles.slug],
    );
    expect(message.payload).toEqual({
      productSlug: noodles.slug,
      productTitle: '纳雍手工挂面',
      productTitleEn: 'Nayong hand-made noodles',
    });

    // Sold out and asked for again: a new reminder, told again when it is back.
    await setStock(t, noodles.variantId, 0);
    await as(first).put(`/api/reminders/${noodles.slug}`).expect(200);
    await setStock(t, noodles.variantId, 5);
    await remindDue();
    expect(await told(noodles.slug)).toBe(3);
  });

  it('tells the buyer when the season opens', async () => {
    const buyer = await tokenFor(t, 'buyer');
    await as(buyer).put(`/api/reminders/${cherries.slug}`).expect(200);
    await remindDue();
    expect(await told(cherries.slug)).toBe(0);

    // The cooperative opens its sale now.
    await request(t.url)
      .patch(`/api/coop/products/${cherries.id}`)
      .set('Authorization', `Bearer ${coop.staff}`)
      .send({ saleStartsAt: null })
      .expect(200);
    await remindDue();
    expect(await told(cherries.slug)).toBe(1);
  });
});
