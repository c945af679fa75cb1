import { computed, ref, watch } from 'vue';
import { api, ApiError, unwrap } from '../../../api';
import type { ProductListItem, ProductQuery } from '../catalog';

/**
 * A growing list of products for a query: the first page loads at once and again whenever the
 * query changes; `loadMore()` appends the `nextCursor` page. Products already shown are never
 * repeated (a product edited between two pages can move across the cursor), and an answer that
 * arrives after the query changed is dropped.
 */
export function useProductList(query: () => ProductQuery, options: { pageSize?: number } = {}) {
  const items = ref<ProductListItem[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  /** The first page has arrived (so an empty list means "nothing found", not "not yet"). */
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);
  const hasMore = computed(() => nextCursor.value !== null);

  // Numbers each request; only the latest one may change the list.
  let latest = 0;

  async function fetchPage(cursor: string | undefined): Promise<void> {
    const request = (latest += 1);
    loading.value = true;
    errorCode.value = null;
    try {
      const page = await unwrap(api.GET('/api/products', { params: { query: { ...query(), limit: options.pageSize, cursor } } }));
      if (request !== latest) return;
      const shown = new Set(items.value.map((item) => item.id));
      items.value = [...items.value, ...page.items.filter((item) => !shown.has(item.id))];
      nextCursor.value = page.nextCursor ?? null;
      loaded.value = true;
    } catch (error) {
      if (request !== latest) return;
      errorCode.value = error instanceof ApiError ? error.code : 'UNKNOWN';
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  function reload(): Promise<void> {
    items.value = [];
    nextCursor.value = null;
    loaded.value = false;
    return fetchPage(undefined);
  }

  /** Appends the next page; does nothing while a page is loading or when there is none. */
  function loadMore(): Promise<void> {
    if (loading.value || nextCursor.value === null) return Promise.resolve();
    return fetchPage(nextCursor.value);
  }

  /** After an error: the first page again, or the page that failed. */
  function retry(): Promise<void> {
    return nextCursor.value === null ? reload() : fetchPage(nextCursor.value);
  }

  // Compared as text: the getter builds a new object each time, but only a different query reloads.
  watch(() => JSON.stringify(query()), reload, { immediate: true });

  return { items, nextCursor, hasMore, loading, loaded, errorCode, loadMore, reload, retry };
}
