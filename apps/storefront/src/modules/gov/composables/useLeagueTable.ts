import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import { saveBlob } from '../../../lib/download';
import type { LeagueQuery, LeagueTable, Progress } from '../institutions';

/**
 * The officials' league table of budget units for one year and set of filters (`GET
 * /api/impact/institutions`), its CSV with the same filters, and one organisation's progress for the
 * panel. The page only binds to these. An answer for filters no longer chosen is dropped.
 */
export function useLeagueTable() {
  const table = ref<LeagueTable | null>(null);
  const loading = ref(false);
  const downloading = ref(false);
  const errorCode = ref<string | null>(null);
  const progress = ref<Progress | null>(null);
  const progressError = ref<string | null>(null);
  let latest = 0;
  let latestProgress = 0;

  async function load(query: LeagueQuery): Promise<void> {
    const request = (latest += 1);
    loading.value = true;
    errorCode.value = null;
    try {
      const answer = await unwrap(api.GET('/api/impact/institutions', { params: { query } }));
      if (request === latest) table.value = answer;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** The table as CSV (a row per organisation, the total last), saved by the browser under `fileName`. */
  async function download(query: LeagueQuery, fileName: string): Promise<void> {
    downloading.value = true;
    try {
      const blob = await unwrap(api.GET('/api/impact/institutions/export.csv', { params: { query }, parseAs: 'blob' }));
      saveBlob(blob as Blob, fileName);
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      downloading.value = false;
    }
  }

  /** One organisation's progress in `year`, for the panel; null closes it. */
  async function openProgress(organisationId: string | null, year: number): Promise<void> {
    const request = (latestProgress += 1);
    progressError.value = null;
    if (organisationId === null) {
      progress.value = null;
      return;
    }
    try {
      const answer = await unwrap(
        api.GET('/api/impact/organisations/{id}/progress', { params: { path: { id: organisationId }, query: { year } } }),
      );
      if (request === latestProgress) progress.value = answer;
    } catch (error) {
      if (request === latestProgress) {
        progress.value = null;
        progressError.value = errorCodeOf(error);
      }
    }
  }

  return { table, loading, downloading, errorCode, progress, progressError, load, download, openProgress };
}
