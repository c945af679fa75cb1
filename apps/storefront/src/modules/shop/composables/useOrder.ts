import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { Order } from '../orders';
import { useWatchedOrder } from '../../../composables/useWatchedOrder';

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
  const { order, show, loading, notFound, errorCode, reload, confirming, waitForConfirmation } = useWatchedOrder(
    number,
    fetchOrder,
    options,
  );

  const acting = ref(false);
  const actionErrorCode = ref<string | null>(null);
  /** Runs `action` on the order; true when it went through. */
  async function act(action: OrderAction): Promise<boolean> {
    if (!order.value || acting.value) return false;
    acting.value = true;
    actionErrorCode.value = null;
    try {
      show(await CALLS[action](order.value.number));
      return true;
    } catch (error) {
      actionErrorCode.value = errorCodeOf(error);
      // Most likely the order moved on (expired, shipped): show where it is now.
      if (actionErrorCode.value === 'ORDER_STATUS_CONFLICT') {
        show(null);
        await reload();
      }
      return false;
    } finally {
      acting.value = false;
    }
  }

  return { order, loading, notFound, errorCode, reload, confirming, waitForConfirmation, acting, actionErrorCode, act };
}
