import type { components } from '@qh/api-client';
import type { HouseholdStatus } from '@qh/domain';
import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';

export type Household = components['schemas']['HouseholdDto'];
export type ImportReport = components['schemas']['ImportReportDto'];
type NewHousehold = components['schemas']['CreateHouseholdDto'];

/**
 * The household registry as the admin page works it: a filtered list read page by page, entries
 * added one at a time or by CSV (tried first with `dryRun`), and the verified cooperatives a
 * household can be linked to. `errorCode` is what the last list read or import met.
 */
export function useHouseholdRegistry(filters: { townshipCode: string; status: '' | HouseholdStatus; q: string }) {
  const households = ref<Household[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);

  async function load(more = false): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const page = await unwrap(
        api.GET('/api/admin/households', {
          params: {
            query: {
              ...(filters.townshipCode && { townshipCode: filters.townshipCode }),
              ...(filters.status && { status: filters.status }),
              ...(filters.q.trim() && { q: filters.q.trim() }),
              ...(more && nextCursor.value && { cursor: nextCursor.value }),
              limit: 50,
            },
          },
        }),
      );
      households.value = more ? [...households.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor ?? null;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Registers a household and shows it first; throws the API's refusal (an ApiError naming the fields). */
  async function create(body: NewHousehold): Promise<Household> {
    const created = await unwrap(api.POST('/api/admin/households', { body }));
    households.value = [created, ...households.value];
    return created;
  }

  /** Shows a household as the API answered a change to it. */
  function replace(changed: Household): void {
    households.value = households.value.map((household) => (household.id === changed.id ? changed : household));
  }

  const importing = ref(false);
  /** What the import did or, with `dryRun`, would do; null when it failed (`errorCode` says why). */
  async function importCsv(file: File, dryRun: boolean): Promise<ImportReport | null> {
    importing.value = true;
    errorCode.value = null;
    try {
      const form = new FormData();
      form.append('file', file);
      const report = await unwrap(
        api.POST('/api/admin/households/import', {
          params: { query: dryRun ? { dryRun: 'true' } : {} },
          // The generated type says a JSON body; the route takes multipart, which FormData makes.
          body: form as unknown as { file: string },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
      if (!dryRun) await load();
      return report;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
      return null;
    } finally {
      importing.value = false;
    }
  }

  const cooperatives = ref<{ id: string; name: string }[]>([]);
  void unwrap(api.GET('/api/admin/cooperatives', { params: { query: { status: 'VERIFIED', limit: 100 } } })).then(
    (page) => (cooperatives.value = page.items.map((cooperative) => ({ id: cooperative.id, name: cooperative.nameZh }))),
    () => undefined,
  );

  return { households, nextCursor, loading, errorCode, load, create, replace, importing, importCsv, cooperatives };
}
