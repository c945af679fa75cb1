import { ref, watch } from 'vue';
import { ApiError, errorCodeOf } from '../../../api';

/**
 * Loads one thing from the API for a key (a slug, an id), again whenever the key changes.
 * `notFound` is set on a 404 so the page can say so; any other failure leaves its code in
 * `errorCode`. An answer for a key that is no longer current is dropped.
 */
export function useApiResource<Data>(key: () => string, load: (key: string) => Promise<Data>) {
  const data = ref<Data | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  async function refresh(): Promise<void> {
    const request = (latest += 1);
    data.value = null;
    loading.value = true;
    notFound.value = false;
    errorCode.value = null;
    try {
      const result = await load(key());
      if (request === latest) data.value = result;
    } catch (error) {
      if (request !== latest) return;
      if (error instanceof ApiError && error.status === 404) notFound.value = true;
      else errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(key, refresh, { immediate: true });

  return { data, loading, notFound, errorCode, reload: refresh };
}
