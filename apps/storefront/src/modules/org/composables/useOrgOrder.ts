import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import { ApiError, api, errorCodeOf, unwrap } from '../../../api';
import { problemLineIndexes } from '../org-orders';
import { useApiResource } from '../../shop/composables/useApiResource';
import type { AcceptanceInput, OrgOrder } from '../org-api';

/** Ask again every two seconds, for a minute, while a paid order waits for the provider's word. */
const POLL_EVERY_MS = 2000;
const POLL_FOR_MS = 60_000;

const path = (number: string) => ({ params: { path: { number } } });
const fetchOrder = (number: string): Promise<OrgOrder> => unwrap(api.GET('/api/org/orders/{number}', path(number)));

export type OrgOrderAction = 'approve' | 'reject' | 'cancel' | 'resumePayment' | 'pay' | 'fail';

const CALLS: Record<OrgOrderAction, (number: string, reason: string) => Promise<OrgOrder>> = {
  approve: (number) => unwrap(api.POST('/api/org/orders/{number}/approve', path(number))),
  reject: (number, reason) => unwrap(api.POST('/api/org/orders/{number}/reject', { ...path(number), body: { reason } })),
  cancel: (number) => unwrap(api.POST('/api/org/orders/{number}/cancel', path(number))),
  resumePayment: (number) => unwrap(api.POST('/api/org/orders/{number}/payment', path(number))),
  // The demo provider answers with the buyer's view of the order: the organisation's is read again.
  pay: async (number) => {
    await unwrap(api.POST('/api/payments/demo/{number}/pay', path(number)));
    return fetchOrder(number);
  },
  fail: async (number) => {
    await unwrap(api.POST('/api/payments/demo/{number}/fail', path(number)));
    return fetchOrder(number);
  },
};

/**
 * One of the organisation's orders (`GET /api/org/orders/:number`): loaded for `number`, changed by
 * the members' actions (each answers with the changed order), and, after the payment provider took
 * the money, asked again until its webhook made the order paid.
 */
export function useOrgOrder(number: () => string, options: { confirming: boolean }) {
  const { data, loading, notFound, errorCode, reload } = useApiResource(number, fetchOrder);
  const changed = ref<OrgOrder | null>(null);
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

  const acting = ref<OrgOrderAction | null>(null);
  const actionErrorCode = ref<string | null>(null);

  /** Runs `action` on the order (a rejection with its reason); true when it went through. */
  async function act(action: OrgOrderAction, reason = ''): Promise<boolean> {
    if (!order.value || acting.value) return false;
    acting.value = action;
    actionErrorCode.value = null;
    try {
      changed.value = await CALLS[action](order.value.number, reason);
      return true;
    } catch (error) {
      actionErrorCode.value = errorCodeOf(error);
      // Most likely the order moved on (decided by another approver, expired, shipped): show where it is now.
      if (actionErrorCode.value === 'ORDER_STATUS_CONFLICT') {
        changed.value = null;
        await reload();
      }
      return false;
    } finally {
      acting.value = null;
    }
  }

  /** The part being accepted, and why the last acceptance was refused (with the submitted lines at fault, by index). */
  const accepting = ref<string | null>(null);
  const acceptanceError = ref<{ fulfillmentId: string; code: string; lineIndexes: Set<number> } | null>(null);

  /** 验收 of a shipped part (`lines` in the part's order); true when it went through and the order shows it. */
  async function accept(fulfillmentId: string, body: AcceptanceInput): Promise<boolean> {
    if (!order.value || accepting.value) return false;
    accepting.value = fulfillmentId;
    acceptanceError.value = null;
    try {
      changed.value = await unwrap(
        api.POST('/api/org/orders/{number}/fulfillments/{fulfillmentId}/acceptance', {
          params: { path: { number: order.value.number, fulfillmentId } },
          body,
        }),
      );
      return true;
    } catch (error) {
      const code = errorCodeOf(error);
      acceptanceError.value = { fulfillmentId, code, lineIndexes: problemLineIndexes(error instanceof ApiError ? error.details : []) };
      // Not shipped, or accepted meanwhile (by a colleague, or automatically): show the part as it is now.
      if (code === 'FULFILLMENT_STATUS_CONFLICT') {
        changed.value = null;
        await reload();
      }
      return false;
    } finally {
      accepting.value = null;
    }
  }

  return {
    order,
    loading,
    notFound,
    errorCode,
    reload,
    confirming,
    waitForConfirmation,
    acting,
    actionErrorCode,
    act,
    accepting,
    acceptanceError,
    accept,
  };
}
