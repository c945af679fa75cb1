import { computed, ref, shallowRef, watch } from 'vue';
import { errorCodeOf } from '../api';

/** One page of a keyset-paginated list, as every list route of the API answers. */
export interface KeysetPage<Item> {
  items: Item[];
  nextCursor?: string | null;
}

/**
 * A growing list read through the API's keyset cursors: the first page loads at once and again
 * whenever `key` changes; `loadMore()` appends the `nextCursor` page. Items already shown are never
 * repeated (one edited between two pages can move across the cursor), and an answer that arrives
 * after the key changed is dropped.
 *
 * `fetchPage` reads the current filters itself; `key` names them, so that only a change reloads.
 */
export function useKeysetList<Item extends { id: string }>(
  key: () => unknown,
  fetchPage: (cursor: string | undefined) => Promise<KeysetPage<Item>>,
) {
  // Shallow: the list is only ever replaced, never changed in place.
  const items = shallowRef<Item[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  /** The first page has arrived (so an empty list means "nothing found", not "not yet"). */
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);
  const hasMore = computed(() => nextCursor.value !== null);

  // Numbers each request; only the latest one may change the list.
  let latest = 0;

  async function load(cursor: string | undefined): Promise<void> {
    const request = (latest += 1);
    loading.value = true;
    errorCode.value = null;
    try {
      const page = await fetchPage(cursor);
      if (request !== latest) return;
      const shown = new Set(items.value.map((item) => item.id));
      items.value = [...items.value, ...page.items.filter((item) => !shown.has(item.id))];
      nextCursor.value = page.nextCursor ?? null;
      loaded.value = true;
    } catch (error) {
      if (request !== latest) return;
      errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  function reload(): Promise<void> {
    items.value = [];
    nextCursor.value = null;
    loaded.value = false;
    return load(undefined);
  }

  /** Appends the next page; does nothing while a page is loading or when there is none. */
  function loadMore(): Promise<void> {
    if (loading.value || nextCursor.value === null) return Promise.resolve();
    return load(nextCursor.value);
  }

  /** After an error: the first page again, or the page that failed. */
  function retry(): Promise<void> {
    return nextCursor.value === null ? reload() : load(nextCursor.value);
  }

  /** Shows a changed item in place of the one with its id, e.g. after an admin approved it. */
  function replace(changed: Item): void {
    items.value = items.value.map((item) => (item.id === changed.id ? changed : item));
  }

  // Compared as text: a getter may build a new object or array each time, but only a different key reloads.
  watch(() => JSON.stringify(key()), reload, { immediate: true });

  return { items, nextCursor, hasMore, loading, loaded, errorCode, loadMore, reload, retry, replace };
}
