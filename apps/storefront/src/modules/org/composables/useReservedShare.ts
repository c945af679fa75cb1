import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { PlanInput, PlanList, Progress } from '../org-api';

/**
 * The organisation's reserved share in a year: its progress (`GET /api/org/progress`) and its plans
 * with the district's default share (`GET /api/org/plans`), asked together; a manager's change to the
 * year's plan, after which both are read again. An answer for a year no longer chosen is dropped.
 */
export function useReservedShare() {
  const progress = ref<Progress | null>(null);
  const plans = ref<PlanList | null>(null);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  /** `year` null: this year, as the API's clock has it (its answer names the year). */
  async function load(year: number | null): Promise<void> {
    const request = (latest += 1);
    loading.value = true;
    errorCode.value = null;
    try {
      const query = year === null ? {} : { year };
      const [answered, listed] = await Promise.all([
        unwrap(api.GET('/api/org/progress', { params: { query } })),
        unwrap(api.GET('/api/org/plans')),
      ]);
      if (request !== latest) return;
      progress.value = answered;
      plans.value = listed;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Managers only. Throws an ApiError (VALIDATION_FAILED, ORGANISATION_ROLE_REQUIRED, …). */
  async function save(year: number, body: PlanInput): Promise<void> {
    await unwrap(api.PUT('/api/org/plans/{year}', { params: { path: { year } }, body }));
    await load(year);
  }

  return { progress, plans, loading, errorCode, load, save };
}
