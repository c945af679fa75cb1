import type { OrganisationStatus } from '@qh/domain';
import { api, unwrap } from '../../../api';
import { useKeysetList } from '../../../composables/useKeysetList';

const PAGE_SIZE = 20;

/** The organisations with a status, oldest registration first: with PENDING, the verification queue. */
export function useOrganisationQueue(status: () => OrganisationStatus) {
  return useKeysetList(status, (cursor) =>
    unwrap(api.GET('/api/admin/organisations', { params: { query: { status: status(), limit: PAGE_SIZE, cursor } } })),
  );
}

/** PENDING → VERIFIED. Throws an ApiError (ORGANISATION_STATUS_CONFLICT when it is not waiting, …). */
export function verifyOrganisation(id: string) {
  return unwrap(api.POST('/api/admin/organisations/{id}/verify', { params: { path: { id } } }));
}

/** PENDING → REJECTED; the organisation's manager reads the reason. Throws an ApiError like `verifyOrganisation`. */
export function rejectOrganisation(id: string, reason: string) {
  return unwrap(api.POST('/api/admin/organisations/{id}/reject', { params: { path: { id } }, body: { reason } }));
}
