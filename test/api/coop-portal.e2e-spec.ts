import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { tokenFor } from '../support/accounts';
import { jpegOfSize, PNG_1X1, WEBP_1X1 } from '../support/images';
import { startTestApp, TestApp } from '../support/test-app';

interface Product {
  id: string;
  slug: string;
  status: string;
  titleZh: string;
  images: string[];
  variants: { id: string; sku: string; labelZh: string; priceFen: number; stock: number }[];
  certification: unknown;
  rejectReason: string | null;
}

const NEW_PRODUCT = {
  category: 'CHERRY',
  titleZh: '玛瑙红樱桃 尝鲜装',
  titleEn: 'Agate-red cherries, taster box',
  descriptionZh: '厍东关乡果园直采。',
  originTownshipCode: '520525202',
  shippingClass: 'CHILLED',
  shelfLifeDays: 7,
  variants: [
    { labelZh: '1公斤', labelEn: '1 kg', priceFen: 8800, weightG: 1400, stock: 30 },
    { labelZh: '2公斤', labelEn: '2 kg', priceFen: 16800, weightG: 2600 },
  ],
};

describe('the cooperative portal', () => {
  let t: TestApp;
  let ownCoopId: string;
  let otherCoopId: string;
  let staff: string;
  let otherStaff: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
    const coops = await t.sql(`SELECT id FROM cooperative WHERE status = 'VERIFIED' ORDER BY name_zh LIMIT 2`);
    [ownCoopId, otherCoopId] = coops.map((c) => c.id as string);
    staff = await tokenFor(t, 'cooperative', ownCoopId);
    otherStaff = await tokenFor(t, 'cooperative', otherCoopId);
    admin = await tokenFor(t, 'admin');
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
    upload: (path: string, bytes: Buffer, filename: string, contentType: string) =>
      request(t.url).post(path).set('Authorization', `Bearer ${token}`).attach('image', bytes, { filename, contentType }),
  });

  async function newDraft(overrides: object = {}): Promise<Product> {
    const { body } = await as(staff)
      .post('/api/coop/products', { ...NEW_PRODUCT, ...overrides })
      .expect(201);
    return body;
  }

  async function published(overrides: object = {}): Promise<Product> {
    const draft = await newDraft(overrides);
    await as(staff).post(`/api/coop/products/${draft.id}/submit`).expect(200);
    const { body } = await as(admin).post(`/api/admin/products/${draft.id}/approve`).expect(200);
    return body;
  }

  const productCount = async () => Number((await t.sql(`SELECT count(*) FROM product`))[0].count);

  it('creates a draft with its variants and starting stock, each unit of stock recorded as a movement', async () => {
    const product = await newDraft();
    expect(product).toMatchObject({ status: 'DRAFT', titleZh: '玛瑙红樱桃 尝鲜装', certification: null, images: [] });
    expect(product.variants.map((v) => [v.labelZh, v.priceFen, v.stock])).toEqual([
      ['1公斤', 8800, 30],
      ['2公斤', 16800, 0],
    ]);
    const movements = await t.sql(`SELECT delta, stock_after, reason FROM inventory_movement WHERE variant_id = $1`, [
      product.variants[0].id,
    ]);
    expect(movements).toEqual([{ delta: 30, stock_after: 30, reason: 'INITIAL' }]);
    // A draft is nobody's business but its cooperative's.
    await request(t.url).get(`/api/products/${product.slug}`).expect(404);
  });

  it("lists only its own cooperative's products, newest first, in every status", async () => {
    const product = await newDraft({ titleZh: '樱桃 列表测试', titleEn: 'Cherries list check' });
    const { body } = await as(staff).get('/api/coop/products?limit=100').expect(200);
    expect(body.items[0].id).toBe(product.id);
    const cooperatives = new Set(body.items.map((p: { cooperative: { id: string } }) => p.cooperative.id));
    expect([...cooperatives]).toEqual([ownCoopId]);
    const { body: drafts } = await as(staff).get('/api/coop/products?status=DRAFT&limit=100').expect(200);
    expect(drafts.items.every((p: Product) => p.status === 'DRAFT')).toBe(true);
  });

  it('shows its staff their own cooperative, with its status', async () => {
    const { body } = await as(staff).get('/api/coop/cooperative').expect(200);
    expect(body).toMatchObject({ id: ownCoopId, status: 'VERIFIED', creditCodeValid: true, suspendedReason: null });
    expect((await as(otherStaff).get('/api/coop/cooperative').expect(200)).body.id).toBe(otherCoopId);
  });

  it('fills the English title and variant names from the Chinese when a cooperative leaves them out', async () => {
    const { titleEn: _titleEn, ...chineseOnly } = NEW_PRODUCT;
    const { body } = await as(staff)
      .post('/api/coop/products', { ...chineseOnly, variants: [{ labelZh: '1公斤', priceFen: 8800, weightG: 1400 }] })
      .expect(201);
    expect(body).toMatchObject({
      titleZh: '玛瑙红樱桃 尝鲜装',
      titleEn: '玛瑙红樱桃 尝鲜装',
      variants: [{ labelZh: '1公斤', labelEn: '1公斤' }],
    });
    expect(body.slug).toMatch(/^ma-nao-hong-ying-tao-chang-xian-zhuang-/);
  });

  it('names the field at fault in every validation error', async () => {
    const { body } = await as(staff)
      .post('/api/coop/products', { ...NEW_PRODUCT, variants: [{ ...NEW_PRODUCT.variants[0], priceFen: 0 }] })
      .expect(400);
    expect(body.details).toEqual([{ field: 'variants.0.priceFen', problems: [expect.stringMatching(/priceFen/)], rules: ['min'] }]);
    const taken = await as(staff)
      .post('/api/coop/products', { ...NEW_PRODUCT, variants: [{ ...NEW_PRODUCT.variants[0], sku: 'MANAOHONG-CHERRY-2-5KG-1' }] })
      .expect(409);
    expect(taken.body.details).toEqual([{ field: 'variants.sku', problems: ['MANAOHONG-CHERRY-2-5KG-1 is already in use'] }]);
  });

  describe('refuses bad input with a clear error and keeps nothing', () => {
    const cases: [string, object, number, string][] = [
      ['an unknown field', { ...NEW_PRODUCT, colour: 'red' }, 400, 'VALIDATION_FAILED'],
      ['a certification field', { ...NEW_PRODUCT, certificationNo: 'X-1' }, 400, 'VALIDATION_FAILED'],
      ['a status', { ...NEW_PRODUCT, status: 'PUBLISHED' }, 400, 'VALIDATION_FAILED'],
      ['a negative price', { ...NEW_PRODUCT, variants: [{ ...NEW_PRODUCT.variants[0], priceFen: -100 }] }, 400, 'VALIDATION_FAILED'],
      [
        'a price in yuan with decimals',
        { ...NEW_PRODUCT, variants: [{ ...NEW_PRODUCT.variants[0], priceFen: 88.5 }] },
        400,
        'VALIDATION_FAILED',
      ],
      ['no variants', { ...NEW_PRODUCT, variants: [] }, 400, 'VALIDATION_FAILED'],
      ['a township outside Nayong', { ...NEW_PRODUCT, originTownshipCode: '440106001' }, 400, 'VALIDATION_FAILED'],
      ['cherries shipped at room temperature', { ...NEW_PRODUCT, shippingClass: 'AMBIENT' }, 422, 'SHIPPING_CLASS_NOT_ALLOWED'],
      [
        'a sale that ends before it starts',
        { ...NEW_PRODUCT, saleStartsAt: '2027-04-10T00:00:00Z', saleEndsAt: '2027-04-01T00:00:00Z' },
        400,
        'VALIDATION_FAILED',
      ],
      ['a pre-sale without a sale window', { ...NEW_PRODUCT, presaleShipsOn: '2027-04-10' }, 400, 'VALIDATION_FAILED'],
      [
        'two variants with one label',
        { ...NEW_PRODUCT, variants: [NEW_PRODUCT.variants[0], NEW_PRODUCT.variants[0]] },
        409,
        'VARIANT_LABEL_TAKEN',
      ],
      [
        'a sku another product uses',
        { ...NEW_PRODUCT, variants: [{ ...NEW_PRODUCT.variants[0], sku: 'MANAOHONG-CHERRY-2-5KG-1' }] },
        409,
        'SKU_TAKEN',
      ],
    ];

    it.each(cases)('%s', async (_, body, status, code) => {
      const before = await productCount();
      const response = await as(staff).post('/api/coop/products', body).expect(status);
      expect(response.body.code).toBe(code);
      expect(await productCount()).toBe(before);
    });

    it('an unknown product id is a 404, not a 500', async () => {
      expect((await as(staff).get('/api/coop/products/not-a-uuid').expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
      expect((await as(staff).get('/api/coop/products/7d4f3c2a-1b0e-4f5a-9c8d-2e1f0a9b8c7d').expect(404)).body.code).toBe(
        'PRODUCT_NOT_FOUND',
      );
    });
  });

  describe('keeps cooperatives apart', () => {
    let theirs: Product;

    beforeAll(async () => {
      theirs = await newDraft();
    });

    it('refuses another cooperative every read and write of the product, and changes nothing', async () => {
      const other = as(otherStaff);
      const variant = theirs.variants[0].id;
      const attempts = [
        other.get(`/api/coop/products/${theirs.id}`),
        other.patch(`/api/coop/products/${theirs.id}`, { titleZh: '别人的樱桃' }),
        other.post(`/api/coop/products/${theirs.id}/variants`, { labelZh: '5公斤', labelEn: '5 kg', priceFen: 1, weightG: 1 }),
        other.patch(`/api/coop/variants/${variant}`, { priceFen: 1 }),
        other.patch(`/api/coop/variants/${variant}/stock`, { delta: -30, reason: 'DAMAGED' }),
        other.post(`/api/coop/products/${theirs.id}/submit`),
        other.post(`/api/coop/products/${theirs.id}/archive`),
        other.upload(`/api/coop/products/${theirs.id}/images`, PNG_1X1, 'a.png', 'image/png'),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect([response.status, response.body.code]).toEqual([403, 'NOT_YOUR_COOPERATIVE']);
      }
      const { body } = await as(staff).get(`/api/coop/products/${theirs.id}`).expect(200);
      expect(body).toMatchObject({ status: 'DRAFT', titleZh: theirs.titleZh, images: [] });
      expect(body.variants).toEqual(theirs.variants);
    });

    it("does not show another cooperative's products in the list", async () => {
      const { body } = await as(otherStaff).get('/api/coop/products?limit=100').expect(200);
      expect(body.items.map((p: Product) => p.id)).not.toContain(theirs.id);
    });
  });

  // Who may call which portal, admin and impact route is the authorization suite's (test/reliability/authorization.e2e-spec.ts):
  // every operation of the live OpenAPI document, as anonymous and as every role.

  describe('stock', () => {
    it('adds and takes stock with a reason, every change a movement that adds up to the stock on hand', async () => {
      const product = await newDraft();
      const variant = product.variants[0].id;
      expect((await as(staff).patch(`/api/coop/variants/${variant}/stock`, { delta: 20, reason: 'HARVEST' }).expect(200)).body).toEqual({
        variantId: variant,
        stock: 50,
      });
      await as(staff).patch(`/api/coop/variants/${variant}/stock`, { delta: -5, reason: 'DAMAGED', note: '运输压损' }).expect(200);
      const movements = await t.sql(`SELECT delta, stock_after, reason, note FROM inventory_movement WHERE variant_id = $1 ORDER BY id`, [
        variant,
      ]);
      expect(movements).toEqual([
        { delta: 30, stock_after: 30, reason: 'INITIAL', note: null },
        { delta: 20, stock_after: 50, reason: 'HARVEST', note: null },
        { delta: -5, stock_after: 45, reason: 'DAMAGED', note: '运输压损' },
      ]);
    });

    it('never takes stock below zero, and records nothing when it refuses', async () => {
      const product = await newDraft();
      const variant = product.variants[0].id;
      const response = await as(staff).patch(`/api/coop/variants/${variant}/stock`, { delta: -31, reason: 'COUNT_CORRECTION' }).expect(409);
      expect(response.body.code).toBe('INSUFFICIENT_STOCK');
      const [row] = await t.sql(
        `SELECT stock, (SELECT count(*)::int FROM inventory_movement WHERE variant_id = $1) AS movements FROM product_variant WHERE id = $1`,
        [variant],
      );
      expect(row).toEqual({ stock: 30, movements: 1 });
    });

    it('wants a known reason and a whole, non-zero number of units', async () => {
      const variant = (await newDraft()).variants[0].id;
      for (const body of [
        { delta: 5 },
        { delta: 5, reason: 'BECAUSE' },
        { delta: 0, reason: 'RESTOCK' },
        { delta: 1.5, reason: 'RESTOCK' },
      ]) {
        expect((await as(staff).patch(`/api/coop/variants/${variant}/stock`, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('images', () => {
    const uploads = () => readdirSync(join(t.config.dataDir, 'uploads'));

    it('accepts a PNG and a WebP and serves them with long cache headers', async () => {
      const product = await newDraft();
      await as(staff).upload(`/api/coop/products/${product.id}/images`, PNG_1X1, 'photo.png', 'image/png').expect(201);
      const { body } = await as(staff).upload(`/api/coop/products/${product.id}/images`, WEBP_1X1, 'photo.webp', 'image/webp').expect(201);
      expect(body.images).toHaveLength(2);
      expect(body.images[0]).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png$/);
      const served = await request(t.url).get(body.images[0]).expect(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.compare(served.body, PNG_1X1)).toBe(0);
    });

    it('judges an image by its content, not its name or declared type', async () => {
      const product = await newDraft();
      const before = uploads().length;
      const fake = Buffer.from('<html><script>alert(1)</script></html>');
      const response = await as(staff).upload(`/api/coop/products/${product.id}/images`, fake, 'cherry.jpg', 'image/jpeg').expect(415);
      expect(response.body.code).toBe('UNSUPPORTED_IMAGE_TYPE');
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      await as(staff).upload(`/api/coop/products/${product.id}/images`, gif, 'cherry.png', 'image/png').expect(415);
      expect(uploads().length).toBe(before);
    });

    it('refuses an image over 5 MB and keeps no part of it', async () => {
      const product = await newDraft();
      const before = uploads().length;
      const response = await as(staff).upload(
        `/api/coop/products/${product.id}/images`,
        jpegOfSize(5 * 1024 * 1024 + 1),
        'big.jpg',
        'image/jpeg',
      );
      expect([response.status, response.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(uploads().length).toBe(before);
      await as(staff)
        .upload(`/api/coop/products/${product.id}/images`, jpegOfSize(5 * 1024 * 1024), 'just-fits.jpg', 'image/jpeg')
        .expect(201);
    });

    it('wants multipart form data with a field named image', async () => {
      const product = await newDraft();
      const json = await as(staff).post(`/api/coop/products/${product.id}/images`, { image: 'x' }).expect(415);
      expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const wrongField = await request(t.url)
        .post(`/api/coop/products/${product.id}/images`)
        .set('Authorization', `Bearer ${staff}`)
        .attach('photo', PNG_1X1, 'a.png')
        .expect(400);
      expect(wrongField.body.code).toBe('VALIDATION_FAILED');
    });

    it('keeps at most 8 images per product, and reorders or drops them only among its own', async () => {
      const product = await newDraft();
      for (let i = 0; i < 8; i++)
        await as(staff).upload(`/api/coop/products/${product.id}/images`, PNG_1X1, 'a.png', 'image/png').expect(201);
      const ninth = await as(staff).upload(`/api/coop/products/${product.id}/images`, PNG_1X1, 'a.png', 'image/png').expect(422);
      expect(ninth.body.code).toBe('TOO_MANY_IMAGES');
      const { body } = await as(staff).get(`/api/coop/products/${product.id}`).expect(200);
      const reordered = [body.images[7], body.images[0]];
      expect((await as(staff).patch(`/api/coop/products/${product.id}`, { images: reordered }).expect(200)).body.images).toEqual(reordered);
      const foreign = await as(staff)
        .patch(`/api/coop/products/${product.id}`, { images: ['https://evil.example/x.png'] })
        .expect(400);
      expect(foreign.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('the way to the shop window', () => {
    it('cannot publish by itself: it submits for review, and submitting twice is a conflict', async () => {
      const product = await newDraft();
      expect((await as(staff).patch(`/api/coop/products/${product.id}`, { status: 'PUBLISHED' }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await as(staff).post(`/api/coop/products/${product.id}/approve`).expect(404)).body.code).toBe('ROUTE_NOT_FOUND');
      const submitted = await as(staff).post(`/api/coop/products/${product.id}/submit`).expect(200);
      expect(submitted.body).toMatchObject({ status: 'PENDING_REVIEW', submittedAt: expect.any(String) });
      expect((await as(staff).post(`/api/coop/products/${product.id}/submit`).expect(409)).body.code).toBe('PRODUCT_STATUS_CONFLICT');
    });

    it('keeps a published product on sale when its price changes, and shoppers see the new price', async () => {
      const product = await published();
      const { body } = await as(staff).patch(`/api/coop/variants/${product.variants[0].id}`, { priceFen: 9900 }).expect(200);
      expect(body.status).toBe('PUBLISHED');
      const shop = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
      expect(shop.body.variants.map((v: { priceFen: number }) => v.priceFen)).toEqual([9900, 16800]);
    });

    it('keeps it on sale when a variant is added or the sale window moves', async () => {
      const product = await published();
      await as(staff)
        .post(`/api/coop/products/${product.id}/variants`, { labelZh: '5公斤', labelEn: '5 kg', priceFen: 39800, weightG: 6000, stock: 5 })
        .expect(201);
      const { body } = await as(staff)
        .patch(`/api/coop/products/${product.id}`, {
          saleStartsAt: '2026-03-01T00:00:00+08:00',
          saleEndsAt: '2027-06-01T00:00:00+08:00',
          presaleShipsOn: '2027-04-15',
        })
        .expect(200);
      expect(body.status).toBe('PUBLISHED');
      const shop = await request(t.url).get(`/api/products/${product.slug}`).expect(200);
      expect(shop.body.variants).toHaveLength(3);
      expect(shop.body.season).toMatchObject({ presaleShipsOn: '2027-04-15', inSeason: true });
    });

    it('saves a product with its variants in one request: all of it, or nothing when any part is refused', async () => {
      const product = await published();
      const [small, large] = product.variants as { id: string; labelZh: string; priceFen: number }[];
      const edit = {
        descriptionZh: '厍东关乡果园直采，当天冷链发出。',
        variantChanges: [{ id: small.id, priceFen: 9200 }],
        newVariants: [{ labelZh: '5公斤', labelEn: '5 kg', priceFen: 39800, weightG: 6000, stock: 5 }],
      };
      const saved = async () => (await as(staff).get(`/api/coop/products/${product.id}`).expect(200)).body;
      const before = await saved();

      // The new variant takes the label of an existing one: nothing of the edit is kept, not the description nor the price.
      const clash = await as(staff)
        .patch(`/api/coop/products/${product.id}`, { ...edit, newVariants: [{ ...edit.newVariants[0], labelZh: large.labelZh }] })
        .expect(409);
      expect(clash.body.code).toBe('VARIANT_LABEL_TAKEN');
      // Another product's variant is not this product's to change.
      const other = await newDraft();
      const foreign = await as(staff)
        .patch(`/api/coop/products/${product.id}`, { ...edit, variantChanges: [{ id: other.variants[0].id, priceFen: 1 }] })
        .expect(404);
      expect(foreign.body.code).toBe('VARIANT_NOT_FOUND');
      const invalid = await as(staff)
        .patch(`/api/coop/products/${product.id}`, { ...edit, variantChanges: [{ id: small.id, priceFen: 0 }] })
        .expect(400);
      expect(invalid.body.details).toEqual([expect.objectContaining({ field: 'variantChanges.0.priceFen' })]);
      expect(await saved()).toEqual(before);

      const { body } = await as(staff).patch(`/api/coop/products/${product.id}`, edit).expect(200);
      // What the product is changed (its description): it goes back to review, as a lone edit of the description does.
      expect(body).toMatchObject({ status: 'PENDING_REVIEW', descriptionZh: edit.descriptionZh });
      expect(body.variants.map((v: { labelZh: string; priceFen: number }) => [v.labelZh, v.priceFen])).toEqual([
        [small.labelZh, 9200],
        [large.labelZh, large.priceFen],
        ['5公斤', 39800],
      ]);
    });

    it('takes a published product back to review when what it is changes', async () => {
      const product = await published();
      const { body } = await as(staff).patch(`/api/coop/products/${product.id}`, { titleZh: '玛瑙红樱桃 精品装' }).expect(200);
      expect(body.status).toBe('PENDING_REVIEW');
      await request(t.url).get(`/api/products/${product.slug}`).expect(404);
      // Resending the same title is not a change.
      const again = await published();
      expect((await as(staff).patch(`/api/coop/products/${again.id}`, { titleZh: again.titleZh }).expect(200)).body.status).toBe(
        'PUBLISHED',
      );
    });

    it('archives a product off the shop for good', async () => {
      const product = await published();
      expect((await as(staff).post(`/api/coop/products/${product.id}/archive`).expect(200)).body.status).toBe('ARCHIVED');
      await request(t.url).get(`/api/products/${product.slug}`).expect(404);
      expect((await as(staff).patch(`/api/coop/products/${product.id}`, { titleEn: 'Back again' }).expect(409)).body.code).toBe(
        'PRODUCT_STATUS_CONFLICT',
      );
      expect((await as(staff).post(`/api/coop/products/${product.id}/submit`).expect(409)).body.code).toBe('PRODUCT_STATUS_CONFLICT');
    });

    it('finds a newly published product by its pinyin initials', async () => {
      const product = await published({
        titleZh: '滚山鸡蛋 礼盒',
        titleEn: 'Hill-run eggs gift box',
        category: 'EGG',
        variants: [NEW_PRODUCT.variants[0]],
      });
      const { body } = await request(t.url).get('/api/products?q=gsjd').expect(200);
      expect(body.items.map((p: { slug: string }) => p.slug)).toContain(product.slug);
    });
  });

  it('audits an edit with what each changed field held before, sale times included', async () => {
    const product = await newDraft({ saleStartsAt: '2027-04-01T00:00:00+08:00', saleEndsAt: '2027-06-01T00:00:00+08:00' });
    await as(staff)
      .patch(`/api/coop/products/${product.id}`, { titleZh: '玛瑙红樱桃 家庭装', saleStartsAt: '2027-04-10T00:00:00+08:00' })
      .expect(200);
    const [updated] = await t.sql(`SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'product.updated'`, [product.id]);
    expect(updated.before).toMatchObject({ status: 'DRAFT', titleZh: '玛瑙红樱桃 尝鲜装', saleStartsAt: '2027-03-31T16:00:00.000Z' });
    expect(updated.after).toMatchObject({ titleZh: '玛瑙红樱桃 家庭装', saleStartsAt: '2027-04-10T00:00:00+08:00' });
  });

  it('audits every write with the staff member who made it', async () => {
    const product = await newDraft();
    await as(staff).post(`/api/coop/products/${product.id}/submit`).expect(200);
    const rows = await t.sql(`SELECT action, actor_role FROM audit_log WHERE entity_id = $1 ORDER BY id`, [product.id]);
    expect(rows).toEqual([
      { action: 'product.created', actor_role: 'cooperative' },
      { action: 'product.submitted', actor_role: 'cooperative' },
    ]);
  });
});
