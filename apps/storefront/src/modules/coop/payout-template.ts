import { fenToYuanText } from '../../lib/yuan-input';
import type { CoopHousehold } from './trail';

/** The columns of a payout file, as `POST /api/coop/household-payouts/import` reads them (receipt_id for cash only). */
export const PAYOUT_IMPORT_COLUMNS = ['household_code', 'period', 'amount_yuan', 'method', 'reference', 'paid_on', 'receipt_id'] as const;

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A payout file to fill in for `period`: one row per household still owed something, for all it is
 * owed, by bank transfer, paid `paidOn`; the clerk adds each transfer's reference (and changes what
 * was paid otherwise) before importing it.
 */
export function payoutTemplateCsv(households: readonly CoopHousehold[], period: string, paidOn: string): string {
  const rows = households
    .filter((household) => household.outstandingFen > 0)
    .map((household) => [household.code, period, fenToYuanText(household.outstandingFen), 'BANK', '', paidOn, '']);
  return [[...PAYOUT_IMPORT_COLUMNS], ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The file as a link can offer it: with the byte-order mark Excel needs to read Chinese, which the API drops. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}
