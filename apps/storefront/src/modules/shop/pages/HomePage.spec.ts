import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { productItem, productItems } from '../../../testing/catalog';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const slugsIn = (app: VueWrapper, testid: string) =>
  app
    .get(`[data-testid="${testid}"]`)
    .findAll('[data-testid="product-card"]')
    .map((card) => card.attributes('data-slug'));

describe('home page', () => {
  it('shows a few in-season and a few certified products, with links to all of them', async () => {
    const server = fakeSessionApi(null, {
      'GET /api/products': (request) => {
        const params = new URL(request.url).searchParams;
        const items = params.get('inSeason') === 'true' ? [productItem({ slug: 'cherries' })] : productItems(4);
        return jsonResponse(200, { items, nextCursor: 'more' });
      },
    });
    ({ wrapper } = await mountApp());

    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('纳雍好物，直达广州');
    expect(wrapper.findAll('h1')).toHaveLength(1);
    expect(wrapper.get('[data-testid="home-in-season"] h2').text()).toBe('当季鲜品');
    expect(slugsIn(wrapper, 'home-in-season')).toEqual(['cherries']);
    expect(wrapper.get('[data-testid="home-certified"] h2').text()).toBe('消费帮扶产品');
    expect(slugsIn(wrapper, 'home-certified')).toEqual(['product-1', 'product-2', 'product-3', 'product-4']);
    expect(wrapper.get('[data-testid="home-in-season"] a[href="/search?inSeason=true"]').text()).toBe('查看全部当季鲜品');
    expect(wrapper.get('[data-testid="home-certified"] a[href="/search?certified=true"]').text()).toBe('查看全部消费帮扶产品');

    const queries = server.callsTo('GET', '/api/products').map((request) => new URL(request.url).search);
    expect(queries.sort()).toEqual(['?certified=true&limit=4', '?inSeason=true&limit=4']);
    // The categories stay below the products.
    expect(wrapper.findAll('[data-testid^="category-card-"]')).toHaveLength(8);
  });

  it('leaves out a strip with nothing in it', async () => {
    fakeSessionApi(null, {
      'GET /api/products': (request) =>
        jsonResponse(200, { items: new URL(request.url).searchParams.has('inSeason') ? [] : productItems(2), nextCursor: null }),
    });
    ({ wrapper } = await mountApp());

    expect(wrapper.find('[data-testid="home-in-season"]').exists()).toBe(false);
    expect(slugsIn(wrapper, 'home-certified')).toEqual(['product-1', 'product-2']);
  });

  it('says so in a strip whose products could not be loaded', async () => {
    fakeSessionApi(null, { 'GET /api/products': () => errorResponse(503, 'NETWORK') });
    ({ wrapper } = await mountApp());

    expect(wrapper.get('[data-testid="home-in-season"]').text()).toContain('无法连接服务器，请检查网络后重试。');
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('纳雍好物，直达广州');
  });

  it('shows what buying here has done, with small groups merged, and nothing when the figures do not come', async () => {
    fakeSessionApi(null, {
      'GET /api/products': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/impact/public': () =>
        jsonResponse(200, {
          linkedSalesFen: 12_345_600,
          poolFen: 1_234_500,
          households: 38,
          people: 140,
          byCategory: [
            {
              key: 'CHERRY',
              nameZh: '玛瑙红樱桃',
              nameEn: 'Agate-red cherries',
              linkedSalesFen: 10_000_000,
              poolFen: 1_000_000,
              households: 30,
              people: 100,
            },
            { key: 'OTHER', nameZh: '其他', nameEn: 'Other', linkedSalesFen: 2_345_600, poolFen: 234_500, households: null, people: null },
          ],
          byTownship: [],
        }),
    });
    ({ wrapper } = await mountApp());
    await settle();

    expect(wrapper.get('[data-testid="public-impact-sales"]').text()).toBe('¥123,456.00');
    expect(wrapper.get('[data-testid="public-impact-households"]').text()).toBe('38');
    expect(wrapper.findAll('[data-testid="public-impact-category"]').map((li) => li.text())).toEqual([
      '玛瑙红樱桃 · ¥100,000.00',
      '其他 · ¥23,456.00',
    ]);
    wrapper.unmount();

    fakeSessionApi(null, { 'GET /api/products': () => jsonResponse(200, { items: [], nextCursor: null }) });
    ({ wrapper } = await mountApp());
    await settle();
    expect(wrapper.find('[data-testid="public-impact"]').exists()).toBe(false);
  });
});
