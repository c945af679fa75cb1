import { ref, watch } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { CoopFulfillment } from '../fulfillments';

/** Pages of the cooperative's shipments read while looking for one, newest first; a delivery note is printed for a recent one. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * One of the cooperative's shipments by id, for its delivery note. The API lists shipments but has no
 * route for one, and its list query takes no id (CoopFulfillmentQueryDto: status, cursor, limit), so
 * the pages are read until it turns up; `notFound` when it is in none of them.
 */
export function useCoopFulfillment(id: () => string) {
  const fulfillment = ref<CoopFulfillment | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  async function load(): Promise<void> {
    const request = (latest += 1);
    const wanted = id();
    fulfillment.value = null;
    notFound.value = false;
    errorCode.value = null;
    loading.value = true;
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await unwrap(api.GET('/api/coop/fulfillments', { params: { query: { limit: PAGE_SIZE, cursor } } }));
        if (request !== latest) return;
        const found = answer.items.find((item) => item.id === wanted);
        if (found) {
          fulfillment.value = found;
          return;
        }
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      notFound.value = true;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(id, load, { immediate: true });

  return { fulfillment, loading, notFound, errorCode, reload: load };
}
