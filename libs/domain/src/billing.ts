import { addDays } from './days';

/** What an admin grants a verified organisation: days to pay after a statement, and how much may be owed at once. */
export interface CreditTerms {
  paymentDays: number;
  creditLimitFen: number;
}

export const PAYMENT_DAYS = { min: 1, max: 120 } as const;

/** Where an organisation's account stands, in fen. */
export interface AccountStanding {
  /** Every order on account not cancelled (waiting for approval included), less its credits, less every transfer received. */
  owedFen: number;
  /** What statements due before today asked for (charges less credits), less every transfer received; never below zero. */
  overdueFen: number;
}

export type CreditProblem = 'CREDIT_OVERDUE' | 'CREDIT_LIMIT_EXCEEDED';

/**
 * Why an organisation may not put another order of `orderFen` on account, or null: anything past its
 * due date must be paid first, and what it owes with this order may not go above its limit.
 */
export function creditProblem(terms: CreditTerms, standing: AccountStanding, orderFen: number): CreditProblem | null {
  if (standing.overdueFen > 0) return 'CREDIT_OVERDUE';
  if (standing.owedFen + orderFen > terms.creditLimitFen) return 'CREDIT_LIMIT_EXCEEDED';
  return null;
}

/** What is overdue: what fell due before today, less all that was paid (payments go to the oldest debts first). */
export function overdueFen(fallenDueFen: number, paidFen: number): number {
  return Math.max(0, fallenDueFen - paidFen);
}

/**
 * A transfer of `amountFen` applied to orders in the order given (the oldest first), each up to what
 * it still owes: an order gets anything only once every one before it is paid in full. What is left
 * over stays on the account, unapplied.
 */
export function allocateTransfer(
  amountFen: number,
  dues: readonly { id: string; dueFen: number }[],
): { allocations: { id: string; amountFen: number }[]; unappliedFen: number } {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new RangeError(`amountFen must be a positive integer (got ${amountFen})`);
  let left = amountFen;
  const allocations: { id: string; amountFen: number }[] = [];
  for (const due of dues) {
    if (left === 0) break;
    if (due.dueFen <= 0) continue;
    const take = Math.min(left, due.dueFen);
    allocations.push({ id: due.id, amountFen: take });
    left -= take;
  }
  return { allocations, unappliedFen: left };
}

/** The day a statement ending `periodTo` is to be paid by. */
export function statementDueOn(periodTo: string, paymentDays: number): string {
  return addDays(periodTo, paymentDays);
}

/**
 * The month-end statement the job issues on `today`: the last day of the month before, unless the
 * latest statement already reaches it (an on-demand one this month may have).
 */
export function monthlyStatementDay(today: string, latestPeriodTo: string | null): string | null {
  const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  return latestPeriodTo !== null && latestPeriodTo >= lastMonthEnd ? null : lastMonthEnd;
}

/** `ST20261204-000007`-style numbers share the order numbers' shape; the day is the statement's last. */
export function formatStatementNumber(periodTo: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer (got ${sequence})`);
  return `ST${periodTo.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}
