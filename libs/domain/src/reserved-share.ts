/** The reserved share budget units set aside for products of poverty-alleviated areas, when nobody set another: 10%. */
export const DEFAULT_RESERVED_SHARE_BP = 1_000;

/** The first year of the Tianhe–Nayong pairing: plans start there. */
export const FIRST_PLAN_YEAR = 2016;

/**
 * The yearly target in fen: `shareBp` basis points of the canteen food budget, rounded half up to the
 * fen. Worked in BigInt, since a large budget times 10,000 passes what a double holds exactly.
 */
export function reservedTargetFen(budgetFen: number, shareBp: number): number {
  if (!Number.isSafeInteger(budgetFen) || budgetFen < 0)
    throw new RangeError(`budgetFen must be a non-negative integer (got ${budgetFen})`);
  if (!Number.isInteger(shareBp) || shareBp < 0 || shareBp > 10_000) throw new RangeError(`shareBp must be 0–10000 (got ${shareBp})`);
  return Number((BigInt(budgetFen) * BigInt(shareBp) + 5_000n) / 10_000n);
}

/** Whether `year` may have a plan on `today` (a China day): from the pairing's first year to next year. */
export function isPlanYear(year: number, today: string): boolean {
  return Number.isInteger(year) && year >= FIRST_PLAN_YEAR && year <= Number(today.slice(0, 4)) + 1;
}
