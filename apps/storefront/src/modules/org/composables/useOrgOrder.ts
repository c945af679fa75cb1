import { ref } from 'vue';
import { ApiError, api, errorCodeOf, unwrap } from '../../../api';
import { problemLineIndexes } from '../org-orders';
import { useWatchedOrder } from '../../../composables/useWatchedOrder';
import type { AcceptanceInput, OrgOrder } from '../org-api';

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
  const { order, show, loading, notFound, errorCode, reload, confirming, waitForConfirmation } = useWatchedOrder(
    number,
    fetchOrder,
    options,
  );

  const acting = ref<OrgOrderAction | null>(null);
  const actionErrorCode = ref<string | null>(null);

  /** Runs `action` on the order (a rejection with its reason); true when it went through. */
  async function act(action: OrgOrderAction, reason = ''): Promise<boolean> {
    if (!order.value || acting.value) return false;
    acting.value = action;
    actionErrorCode.value = null;
    try {
      show(await CALLS[action](order.value.number, reason));
      return true;
    } catch (error) {
      actionErrorCode.value = errorCodeOf(error);
      // Most likely the order moved on (decided by another approver, expired, shipped): show where it is now.
      if (actionErrorCode.value === 'ORDER_STATUS_CONFLICT') {
        show(null);
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
      show(
        await unwrap(
          api.POST('/api/org/orders/{number}/fulfillments/{fulfillmentId}/acceptance', {
            params: { path: { number: order.value.number, fulfillmentId } },
            body,
          }),
        ),
      );
      return true;
    } catch (error) {
      const code = errorCodeOf(error);
      acceptanceError.value = { fulfillmentId, code, lineIndexes: problemLineIndexes(error instanceof ApiError ? error.details : []) };
      // Not shipped, or accepted meanwhile (by a colleague, or automatically): show the part as it is now.
      if (code === 'FULFILLMENT_STATUS_CONFLICT') {
        show(null);
        await reload();
      }
      return false;
    } finally {
      accepting.value = null;
    }
  }

  /** The part whose shortfall a photo is being added to, and why the last photo was refused. */
  const addingPhoto = ref<string | null>(null);
  const photoError = ref<{ fulfillmentId: string; code: string } | null>(null);

  /** Adds a photo to the shortfall of a part; true when it went through and the order shows it. */
  async function addPhoto(fulfillmentId: string, file: File): Promise<boolean> {
    if (!order.value || addingPhoto.value) return false;
    addingPhoto.value = fulfillmentId;
    photoError.value = null;
    try {
      show(
        await unwrap(
          api.POST('/api/org/orders/{number}/fulfillments/{fulfillmentId}/acceptance/photos', {
            params: { path: { number: order.value.number, fulfillmentId } },
            // The generated type calls the binary part a string; the serializer below sends the File itself.
            body: { photo: file as unknown as string },
            bodySerializer: () => {
              const form = new FormData();
              form.append('photo', file);
              return form;
            },
          }),
        ),
      );
      return true;
    } catch (error) {
      photoError.value = { fulfillmentId, code: errorCodeOf(error) };
      return false;
    } finally {
      addingPhoto.value = null;
    }
  }

  return {
    addingPhoto,
    photoError,
    addPhoto,
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
