import { FIRST_PLAN_YEAR } from '@qh/domain';
import type { Progress } from './org-api';

/** The API's limit on a canteen food budget (PlanInputDto): ¥10 billion; more is a typing mistake. */
export const MAX_BUDGET_FEN = 1_000_000_000_000;
/** A reserved share is 0.01% to 100% (PlanInputDto). */
export const SHARE_LIMITS_BP = { min: 1, max: 10_000 } as const;

/** The years a plan may be entered or progress read for, newest first: from next year back to the pairing's first. */
export function planYears(thisYear: number): number[] {
  return Array.from({ length: thisYear + 2 - FIRST_PLAN_YEAR }, (_, index) => thisYear + 1 - index);
}

/** A year from the address bar (`?year=2025`), or null when there is none or it is not one a plan can have. */
export function yearFromQuery(value: unknown, thisYear: number): number | null {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_PLAN_YEAR && year <= thisYear + 1 ? year : null;
}

/**
 * How many of the year's months have happened by `today` (a China day): all twelve of a past year,
 * none of a year to come. The chart draws what was bought only that far, instead of a flat line
 * into months that have not happened.
 */
export function monthsSoFar(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 12;
  return year === thisYear ? Number(today.slice(5, 7)) : 0;
}

/** What the year's plan says, for the page to word: no plan entered, no canteen, or a target. */
export function planState(progress: Pick<Progress, 'plan'>): 'none' | 'noCanteen' | 'target' {
  if (!progress.plan) return 'none';
  return progress.plan.noCanteen ? 'noCanteen' : 'target';
}
