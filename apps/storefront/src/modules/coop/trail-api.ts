import { api, unwrap } from '../../api';
import { saveBlob } from '../../lib/download';
import type { HouseholdPayout, PayoutImportReport } from './trail';

/** Sends a cash payout's receipt (JPEG, PNG, WebP or PDF, at most 5 MB) and answers the id to record the payout with. */
export async function uploadPayoutReceipt(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file);
  const { receiptId } = await unwrap(
    api.POST('/api/coop/payout-receipts', {
      // The generated type says a JSON body; the route takes multipart, which FormData makes.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
  return receiptId;
}

/** Checks (`dryRun`) or imports a CSV of payouts to households: the valid rows go in together, each refused one is reported. */
export function importHouseholdPayouts(file: File, dryRun: boolean): Promise<PayoutImportReport> {
  const form = new FormData();
  form.append('file', file);
  return unwrap(
    api.POST('/api/coop/household-payouts/import', {
      params: { query: { dryRun: dryRun ? 'true' : 'false' } },
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/** Saves the receipt of a cash payout to a household. */
export async function downloadPayoutReceipt(payout: HouseholdPayout): Promise<void> {
  const blob = (await unwrap(
    api.GET('/api/coop/household-payouts/{id}/receipt', { params: { path: { id: payout.id } }, parseAs: 'blob' }),
  )) as Blob;
  const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[blob.type] ?? 'bin';
  saveBlob(blob, `receipt-${payout.household.code}-${payout.period}.${extension}`);
}
