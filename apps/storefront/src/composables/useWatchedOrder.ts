import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { useApiResource } from '../modules/shop/composables/useApiResource';

/** Ask again every two seconds, for a minute, while a paid order waits for the provider's word. */
const POLL_EVERY_MS = 2000;
const POLL_FOR_MS = 60_000;

/**
 * An order shown on a page, the buyer's or an organisation's: loaded for `number`, replaced by what
 * each action answers (`changed`, shown without another round trip), and, after the payment provider
 * took the money, asked again until the provider's webhook made it paid.
 */
export function useWatchedOrder<T extends { number: string; status: string }>(
  number: () => string,
  fetchOrder: (number: string) => Promise<T>,
  options: { confirming: boolean },
) {
  const { data, loading, notFound, errorCode, reload } = useApiResource(number, fetchOrder);
  const changed = shallowRef<T | null>(null);
  const order = computed((): T | null => (changed.value?.number === number() ? changed.value : (data.value as T | null)));

  const confirming = ref(options.confirming);
  let polling: ReturnType<typeof setTimeout> | undefined;
  function waitForConfirmation(startedAt = Date.now()): void {
    confirming.value = true;
    clearTimeout(polling);
    polling = setTimeout(async () => {
      try {
        changed.value = await fetchOrder(number());
      } catch {
        // A missed poll is retried by the next one.
      }
      if (order.value?.status === 'AWAITING_PAYMENT' && Date.now() - startedAt < POLL_FOR_MS) waitForConfirmation(startedAt);
      else confirming.value = false;
    }, POLL_EVERY_MS);
  }
  onMounted(() => confirming.value && waitForConfirmation());
  onBeforeUnmount(() => clearTimeout(polling));

  /** Shows an action's answer; `null` goes back to the order as loaded, e.g. before a reload after a conflict. */
  const show = (next: T | null) => void (changed.value = next);

  return { order, show, loading, notFound, errorCode, reload, confirming, waitForConfirmation };
}
