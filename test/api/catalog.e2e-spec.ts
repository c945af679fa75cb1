import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { productListStatement, SEARCH_CANDIDATES, SEARCH_WINDOW } from '../../apps/api/src/catalog/catalog.repository';
import { newCooperative, newProduct, setStock } from '../support/builders';

interface Item {
  id: string;
  slug: string;
  titleZh: string;
  category: string;
  certified: boolean;
  minPriceFen: number;
  township: { code: string };
  cooperative: { id: string };
  season: { saleStartsAt: string | null; saleEndsAt: string | null };
}

describe('the public catalog', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { demoData: true });
  });
  afterAll(() => t.close());

  const get = (path: string) => request(t.url).get(path);

  async function everyPage(query: string, limit: number): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: Item[]; nextCursor: string | null } } = await get(
        `/api/products?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists the 8 categories with their Chinese and English names and published product counts', async () => {
    const { body } = await get('/api/categories').expect(200);
    expect(body.map((c: { code: string }) => c.code)).toEqual([
      'TEA',
      'CHERRY',
      'CHICKEN',
      'EGG',
      'MUSHROOM',
      'PORK',
      'NOODLE',
      'VEGETABLE',
    ]);
    expect(body[1]).toMatchObject({ nameZh: '玛瑙红樱桃', nameEn: expect.any(String) });
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM product WHERE status = 'PUBLISHED'`);
    expect(body.reduce((sum: number, c: { productCount: number }) => sum + c.productCount, 0)).toBe(count);
  });

  it.each(['樱桃', 'yingtao', 'yt', 'YingTao'])('finds the cherry products first when searching %p', async (q) => {
    const { body } = await get(`/api/products?q=${encodeURIComponent(q)}`).expect(200);
    const cherries = await t.sql(`SELECT slug FROM product WHERE category = 'CHERRY' AND status = 'PUBLISHED'`);
    const top = body.items.slice(0, cherries.length).map((i: Item) => i.slug);
    expect(top.sort()).toEqual(cherries.map((c) => c.slug).sort());
  });

  it.each(['樱桃', 'yingtao', 'yt', '茶'])(
    'searches %p in every order of the sort menu, page by page, with the same matches',
    async (q) => {
      const orders = ['relevance', 'newest', 'price_asc', 'price_desc'];
      const found = await Promise.all(orders.map((sort) => everyPage(`q=${encodeURIComponent(q)}&sort=${sort}`, 3)));
      const slugs = found.map((items) => items.map((i) => i.slug).sort());
      expect(slugs[0].length).toBeGreaterThan(0);
      for (const other of slugs.slice(1)) expect(other).toEqual(slugs[0]);
      const prices = found[2].map((i) => i.minPriceFen);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    },
  );

  it.each([
    ['the shortest products hold them', 0],
    ['the shortest products hold too few', SEARCH_WINDOW - SEARCH_CANDIDATES / 2],
  ])(
    'ranks the best of a search with more matches than it ranks at once first (%s), and still finds every match, page by page',
    async (_, shorter) => {
      const matches = SEARCH_CANDIDATES + 45;
      // Published products with shorter texts than any match, and no variants: the shop's shortest.
      await t.sql(
        `INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, shipping_class, shelf_life_days, status, published_at)
       SELECT s.cooperative_id, s.category, 'short-' || n, '短', 'S' || n, s.origin_township_code, s.shipping_class, s.shelf_life_days, 'PUBLISHED', qh_now()
         FROM (SELECT * FROM product WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1) s CROSS JOIN generate_series(1, $1) n`,
        [shorter],
      );
      // Titles of every length from varied letters, inserted in no order of length: the shortest are the most similar to the search text.
      await t.sql(
        `WITH source AS (SELECT * FROM product WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1),
            p AS (INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, shipping_class, shelf_life_days, status, published_at)
                  SELECT s.cooperative_id, s.category, 'probe-' || n, '探针', 'Zqxprobe ' || left(md5(n::text) || md5((-n)::text), (n * 37) % 61), s.origin_township_code,
                         s.shipping_class, s.shelf_life_days, 'PUBLISHED', qh_now() - n * interval '1 minute'
                    FROM source s CROSS JOIN generate_series(1, $1) n RETURNING id, slug)
       INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock)
       SELECT id, upper(slug), '一盒', 'A box', 9900, 300, 5 FROM p`,
        [matches],
      );
      try {
        const ranked = await everyPage('q=zqxprobe&sort=relevance', 50);
        const newest = await everyPage('q=zqxprobe&sort=newest', 50);
        expect(ranked).toHaveLength(matches);
        expect(new Set(ranked.map((i) => i.id)).size).toBe(matches);
        expect(ranked.map((i) => i.slug).sort()).toEqual(newest.map((i) => i.slug).sort());
        // The first page is what ranking every match by similarity would show first.
        const best = await t.sql(
          `SELECT slug FROM product WHERE slug LIKE 'probe-%' ORDER BY round(similarity(search_text, 'zqxprobe')::numeric, 6) DESC, id DESC LIMIT 20`,
        );
        const { body } = await get('/api/products?q=zqxprobe').expect(200);
        expect(body.items.slice(0, 20).map((i: Item) => i.slug)).toEqual(best.map((b) => b.slug));
        // Found as the window says: among the shortest products with one plan, or else among every match.
        const near = productListStatement({ q: 'zqxprobe', sort: 'relevance', limit: 20 });
        expect(await t.sql(near.text, near.values)).toHaveLength(shorter ? 0 : 20);
      } finally {
        await t.sql(
          `DELETE FROM product_variant WHERE sku LIKE 'PROBE-%'; DELETE FROM product WHERE slug LIKE 'probe-%' OR slug LIKE 'short-%'`,
        );
      }
    },
  );

  it('ranks every match of a shop smaller than the search window in one statement', async () => {
    const cherries = await t.sql(`SELECT slug FROM product WHERE category = 'CHERRY' AND status = 'PUBLISHED'`);
    const near = productListStatement({ q: 'yingtao', sort: 'relevance', limit: 20 });
    const found = await t.sql(near.text, near.values);
    expect(
      found
        .slice(0, cherries.length)
        .map((row) => row.slug)
        .sort(),
    ).toEqual(cherries.map((c) => c.slug).sort());
    // Every match there is: no statement need look for more.
    expect(found[0].candidateCount).toBe(found.length);
  });

  it('finds nothing, not everything, for a search with no match', async () => {
    const { body } = await get(`/api/products?q=${encodeURIComponent('不存在的东西')}`).expect(200);
    expect(body).toEqual({ items: [], nextCursor: null });
  });

  it('treats % and _ in a search as plain characters', async () => {
    const { body } = await get('/api/products?q=%25').expect(200);
    expect(body.items).toEqual([]);
  });

  it('pages through every product exactly once, in the same order as one big page', async () => {
    const small = await everyPage('sort=price_asc', 7);
    const big = await everyPage('sort=price_asc', 100);
    expect(small.map((i) => i.id)).toEqual(big.map((i) => i.id));
    expect(new Set(small.map((i) => i.id)).size).toBe(small.length);
    const prices = small.map((i) => i.minPriceFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('keeps the next page stable when a product is published meanwhile', async () => {
    const first = await get('/api/products?limit=10').expect(200);
    const [source] = await t.sql(`SELECT id FROM product WHERE status = 'PUBLISHED' LIMIT 1`);
    await t.sql(
      `WITH p AS (INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, origin_township_code, shipping_class, shelf_life_days, status, published_at)
                  SELECT cooperative_id, category, 'brand-new-tea', '新茶', 'New tea', origin_township_code, shipping_class, shelf_life_days, 'PUBLISHED', qh_now() + interval '1 minute'
                    FROM product WHERE id = $1 RETURNING id)
       INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock) SELECT id, 'BRAND-NEW-1', '一盒', 'A box', 9900, 300, 5 FROM p`,
      [source.id],
    );
    try {
      const before = await everyPage('', 100);
      const second = await get(`/api/products?limit=10&cursor=${first.body.nextCursor}`).expect(200);
      const expected = before.filter((i) => i.slug !== 'brand-new-tea').slice(10, 20);
      expect(second.body.items.map((i: Item) => i.id)).toEqual(expected.map((i) => i.id));
      expect(before[0].slug).toBe('brand-new-tea');
    } finally {
      await t.sql(`DELETE FROM product_variant WHERE sku = 'BRAND-NEW-1'; DELETE FROM product WHERE slug = 'brand-new-tea'`);
    }
  });

  it('filters by category, township, cooperative and certification', async () => {
    const tea = await everyPage('category=TEA', 100);
    expect(tea.length).toBeGreaterThan(0);
    expect(tea.every((i) => i.category === 'TEA')).toBe(true);

    const certified = await everyPage('certified=true', 100);
    const uncertified = await everyPage('certified=false', 100);
    expect(certified.every((i) => i.certified)).toBe(true);
    expect(uncertified.every((i) => !i.certified)).toBe(true);
    expect(certified.length + uncertified.length).toBe((await everyPage('', 100)).length);

    const township = await everyPage('township=520525202', 100);
    expect(township.length).toBeGreaterThan(0);
    expect(township.every((i) => i.township.code === '520525202')).toBe(true);

    const coopId = township[0].cooperative.id;
    expect((await everyPage(`cooperative=${coopId}`, 100)).every((i) => i.cooperative.id === coopId)).toBe(true);
  });

  it('searches within the filters: the matches of the search alone that the filter keeps, in the same order', async () => {
    // "a" is in most English titles: matches of every category, township and cooperative.
    const all = await everyPage('q=a', 100);
    const [first] = all;
    const filters: [string, (item: Item) => boolean][] = [
      ['category=TEA', (i) => i.category === 'TEA'],
      ['certified=true', (i) => i.certified],
      [`township=${first.township.code}`, (i) => i.township.code === first.township.code],
      [`cooperative=${first.cooperative.id}`, (i) => i.cooperative.id === first.cooperative.id],
    ];
    for (const [filter, keeps] of filters) {
      const kept = all.filter(keeps);
      expect([filter, kept.length > 0 && kept.length < all.length]).toEqual([filter, true]);
      const found = await everyPage(`q=a&${filter}`, 7);
      expect([filter, found.map((i) => i.slug)]).toEqual([filter, kept.map((i) => i.slug)]);
    }
  });

  it('counts produce sold all year as in season, and cherries before their window opens as not', async () => {
    const cooperative = await newCooperative(t);
    const noodles = await newProduct(t, cooperative);
    const cherries = await newProduct(t, cooperative, {
      fields: {
        category: 'CHERRY',
        titleZh: '玛瑙红樱桃 明年预订',
        shippingClass: 'CHILLED',
        shelfLifeDays: 7,
        saleStartsAt: '2099-04-01T00:00:00+08:00',
        saleEndsAt: '2099-06-01T00:00:00+08:00',
      },
    });
    const seasonOf = async (slug: string) => (await get(`/api/products/${slug}`).expect(200)).body.season;
    expect(await seasonOf(noodles.slug)).toMatchObject({ inSeason: true, saleStartsAt: null });
    expect(await seasonOf(cherries.slug)).toMatchObject({ inSeason: false, saleStartsAt: '2099-03-31T16:00:00.000Z' });
    const listed = (await everyPage(`cooperative=${cooperative.id}`, 100)).find((item) => item.slug === cherries.slug);
    expect(listed?.season).toEqual(await seasonOf(cherries.slug));
    expect(listed?.season).toMatchObject({ saleStartsAt: '2099-03-31T16:00:00.000Z', saleEndsAt: '2099-05-31T16:00:00.000Z' });

    const inSeason = (await everyPage(`inSeason=true&cooperative=${cooperative.id}`, 100)).map((item) => item.slug);
    const outOfSeason = (await everyPage(`inSeason=false&cooperative=${cooperative.id}`, 100)).map((item) => item.slug);
    expect(inSeason).toEqual([noodles.slug]);
    expect(outOfSeason).toEqual([cherries.slug]);
    // Off the shop again, so that the suite's other lists see the demo products only.
    for (const product of [noodles, cherries]) {
      await request(t.url).post(`/api/coop/products/${product.id}/archive`).set('Authorization', `Bearer ${cooperative.staff}`).expect(200);
    }
  });

  it('stops counting a product as certified once its certificate expires', async () => {
    const [product] = await t.sql(`SELECT slug, certified_until FROM product WHERE certification_no IS NOT NULL LIMIT 1`);
    await t.sql(`UPDATE product SET certified_until = qh_today() - 1 WHERE slug = $1`, [product.slug]);
    try {
      const { body } = await get(`/api/products/${product.slug}`).expect(200);
      expect(body.certified).toBe(false);
      expect(body.certification).toMatchObject({ valid: false });
      expect((await everyPage('certified=true', 100)).map((i) => i.slug)).not.toContain(product.slug);
    } finally {
      await t.sql(`UPDATE product SET certified_until = $2 WHERE slug = $1`, [product.slug, product.certified_until]);
    }
  });

  it('hides products of a suspended cooperative', async () => {
    const [coop] = await t.sql(`SELECT id FROM cooperative ORDER BY name_zh DESC LIMIT 1`);
    await t.sql(`UPDATE cooperative SET status = 'SUSPENDED' WHERE id = $1`, [coop.id]);
    try {
      expect(await everyPage(`cooperative=${coop.id}`, 100)).toEqual([]);
      await get(`/api/cooperatives/${coop.id}`).expect(404);
    } finally {
      await t.sql(`UPDATE cooperative SET status = 'VERIFIED' WHERE id = $1`, [coop.id]);
    }
  });

  it('shows a product with its variants, stock status, certification, cooperative and household counts but no personal data', async () => {
    const [cherry] = await t.sql(
      `SELECT slug FROM product WHERE category = 'CHERRY' AND certification_no IS NOT NULL ORDER BY slug LIMIT 1`,
    );
    const { body } = await get(`/api/products/${cherry.slug}`).expect(200);
    expect(body).toMatchObject({ slug: cherry.slug, category: 'CHERRY', shippingClass: 'CHILLED', certified: true });
    expect(body.variants.length).toBeGreaterThan(0);
    for (const v of body.variants) expect(['IN_STOCK', 'LOW', 'SOLD_OUT']).toContain(v.stockStatus);
    expect(body.variants[0]).not.toHaveProperty('stock');
    expect(body.certification).toMatchObject({ number: expect.any(String), issuer: expect.any(String), valid: true });
    expect(body.cooperativeProfile.creditCode).toMatch(/^93/);
    const [{ verifiedAt }] = await t.sql(`SELECT verified_at AS "verifiedAt" FROM cooperative WHERE id = $1`, [body.cooperative.id]);
    const verifiedAtIso = (verifiedAt as Date).toISOString();
    expect(body.cooperativeProfile.verifiedAt).toBe(verifiedAtIso);
    expect((await get(`/api/cooperatives/${body.cooperative.id}`).expect(200)).body.verifiedAt).toBe(verifiedAtIso);
    expect(body.linkedHouseholds.households).toBeGreaterThan(0);
    const mechanismTotal = body.linkedHouseholds.byMechanism.reduce((s: number, m: { households: number }) => s + m.households, 0);
    expect(mechanismTotal).toBeGreaterThanOrEqual(body.linkedHouseholds.households);
    expect(JSON.stringify(body)).not.toMatch(/id_number|head_name|\*{10}|520525(19|20)\d{8}/);
  });

  it('marks variants low and sold out from their stock', async () => {
    const [variant] = await t.sql(
      `SELECT v.id, p.slug FROM product_variant v JOIN product p ON p.id = v.product_id WHERE p.status = 'PUBLISHED' LIMIT 1`,
    );
    for (const [stock, status] of [
      [0, 'SOLD_OUT'],
      [3, 'LOW'],
      [50, 'IN_STOCK'],
    ] as const) {
      await setStock(t, variant.id as string, stock);
      const { body } = await get(`/api/products/${variant.slug}`).expect(200);
      expect(body.variants.find((v: { id: string }) => v.id === variant.id).stockStatus).toBe(status);
    }
  });

  it('shows a cooperative with its published products', async () => {
    const [coop] = await t.sql(`SELECT id FROM cooperative WHERE status = 'VERIFIED' LIMIT 1`);
    const { body } = await get(`/api/cooperatives/${coop.id}`).expect(200);
    expect(body.id).toBe(coop.id);
    expect(body.products.length).toBeGreaterThan(0);
    expect(body.products.every((p: Item) => p.cooperative.id === coop.id)).toBe(true);
  });

  it('answers unknown products and cooperatives with 404 and a code', async () => {
    expect((await get('/api/products/no-such-product').expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await get('/api/products/DROP%20TABLE').expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await get('/api/cooperatives/00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('COOPERATIVE_NOT_FOUND');
    expect((await get('/api/cooperatives/not-a-uuid').expect(404)).body.code).toBe('COOPERATIVE_NOT_FOUND');
  });

  it.each([
    ['limit=0', 'VALIDATION_FAILED'],
    ['limit=101', 'VALIDATION_FAILED'],
    ['category=APPLE', 'VALIDATION_FAILED'],
    ['township=440106', 'VALIDATION_FAILED'],
    ['certified=yes', 'VALIDATION_FAILED'],
    ['sort=random', 'VALIDATION_FAILED'],
    ['sort=relevance', 'VALIDATION_FAILED'],
    ['cursor=garbage', 'INVALID_CURSOR'],
    ['unknown=1', 'VALIDATION_FAILED'],
  ])('answers %s with 400 %s', async (query, code) => {
    expect((await get(`/api/products?${query}`).expect(400)).body.code).toBe(code);
  });

  it('sends an ETag and answers 304 when nothing changed', async () => {
    const first = await get('/api/products?category=TEA').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    const again = await get('/api/products?category=TEA').set('If-None-Match', first.headers.etag).expect(304);
    expect(again.text).toBe('');
    await get('/api/products?category=EGG').set('If-None-Match', first.headers.etag).expect(200);
  });

  it('shows every demo product with an illustration of its category', async () => {
    const { body } = await get('/api/products?limit=100').expect(200);
    const wrong = body.items.filter((item: Item & { imageUrl: string }) => item.imageUrl !== `/demo/${item.category.toLowerCase()}.svg`);
    expect(wrong).toEqual([]);
  });
});
