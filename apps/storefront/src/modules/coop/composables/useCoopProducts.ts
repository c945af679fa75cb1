import { ref, shallowRef } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { ManagedProduct } from '../product-form';

/** A page of the API's product list at its largest. */
const PAGE_SIZE = 100;
/** Pages read at most: a cooperative with more than 1,000 products is not one of Nayong's. */
const MAX_PAGES = 10;

/**
 * Every product of the cooperative, all statuses, read page by page: for a form that picks one of
 * them (a lot's product) and a filter by product.
 */
export function useCoopProducts() {
  const products = shallowRef<readonly ManagedProduct[]>([]);
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);

  async function load(): Promise<void> {
    errorCode.value = null;
    try {
      const all: ManagedProduct[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await unwrap(api.GET('/api/coop/products', { params: { query: { limit: PAGE_SIZE, cursor } } }));
        all.push(...answer.items);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      products.value = all;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loaded.value = true;
    }
  }

  void load();

  return { products, loaded, errorCode, reload: load };
}
