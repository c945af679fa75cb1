import type { components } from '@qh/api-client';
import type { ProductCategory } from '@qh/domain';
import { reactive, ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import { saveBlob } from '../../../lib/download';
import type { Figures } from '../figures';

export type Group = components['schemas']['GroupFiguresDto'];
export type Verification = components['schemas']['StoredVerificationDto'];
export type ImpactQuery = { from?: string; to?: string; townshipCode?: string; cooperativeId?: string; category?: ProductCategory };
export type ImpactTable = 'year' | 'month' | 'category' | 'township' | 'cooperative';

/**
 * The officials' figures for one set of filters: the summary, the series by year and by month, and
 * the breakdowns, asked together; the ledger's latest verification; and the CSV of any table. The
 * dashboard only binds to these.
 */
export function useImpactFigures() {
  const summary = ref<Figures | null>(null);
  const years = ref<Group[]>([]);
  const months = ref<Group[]>([]);
  const breakdowns = reactive<Record<'category' | 'township' | 'cooperative', Group[]>>({ category: [], township: [], cooperative: [] });
  const verification = ref<Verification | null>(null);
  const verificationRead = ref(false);
  const loading = ref(false);
  const downloading = ref(false);
  const errorCode = ref<string | null>(null);

  async function load(query: ImpactQuery): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const [figures, yearly, monthly, byCategory, byTownship, byCooperative] = await Promise.all([
        unwrap(api.GET('/api/impact/summary', { params: { query } })),
        unwrap(api.GET('/api/impact/series', { params: { query: { ...query, by: 'year' } } })),
        unwrap(api.GET('/api/impact/series', { params: { query: { ...query, by: 'month' } } })),
        unwrap(api.GET('/api/impact/breakdown', { params: { query: { ...query, by: 'category' } } })),
        unwrap(api.GET('/api/impact/breakdown', { params: { query: { ...query, by: 'township' } } })),
        unwrap(api.GET('/api/impact/breakdown', { params: { query: { ...query, by: 'cooperative' } } })),
      ]);
      summary.value = figures;
      years.value = yearly.items;
      months.value = monthly.items;
      Object.assign(breakdowns, { category: byCategory.items, township: byTownship.items, cooperative: byCooperative.items });
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** The hourly job's latest check of the whole ledger: reading it costs nothing, unlike checking again. */
  async function loadVerification(): Promise<void> {
    try {
      verification.value = (await unwrap(api.GET('/api/impact/verification'))).latest ?? null;
      verificationRead.value = true;
    } catch {
      verification.value = null;
    }
  }

  /** The table as CSV, saved by the browser under `fileName`. */
  async function download(query: ImpactQuery, table: ImpactTable, fileName: string): Promise<void> {
    downloading.value = true;
    try {
      const blob = await unwrap(api.GET('/api/impact/export.csv', { params: { query: { ...query, table } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, fileName);
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      downloading.value = false;
    }
  }

  return {
    summary,
    years,
    months,
    breakdowns,
    verification,
    verificationRead,
    loading,
    downloading,
    errorCode,
    load,
    loadVerification,
    download,
  };
}
