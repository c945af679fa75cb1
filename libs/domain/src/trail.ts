import { allocateLargestRemainder, applyRateBp } from './allocation';
import { monthEnd } from './days';

/** Households paid in cash need a receipt; a bank transfer names its reference. */
export const HOUSEHOLD_PAYOUT_METHODS = ['BANK', 'CASH'] as const;
export type HouseholdPayoutMethod = (typeof HOUSEHOLD_PAYOUT_METHODS)[number];

/** What a cooperative said of a transfer from the marketplace. */
export const COOP_PAYOUT_RESPONSES = ['CONFIRMED', 'DISPUTED'] as const;
export type CoopPayoutResponse = (typeof COOP_PAYOUT_RESPONSES)[number];
export type CoopPayoutStatus = 'AWAITING' | CoopPayoutResponse | 'REVERSED';

/** The household statuses the trail splits by; NONE is pool that no linked household was there to take. */
export const TRAIL_HOUSEHOLD_STATUSES = ['LIFTED', 'MONITORED', 'NONE'] as const;
export type TrailHouseholdStatus = (typeof TRAIL_HOUSEHOLD_STATUSES)[number];

/** A month as its first day, `YYYY-MM-01`, from `YYYY-MM` or any day in it. */
export function monthStart(monthOrDay: string): string {
  return `${monthOrDay.slice(0, 7)}-01`;
}

/**
 * The platform's fee on one change of what a cooperative sold in one order: the fee on the order's
 * net after the change less the fee on it before, each rounded down. Charged change by change, the
 * fees of an order always add up to the fee on what is left of it (nothing once it is all refunded),
 * and statements over any run of periods add up to one statement over the whole run.
 */
export function platformFeeChangeFen(netBeforeFen: number, netAfterFen: number, rateBp: number): number {
  return applyRateBp(netAfterFen, rateBp) - applyRateBp(netBeforeFen, rateBp);
}

/**
 * The shipping a refund gives back, split among an order's cooperatives in proportion to what each
 * part's fee still holds (largest remainder): never more to a part than it has left, and the parts
 * add up to the refund's shipping exactly (to what is left at most, if the refund claims more).
 */
export function splitRefundedShipping(shippingFen: number, leftPerPartFen: readonly number[]): number[] {
  const left = leftPerPartFen.reduce((sum, fen) => sum + fen, 0);
  if (shippingFen <= 0 || left <= 0) return leftPerPartFen.map(() => 0);
  return allocateLargestRemainder(Math.min(shippingFen, left), leftPerPartFen);
}

/** How old the money still owed to households is, by how long ago the month it was pledged in ended. */
export interface Ageing {
  upTo30DaysFen: number;
  from31To60DaysFen: number;
  over60DaysFen: number;
}

/**
 * Ages what is outstanding: payments settle the oldest pledges first, so what is still owed is the
 * newest pledged money. `months` are the pledges by month (`YYYY-MM-01`, any order); the outstanding
 * amount is taken from the newest month back, each month's part aged by the days since the month
 * ended (a month not yet over is 0 days old). A negative outstanding (paid ahead) ages nothing.
 */
export function ageOutstanding(months: readonly { month: string; pledgedFen: number }[], outstandingFen: number, today: string): Ageing {
  const ageing: Ageing = { upTo30DaysFen: 0, from31To60DaysFen: 0, over60DaysFen: 0 };
  let left = outstandingFen;
  for (const { month, pledgedFen } of [...months].sort((a, b) => (a.month < b.month ? 1 : -1))) {
    if (left <= 0) break;
    if (pledgedFen <= 0) continue;
    const part = Math.min(left, pledgedFen);
    left -= part;
    const days = daysBetween(monthEnd(month), today);
    if (days <= 30) ageing.upTo30DaysFen += part;
    else if (days <= 60) ageing.from31To60DaysFen += part;
    else ageing.over60DaysFen += part;
  }
  // More owed than the months' positive pledges hold (refunds pledged back later): the rest is as old as the oldest.
  if (left > 0) ageing.over60DaysFen += left;
  return ageing;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A name as a cooperative may see it: the first character, the rest starred (王**). Names are
 * sealed; this is what identifies a household to those who pay it, beside its code and village.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return characters[0] + '*'.repeat(Math.max(1, characters.length - 1));
}
