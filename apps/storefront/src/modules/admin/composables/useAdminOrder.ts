import type { components } from '@qh/api-client';
import type { OrderStatus } from '@qh/domain';
import { onMounted, ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { Order } from '../../shop/orders';

type FlaggedPayment = components['schemas']['FlaggedPaymentDto'];
export type OrderSummary = components['schemas']['AdminOrderSummaryDto'];
type NewRefund = components['schemas']['CreateRefundDto'];

/** One order as an admin looks it up and refunds it, and the payments flagged for someone to look at. */
export function useAdminOrder() {
  const flagged = ref<FlaggedPayment[]>([]);
  onMounted(async () => {
    try {
      flagged.value = await unwrap(api.GET('/api/admin/payments/flagged'));
    } catch {
      // The list is a convenience; looking an order up still works without it.
    }
  });

  const order = ref<Order | null>(null);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);

  /** Shows the order; true when it was found. */
  async function open(number: string): Promise<boolean> {
    loading.value = true;
    errorCode.value = null;
    try {
      order.value = await unwrap(api.GET('/api/admin/orders/{number}', { params: { path: { number } } }));
      return true;
    } catch (error) {
      order.value = null;
      errorCode.value = errorCodeOf(error);
      return false;
    } finally {
      loading.value = false;
    }
  }

  const found = ref<OrderSummary[] | null>(null);

  /** Orders by number (or its start), the mobile number they went to, or the buyer's email; and by status. */
  async function search(query: { q?: string; status?: OrderStatus }): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    order.value = null;
    try {
      const params = { query: { limit: 50, ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}) } };
      found.value = (await unwrap(api.GET('/api/admin/orders', { params }))).items;
    } catch (error) {
      found.value = null;
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Asks for the refund, then shows the order as it is after it; throws the API's refusal. */
  async function refund(body: NewRefund): Promise<{ amountFen: number; status: string }> {
    const created = await unwrap(api.POST('/api/admin/refunds', { body }));
    await open(body.orderNumber);
    return { amountFen: created.amountFen, status: created.status };
  }

  return { flagged, order, found, loading, errorCode, open, search, refund };
}
