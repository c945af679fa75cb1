import { ref, watch } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { CoopFulfillment } from '../fulfillments';

/**
 * One of the cooperative's shipments by id, for its delivery note: the list answers just that one for
 * `?id=`, and nothing when it is not the cooperative's (`notFound`).
 */
export function useCoopFulfillment(id: () => string) {
  const fulfillment = ref<CoopFulfillment | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  async function load(): Promise<void> {
    const request = (latest += 1);
    fulfillment.value = null;
    notFound.value = false;
    errorCode.value = null;
    loading.value = true;
    try {
      const answer = await unwrap(api.GET('/api/coop/fulfillments', { params: { query: { id: id() } } }));
      if (request !== latest) return;
      const found = answer.items[0];
      if (found) fulfillment.value = found;
      else notFound.value = true;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(id, load, { immediate: true });

  return { fulfillment, loading, notFound, errorCode, reload: load };
}
