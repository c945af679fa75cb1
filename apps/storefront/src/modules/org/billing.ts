import type { components } from '@qh/api-client';
import { api, unwrap } from '../../api';
import { saveBlob } from '../../lib/download';

export type Account = components['schemas']['AccountDto'];
export type StatementSummary = components['schemas']['StatementSummaryDto'];
export type Statement = components['schemas']['StatementDto'];
export type StatementItem = components['schemas']['StatementItemDto'];

/** Who sees the organisation's statements: its finance members and its managers (the API refuses the rest). */
export const STATEMENT_ROLES = ['FINANCE', 'MANAGER'] as const;

export function statementPath(number: string): string {
  return `/org/statements/${encodeURIComponent(number)}`;
}

/** An item's amount as it moves what is due: deliveries add to it, credits and transfers take from it. */
export function signedAmountFen(item: Pick<StatementItem, 'kind' | 'amountFen'>): number {
  return item.kind === 'CHARGE' ? item.amountFen : -item.amountFen;
}

/** Saves the statement as CSV under its number, as the browser saves a download. */
export async function downloadStatementCsv(number: string): Promise<void> {
  const blob = await unwrap(api.GET('/api/org/statements/{number}/csv', { params: { path: { number } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${number}.csv`);
}
