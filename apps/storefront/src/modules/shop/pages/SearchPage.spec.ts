import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { fakeIntersectionObserver, productItem, productItems } from '../../../testing/catalog';
import type { ProductListItem } from '../catalog';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Page = { items: ProductListItem[]; nextCursor: string | null };

/** A guest's visit with a catalogue that answers `GET /api/products` from `answer(searchParams)`. */
function catalogApi(answer: (params: URLSearchParams) => Page | Response) {
  return fakeSessionApi(null, {
    'GET /api/products': (request) => {
      const page = answer(new URL(request.url).searchParams);
      return page instanceof Response ? page : jsonResponse(200, page);
    },
  });
}

/** The query strings the page sent to `GET /api/products`, in order. */
function productRequests(server: ReturnType<typeof fakeSessionApi>): string[] {
  return server.callsTo('GET', '/api/products').map((request) => decodeURIComponent(new URL(request.url).search));
}

const cardSlugs = (app: VueWrapper) => app.findAll('[data-testid="product-card"]').map((card) => card.attributes('data-slug'));

describe('search page', () => {
  it('shows what matches the search text, sorted by relevance', async () => {
    const server = catalogApi(() => ({ items: [productItem()], nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/search?q=樱桃' }));

    expect(wrapper.get('h1').text()).toBe('“樱桃”的搜索结果');
    expect(wrapper.findAll('h1')).toHaveLength(1);
    expect(cardSlugs(wrapper)).toEqual(['shedongguan-cherry-box']);
    expect(wrapper.get('[data-testid="product-list-status"]').text()).toBe('已显示 1 件商品');
    expect(wrapper.get<HTMLInputElement>('[data-testid="search-input"]').element.value).toBe('樱桃');
    expect(productRequests(server)).toEqual(['?q=樱桃&sort=relevance']);
    expect(document.title).toBe('搜索 · 黔货入粤');
  });

  it('is reached from the search box in the header', async () => {
    const server = catalogApi(() => ({ items: [productItem()], nextCursor: null }));
    let router;
    ({ wrapper, router } = await mountApp({ path: '/' }));

    await wrapper.get('[data-testid="search-input"]').setValue('  yingtao ');
    await wrapper.get('[data-testid="search-submit"]').trigger('submit');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/search?q=yingtao');
    expect(wrapper.get('h1').text()).toBe('“yingtao”的搜索结果');
    expect(productRequests(server)).toContain('?q=yingtao&sort=relevance');
  });

  it('lists every product when searched for nothing', async () => {
    catalogApi(() => ({ items: productItems(2), nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/search' }));

    expect(wrapper.get('h1').text()).toBe('全部商品');
    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2']);
    // Relevance needs a search text, so it is not offered.
    expect(wrapper.findAll('[data-testid="sort-select"] option').map((option) => option.text())).toEqual([
      '最新上架',
      '价格从低到高',
      '价格从高到低',
    ]);
  });

  it('puts the chosen filters in the address and asks the API for them', async () => {
    const server = catalogApi(() => ({ items: [productItem()], nextCursor: null }));
    let router;
    ({ wrapper, router } = await mountApp({ path: '/search?q=茶' }));

    await wrapper.get('[data-testid="filter-certified"]').setValue(true);
    await settle();
    await wrapper.get('[data-testid="filter-in-season"]').setValue(true);
    await settle();
    await wrapper.get('[data-testid="filter-township"]').setValue('520525202');
    await settle();
    await wrapper.get('[data-testid="sort-select"]').setValue('price_asc');
    await settle();

    expect(router.currentRoute.value.query).toEqual({
      q: '茶',
      certified: 'true',
      inSeason: 'true',
      township: '520525202',
      sort: 'price_asc',
    });
    expect(productRequests(server).at(-1)).toBe('?q=茶&certified=true&inSeason=true&township=520525202&sort=price_asc');
  });

  it('shows the filters of the address as chosen, so a reload keeps them', async () => {
    const server = catalogApi(() => ({ items: [productItem()], nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/search?certified=true&township=520525107&sort=price_desc' }));

    expect(wrapper.get<HTMLInputElement>('[data-testid="filter-certified"]').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('[data-testid="filter-in-season"]').element.checked).toBe(false);
    const township = wrapper.get<HTMLSelectElement>('[data-testid="filter-township"]').element;
    expect(township.value).toBe('520525107');
    expect(township.options[township.selectedIndex]!.text.trim()).toBe('百兴镇');
    expect(wrapper.get<HTMLSelectElement>('[data-testid="sort-select"]').element.value).toBe('price_desc');
    expect(productRequests(server)).toEqual(['?certified=true&township=520525107&sort=price_desc']);
  });

  it('labels every filter', async () => {
    catalogApi(() => ({ items: [], nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/search' }));

    expect(wrapper.get('[data-testid="filter-certified"]').element.closest('label')!.textContent!.trim()).toBe('只看消费帮扶产品');
    expect(wrapper.get('[data-testid="filter-in-season"]').element.closest('label')!.textContent!.trim()).toBe('只看当季');
    expect(wrapper.get('label[for="filter-township"]').text()).toBe('产地乡镇');
    expect(wrapper.get('label[for="filter-sort"]').text()).toBe('排序');
    expect(wrapper.get('label[for="site-search"]').text()).toBe('搜索商品');
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    const observer = fakeIntersectionObserver();
    const server = catalogApi((params) =>
      params.get('cursor') === 'page-2'
        ? { items: productItems(2, 3), nextCursor: null }
        : { items: productItems(2, 1), nextCursor: 'page-2' },
    );
    ({ wrapper } = await mountApp({ path: '/search?q=茶' }));
    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2']);

    observer.reveal();
    await settle();

    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2', 'product-3', 'product-4']);
    expect(productRequests(server)).toEqual(['?q=茶&sort=relevance', '?q=茶&sort=relevance&cursor=page-2']);
    expect(wrapper.get('[data-testid="product-list-status"]').text()).toBe('已显示 4 件商品');
    expect(wrapper.find('[data-testid="load-more"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('已经到底了');
  });

  it('never shows a product twice when pages overlap', async () => {
    const observer = fakeIntersectionObserver();
    catalogApi((params) =>
      params.get('cursor') === 'page-2'
        ? { items: productItems(3, 2), nextCursor: null }
        : { items: productItems(2, 1), nextCursor: 'page-2' },
    );
    ({ wrapper } = await mountApp({ path: '/search' }));

    observer.reveal();
    await settle();

    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2', 'product-3', 'product-4']);
  });

  it('offers a "load more" button where there is no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    catalogApi((params) =>
      params.get('cursor') === 'page-2'
        ? { items: productItems(1, 3), nextCursor: null }
        : { items: productItems(2, 1), nextCursor: 'page-2' },
    );
    ({ wrapper } = await mountApp({ path: '/search' }));

    const more = wrapper.get('[data-testid="load-more"]');
    expect(more.text()).toBe('加载更多');
    await more.trigger('click');
    await settle();

    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2', 'product-3']);
    expect(wrapper.find('[data-testid="load-more"]').exists()).toBe(false);
  });

  it('says when nothing matches, and clears the filters on request', async () => {
    let router;
    const server = catalogApi((params) =>
      params.has('certified') ? { items: [], nextCursor: null } : { items: productItems(1), nextCursor: null },
    );
    ({ wrapper, router } = await mountApp({ path: '/search?q=鸡&certified=true' }));

    const empty = wrapper.get('[data-testid="product-list-empty"]');
    expect(empty.text()).toContain('没有找到与“鸡”相关的商品。');
    await empty.get('[data-testid="clear-filters"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/search?q=%E9%B8%A1');
    expect(cardSlugs(wrapper)).toEqual(['product-1']);
    expect(productRequests(server).at(-1)).toBe('?q=鸡&sort=relevance');
  });

  it('shows the message for the error and tries again on request', async () => {
    let fail = true;
    catalogApi(() => (fail ? errorResponse(503, 'NETWORK') : { items: productItems(1), nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/search' }));

    const error = wrapper.get('[data-testid="product-list-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('无法连接服务器，请检查网络后重试。');
    expect(wrapper.find('[data-testid="product-list-empty"]').exists()).toBe(false);

    fail = false;
    await error.get('[data-testid="retry"]').trigger('click');
    await settle();

    expect(wrapper.find('[data-testid="product-list-error"]').exists()).toBe(false);
    expect(cardSlugs(wrapper)).toEqual(['product-1']);
  });

  it('shows a general message for an error it has no words for', async () => {
    catalogApi(() => errorResponse(400, 'INVALID_CURSOR'));
    ({ wrapper } = await mountApp({ path: '/search', locale: 'en' }));

    expect(wrapper.get('[data-testid="product-list-error"]').text()).toContain('Something went wrong. Please try again later.');
  });

  it('does not ask for products again on the way to a product page', async () => {
    const server = fakeSessionApi(null, {
      'GET /api/products': () => jsonResponse(200, { items: [productItem()], nextCursor: null }),
      'GET /api/products/shedongguan-cherry-box': () => errorResponse(404, 'PRODUCT_NOT_FOUND'),
    });
    ({ wrapper } = await mountApp({ path: '/search?q=樱桃' }));

    await wrapper.get('[data-testid="product-card"]').trigger('click');
    await settle();

    expect(server.callsTo('GET', '/api/products')).toHaveLength(1);
  });
});

describe('category page', () => {
  it('lists the products of the category, with the filters of the address', async () => {
    const server = catalogApi(() => ({ items: productItems(2), nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/category/tea?inSeason=true' }));

    expect(wrapper.get('[data-testid="category-title"]').text()).toBe('茶叶');
    expect(cardSlugs(wrapper)).toEqual(['product-1', 'product-2']);
    expect(productRequests(server)).toEqual(['?category=TEA&inSeason=true&sort=newest']);
    expect(wrapper.get<HTMLInputElement>('[data-testid="filter-in-season"]').element.checked).toBe(true);
  });

  it('starts afresh when another category is chosen in the header', async () => {
    const server = catalogApi((params) => ({ items: productItems(1, params.get('category') === 'EGG' ? 5 : 1), nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/category/TEA?certified=true' }));

    await wrapper.get('[data-testid="category-link-EGG"]').trigger('click');
    await settle();

    expect(wrapper.get('h1').text()).toBe('土鸡蛋');
    expect(cardSlugs(wrapper)).toEqual(['product-5']);
    expect(productRequests(server).at(-1)).toBe('?category=EGG&sort=newest');
  });

  it('says so for a category that does not exist, without asking the API', async () => {
    const server = catalogApi(() => ({ items: [], nextCursor: null }));
    ({ wrapper } = await mountApp({ path: '/category/durian' }));

    expect(wrapper.get('h1').text()).toBe('没有这个品类');
    expect(server.callsTo('GET', '/api/products')).toHaveLength(0);
  });
});
