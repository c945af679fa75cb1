import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { BuyerBreakdown } from '../institutions';

/** Who bought a year's sales (`GET /api/impact/buyers`): institutions against households, and the districts delivered to. */
export function useBuyerBreakdown() {
  const buyers = ref<BuyerBreakdown | null>(null);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  /** `year` undefined: this year, as the API's clock has it (its answer names the year). */
  async function load(year: number | undefined): Promise<void> {
    const request = (latest += 1);
    errorCode.value = null;
    try {
      const answer = await unwrap(api.GET('/api/impact/buyers', { params: { query: year === undefined ? {} : { year } } }));
      if (request === latest) buyers.value = answer;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    }
  }

  return { buyers, errorCode, load };
}
