import { api, unwrap } from '../../../api';
import { useKeysetList } from '../../../composables/useKeysetList';
import type { ShortfallClaimStatus } from '../admin-api';

const PAGE_SIZE = 20;

/** The shortfall claims with a status, oldest first: with PENDING, the queue to decide. */
export function useShortfallQueue(status: () => ShortfallClaimStatus) {
  return useKeysetList(status, (cursor) =>
    unwrap(api.GET('/api/admin/shortfalls', { params: { query: { status: status(), limit: PAGE_SIZE, cursor } } })),
  );
}

/** PENDING → REFUNDED: the short units are refunded on the order. Throws an ApiError (SHORTFALL_CLAIM_STATUS_CONFLICT, PAYMENT_PROVIDER_ERROR, …). */
export function refundShortfall(id: string) {
  return unwrap(api.POST('/api/admin/shortfalls/{id}/refund', { params: { path: { id } } }));
}

/** PENDING → DECLINED with the reason the organisation reads. Throws an ApiError like `refundShortfall`. */
export function declineShortfall(id: string, reason: string) {
  return unwrap(api.POST('/api/admin/shortfalls/{id}/decline', { params: { path: { id } }, body: { reason } }));
}
