import type { components } from '@qh/api-client';
import { ref } from 'vue';
import { api, unwrap } from '../../../api';

export type OwnCooperative = components['schemas']['ManagedCooperativeDto'];

/**
 * The signed-in staff member's own cooperative (`GET /api/coop/cooperative`), loaded once when the
 * page opens, so its status is as fresh as the page. Stays null when the call fails: the page's own
 * calls report the problem, and it works without this. Its settings change through `setLeadDays`.
 */
export function useOwnCooperative() {
  const cooperative = ref<OwnCooperative | null>(null);

  async function load(): Promise<void> {
    try {
      cooperative.value = await unwrap(api.GET('/api/coop/cooperative'));
    } catch {
      cooperative.value = null;
    }
  }
  void load();

  /** The days it needs before an organisation's delivery. Throws an ApiError (VALIDATION_FAILED, COOPERATIVE_SUSPENDED, …). */
  async function setLeadDays(leadDays: number): Promise<void> {
    cooperative.value = await unwrap(api.PATCH('/api/coop/cooperative', { body: { leadDays } }));
  }

  return { cooperative, setLeadDays };
}
