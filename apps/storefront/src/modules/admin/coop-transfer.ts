import { fenToYuanText, yuanTextToFen } from '../../lib/yuan-input';
import { formatPrice } from '../../lib/format';
import type { CoopMonthStatement } from './admin-api';

/** One monthly statement a transfer may settle: what is still owed on it, and the share of the transfer given to it. */
export interface ShareDraft {
  month: string;
  owedFen: number;
  chosen: boolean;
  amountText: string;
}

/** The admin's transfer to a cooperative as typed: amounts in yuan. */
export interface TransferDraft {
  cooperativeId: string;
  amountText: string;
  paidOn: string;
  bankReference: string;
  note: string;
  shares: ShareDraft[];
}

export interface TransferRequest {
  cooperativeId: string;
  amountFen: number;
  paidOn: string;
  bankReference: string;
  note?: string;
  statements: { month: string; amountFen: number }[];
}

/** A message key and its parameters. */
export interface Problem {
  key: string;
  params?: Record<string, string>;
}

export type TransferField = 'cooperativeId' | 'shares' | 'amount' | 'paidOn' | 'bankReference' | 'note';

export interface TransferProblems {
  fields: Partial<Record<TransferField, Problem>>;
  /** By month. */
  shares: Record<string, Problem>;
}

const MAX_REFERENCE = 64;
const MAX_NOTE = 500;

/** The months of a year's statements that still have something owed, none chosen yet, each share the whole owed amount. */
export function sharesFrom(months: readonly CoopMonthStatement[]): ShareDraft[] {
  return months
    .filter((statement) => statement.owedFen > 0)
    .map((statement) => ({
      month: statement.month,
      owedFen: statement.owedFen,
      chosen: false,
      amountText: fenToYuanText(statement.owedFen),
    }));
}

/** What the chosen shares add up to, in fen; a share that is not an amount counts for nothing. */
export function sharesTotalFen(shares: readonly ShareDraft[]): number {
  return shares.filter((share) => share.chosen).reduce((total, share) => total + Math.max(yuanTextToFen(share.amountText) ?? 0, 0), 0);
}

/** The total as the amount field shows it by default: the chosen shares' sum. */
export const sharesTotalText = (shares: readonly ShareDraft[]) => fenToYuanText(sharesTotalFen(shares));

function shareProblem(share: ShareDraft): Problem | null {
  const fen = yuanTextToFen(share.amountText);
  if (fen === null || fen <= 0) return { key: 'adminPayouts.problems.share' };
  if (fen > share.owedFen) return { key: 'adminPayouts.problems.shareTooMuch', params: { amount: formatPrice(share.owedFen) } };
  return null;
}

/**
 * The request the API takes, or what is wrong with the draft, checked as the API checks it: the
 * shares settle months still owed, each no more than is owed, and add up to the amount transferred.
 * Whether the day is after today is the API's to say: its clock, not the browser's, decides.
 */
export function transferRequest(draft: TransferDraft): { request: TransferRequest } | { problems: TransferProblems } {
  const fields: TransferProblems['fields'] = {};
  const shares: TransferProblems['shares'] = {};
  const chosen = draft.shares.filter((share) => share.chosen);

  if (!draft.cooperativeId) fields.cooperativeId = { key: 'adminPayouts.problems.cooperative' };
  if (draft.cooperativeId && chosen.length === 0) fields.shares = { key: 'adminPayouts.problems.noMonth' };
  for (const share of chosen) {
    const problem = shareProblem(share);
    if (problem) shares[share.month] = problem;
  }
  const amountFen = yuanTextToFen(draft.amountText);
  if (amountFen === null || amountFen <= 0) fields.amount = { key: 'adminPayouts.problems.amount' };
  else if (chosen.length > 0 && amountFen !== sharesTotalFen(chosen)) {
    fields.amount = { key: 'adminPayouts.problems.mismatch', params: { amount: formatPrice(sharesTotalFen(chosen)) } };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.paidOn)) fields.paidOn = { key: 'adminPayouts.problems.paidOn' };
  const bankReference = draft.bankReference.trim();
  if (bankReference.length === 0 || bankReference.length > MAX_REFERENCE)
    fields.bankReference = { key: 'adminPayouts.problems.bankReference' };
  const note = draft.note.trim();
  if (note.length > MAX_NOTE) fields.note = { key: 'adminPayouts.problems.note' };

  if (Object.keys(fields).length > 0 || Object.keys(shares).length > 0) return { problems: { fields, shares } };
  return {
    request: {
      cooperativeId: draft.cooperativeId,
      amountFen: amountFen!,
      paidOn: draft.paidOn,
      bankReference,
      ...(note ? { note } : {}),
      statements: chosen.map((share) => ({ month: share.month, amountFen: yuanTextToFen(share.amountText)! })),
    },
  };
}
