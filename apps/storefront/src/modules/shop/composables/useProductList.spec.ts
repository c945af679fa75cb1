import { PRODUCT_CATEGORIES, productListQuery } from '@qh/domain';
import { flushPromises } from '@vue/test-utils';
import fc from 'fast-check';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, ref, type EffectScope } from 'vue';
import { productItems } from '../../../testing/catalog';
import { errorResponse, fakeApi, jsonResponse } from '../../../testing/app';
import type { ProductListItem, ProductQuery } from '../catalog';
import { filtersFromQuery, productQuery } from '../catalog-filters';
import { useProductList } from './useProductList';

let scope: EffectScope;

beforeEach(() => {
  setActivePinia(createPinia());
  scope = effectScope();
});
afterEach(() => scope.stop());

function start(query: () => ProductQuery) {
  return scope.run(() => useProductList(query))!;
}

const slugs = (items: ProductListItem[]) => items.map((item) => item.slug);

/** A catalogue served in pages: `pages[cursor]`, the first under the empty cursor. */
function pagedApi(pages: Record<string, { items: ProductListItem[]; nextCursor: string | null }>) {
  return fakeApi({
    'GET /api/products': (request) => {
      const page = pages[new URL(request.url).searchParams.get('cursor') ?? ''];
      return page ? jsonResponse(200, page) : errorResponse(400, 'INVALID_CURSOR');
    },
  });
}

describe('useProductList', () => {
  it('loads the first page with the query', async () => {
    const server = pagedApi({ '': { items: productItems(2), nextCursor: null } });

    const list = start(() => ({ category: 'TEA', certified: 'true', sort: 'newest' }));
    await flushPromises();

    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2']);
    expect(list.hasMore.value).toBe(false);
    const [request] = server.callsTo('GET', '/api/products');
    expect(new URL(request!.url).search).toBe('?category=TEA&certified=true&sort=newest');
  });

  it('appends the next page after the ones already shown, without repeating a product', async () => {
    const server = pagedApi({
      '': { items: productItems(3, 1), nextCursor: 'page-2' },
      // product-3 shows up again, as it can when it is edited between two pages.
      'page-2': { items: productItems(3, 3), nextCursor: 'page-3' },
      'page-3': { items: productItems(1, 6), nextCursor: null },
    });
    const list = start(() => ({ sort: 'newest' }));
    await flushPromises();

    await list.loadMore();
    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2', 'product-3', 'product-4', 'product-5']);
    await list.loadMore();
    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2', 'product-3', 'product-4', 'product-5', 'product-6']);
    expect(list.hasMore.value).toBe(false);

    await list.loadMore();
    expect(server.callsTo('GET', '/api/products')).toHaveLength(3);
  });

  it('asks for a page only once when asked twice at the same time', async () => {
    const server = pagedApi({
      '': { items: productItems(2), nextCursor: 'page-2' },
      'page-2': { items: productItems(2, 3), nextCursor: null },
    });
    const list = start(() => ({ sort: 'newest' }));
    await flushPromises();

    await Promise.all([list.loadMore(), list.loadMore()]);

    expect(server.callsTo('GET', '/api/products')).toHaveLength(2);
    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2', 'product-3', 'product-4']);
  });

  it('starts over when the query changes, dropping an answer to the old query', async () => {
    const category = ref<ProductQuery['category']>('TEA');
    let answerTea: (response: Response) => void = () => undefined;
    fakeApi({
      'GET /api/products': (request) =>
        new URL(request.url).searchParams.get('category') === 'TEA'
          ? new Promise<Response>((resolve) => (answerTea = resolve))
          : jsonResponse(200, { items: productItems(1, 10), nextCursor: null }),
    });
    const list = start(() => ({ category: category.value }));
    await flushPromises();

    category.value = 'EGG';
    await flushPromises();
    answerTea(jsonResponse(200, { items: productItems(2), nextCursor: 'more-tea' }));
    await flushPromises();

    expect(slugs(list.items.value)).toEqual(['product-10']);
    expect(list.hasMore.value).toBe(false);
  });

  it('keeps what it has when a later page fails, and retries that page', async () => {
    let failing = true;
    fakeApi({
      'GET /api/products': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        if (cursor === null) return jsonResponse(200, { items: productItems(2), nextCursor: 'page-2' });
        return failing ? errorResponse(503, 'DATABASE_UNAVAILABLE') : jsonResponse(200, { items: productItems(1, 3), nextCursor: null });
      },
    });
    const list = start(() => ({}));
    await flushPromises();

    await list.loadMore();
    expect(list.errorCode.value).toBe('DATABASE_UNAVAILABLE');
    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2']);

    failing = false;
    await list.retry();
    expect(list.errorCode.value).toBeNull();
    expect(slugs(list.items.value)).toEqual(['product-1', 'product-2', 'product-3']);
  });

  // The server hints a listing page's first read with the page (productListQuery); the browser uses the
  // hint only for a request with exactly its URL (both as its URL parser reads them), so the listing
  // must ask for exactly that.
  it('asks for its first page exactly as the server hints it, whatever the address holds', async () => {
    const value = fc.oneof(
      fc.constantFrom('true', 'false', '520525202', 'price_asc', 'relevance', '樱桃', ' yt ', 'a&b=c', '%', '+', ''),
      fc.string({ maxLength: 60 }),
    );
    const address = fc.record(
      { q: value, certified: value, inSeason: value, township: value, sort: value, from: value },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(address, fc.option(fc.constantFrom(...PRODUCT_CATEGORIES), { nil: undefined }), async (query, category) => {
        const server = pagedApi({ '': { items: [], nextCursor: null } });
        const filters = filtersFromQuery(query);
        scope.run(() => useProductList(() => productQuery(filters, category)));
        await flushPromises();
        const [request] = server.callsTo('GET', '/api/products');
        const url = new URL(request!.url);
        expect(url.href).toBe(new URL(`/api/products?${productListQuery(filters, category)}`, url.origin).href);
      }),
      { numRuns: 200 },
    );
  });
});
