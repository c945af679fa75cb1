import type { components } from '@qh/api-client';
import { formatPrice } from '../../lib/format';
import { coopErrorKey } from './coop-api';

/** The cooperative's side of the money trail, as the API answers it (issue 17). */
export type YearStatements = components['schemas']['YearStatementsDto'];
export type MonthStatement = components['schemas']['MonthStatementDto'];
export type CoopStatement = components['schemas']['CoopStatementDto'];
export type CoopPayout = components['schemas']['CoopPayoutDto'];
export type CoopPayoutList = components['schemas']['CoopPayoutListDto'];
export type CoopBalance = components['schemas']['CoopBalanceDto'];
export type CoopHousehold = components['schemas']['CoopHouseholdDto'];
export type HouseholdPayout = components['schemas']['HouseholdPayoutDto'];
export type PayoutImportReport = components['schemas']['PayoutImportReportDto'];
export type RefusedPayoutRow = components['schemas']['RefusedPayoutRowDto'];

/** The figures of a statement, in the order its table shows them. */
export const STATEMENT_FIGURES = [
  'goodsFen',
  'refundedGoodsFen',
  'shippingFen',
  'refundedShippingFen',
  'platformFeeFen',
  'netPayableFen',
  'poolFen',
] as const satisfies readonly (keyof CoopStatement)[];

/** The totals of the marketplace's transfers, in the order the page shows them. */
export const BALANCE_FIGURES = [
  'owedFen',
  'paidFen',
  'confirmedFen',
  'disputedFen',
  'awaitingFen',
  'balanceFen',
] as const satisfies readonly (keyof CoopBalance)[];

/** Codes of the trail's routes with their own message under `coopTrail.errors`. */
const TRAIL_ERROR_CODES = [
  'PAYOUT_EXCEEDS_ALLOCATION',
  'HOUSEHOLD_NOT_LINKED',
  'UNSUPPORTED_RECEIPT_FILE',
  'PAYOUT_STATUS_CONFLICT',
  'PAYOUT_NOT_FOUND',
  'RECEIPT_NOT_FOUND',
  'CSV_INVALID',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
] as const;

/** The i18n key of the message for an error code on the trail's pages, falling back to the portal's. */
export function trailErrorKey(code: string): string {
  return (TRAIL_ERROR_CODES as readonly string[]).includes(code) ? `coopTrail.errors.${code}` : coopErrorKey(code);
}

/** Whether the cooperative may still answer a transfer: confirm an awaited or disputed one, dispute an awaited one. */
export const canConfirm = (payout: CoopPayout) => payout.status === 'AWAITING' || payout.status === 'DISPUTED';
export const canDispute = (payout: CoopPayout) => payout.status === 'AWAITING';

/** A payout to a household may be reversed while nobody acknowledged it and it is neither a reversal nor reversed. */
export const canReverse = (payout: HouseholdPayout) => !payout.acknowledgement && !payout.reversed && !payout.reversesId;

/** Where a payout to a household stands, as the list says it. */
export type PayoutStanding = 'ACKNOWLEDGED' | 'REVERSAL' | 'REVERSED' | 'OVERDUE' | 'PENDING';
export function payoutStanding(payout: HouseholdPayout): PayoutStanding {
  if (payout.acknowledgement) return 'ACKNOWLEDGED';
  if (payout.reversesId) return 'REVERSAL';
  if (payout.reversed) return 'REVERSED';
  return payout.overdue ? 'OVERDUE' : 'PENDING';
}

/** A month (`2026-10`) in the reader's language: `2026年10月`, `October 2026`. */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** A message key and its parameters. */
export interface Worded {
  key: string;
  params?: Record<string, string>;
}

/**
 * The API's problems with a payout are English sentences for developers: the ones a clerk meets are
 * worded in the reader's language here (with the amount still payable in yuan); any other is shown as sent.
 */
const WORDED_PROBLEMS: { pattern: RegExp; key: string; params?: (match: RegExpExecArray) => Record<string, string> }[] = [
  {
    pattern: /at most (-?\d+) fen can be paid for (\d{4}-\d{2})/,
    key: 'coopTrail.problems.exceedsAllocation',
    params: (match) => ({ amount: formatPrice(Number(match[1])), period: match[2]! }),
  },
  { pattern: /not a household linked to your cooperative/, key: 'coopTrail.problems.notLinked' },
  { pattern: /paidOn cannot be in the future/, key: 'coopTrail.problems.paidOnInFuture' },
  { pattern: /paidOn cannot be before the period/, key: 'coopTrail.problems.paidOnBeforePeriod' },
  { pattern: /no allocations exist yet for a future month/, key: 'coopTrail.problems.periodInFuture' },
  { pattern: /cash payout needs its receipt/, key: 'coopTrail.problems.receiptRequired' },
  { pattern: /no receipt with this id|receiptId must be the id/, key: 'coopTrail.problems.receiptUnknown' },
  { pattern: /^period must be a month/, key: 'coopTrail.problems.periodFormat' },
  { pattern: /^paidOn must be a real day/, key: 'coopTrail.problems.dayFormat' },
  { pattern: /^method must be one of/, key: 'coopTrail.problems.methodInvalid' },
  { pattern: /^amountFen /, key: 'coopTrail.problems.amountInvalid' },
  { pattern: /^reference must be/, key: 'coopTrail.problems.referenceLength' },
];

/** A problem the API named, worded for the reader, or null when it is shown as the API sent it. */
export function wordProblem(problem: string): Worded | null {
  for (const { pattern, key, params } of WORDED_PROBLEMS) {
    const match = pattern.exec(problem);
    if (match) return { key, params: params?.(match) ?? {} };
  }
  return null;
}
