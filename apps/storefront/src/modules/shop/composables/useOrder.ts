import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { Order } from '../orders';
import { useApiResource } from './useApiResource';

/** Ask again every two seconds, for a minute, while a paid order waits for the provider's word. */
const POLL_EVERY_MS = 2000;
const POLL_FOR_MS = 60_000;

export type OrderAction = 'pay' | 'fail' | 'cancel' | 'confirm';
const CALLS: Record<OrderAction, (number: string) => Promise<Order>> = {
  pay: (number) => unwrap(api.POST('/api/payments/demo/{number}/pay', { params: { path: { number } } })),
  fail: (number) => unwrap(api.POST('/api/payments/demo/{number}/fail', { params: { path: { number } } })),
  cancel: (number) => unwrap(api.POST('/api/orders/{number}/cancel', { params: { path: { number } } })),
  confirm: (number) => unwrap(api.POST('/api/orders/{number}/confirm-receipt', { params: { path: { number } } })),
};
const fetchOrder = (number: string): Promise<Order> => unwrap(api.GET('/api/orders/{number}', { params: { path: { number } } }));

/**
 * One of the buyer's orders: loaded for `number`, changed by the buyer's actions (each answers with
 * the changed order, shown without another round trip), and, after the payment provider took the
 * money, asked again until the provider's webhook made it paid.
 */
export function useOrder(number: () => string, options: { confirming: boolean }) {
  const { data, loading, notFound, errorCode, reload } = useApiResource(number, fetchOrder);
  const changed = ref<Order | null>(null);
  const order = computed(() => (changed.value?.number === number() ? changed.value : data.value));

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

  const acting = ref(false);
  const actionErrorCode = ref<string | null>(null);
  /** Runs `action` on the order; true when it went through. */
  async function act(action: OrderAction): Promise<boolean> {
    if (!order.value || acting.value) return false;
    acting.value = true;
    actionErrorCode.value = null;
    try {
      changed.value = await CALLS[action](order.value.number);
      return true;
    } catch (error) {
      actionErrorCode.value = errorCodeOf(error);
      // Most likely the order moved on (expired, shipped): show where it is now.
      if (actionErrorCode.value === 'ORDER_STATUS_CONFLICT') {
        changed.value = null;
        await reload();
      }
      return false;
    } finally {
      acting.value = false;
    }
  }

  return { order, loading, notFound, errorCode, reload, confirming, waitForConfirmation, acting, actionErrorCode, act };
}
