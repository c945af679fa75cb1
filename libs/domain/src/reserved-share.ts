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

/** Progress is told up to ±1,000,000% (±10^8 bp): past that (¥10 billion against a target of a few fen) it is no longer a measure. */
export const MAX_PROGRESS_BP = 100_000_000;

/**
 * How far `achievedFen` is towards `targetFen`, in basis points, rounded down (so 100% shows only
 * once the target is met) and held within ±MAX_PROGRESS_BP; null when there is no target to measure
 * against. Over 10,000 when the target is passed; negative only if refunds of an earlier year's goods
 * outweigh this year's.
 */
export function progressBp(achievedFen: number, targetFen: number | null): number | null {
  if (targetFen === null || targetFen <= 0) return null;
  const scaled = BigInt(achievedFen) * 10_000n;
  const quotient = scaled / BigInt(targetFen);
  // BigInt division truncates towards zero: a negative share rounds down too.
  const floor = scaled < 0n && quotient * BigInt(targetFen) !== scaled ? quotient - 1n : quotient;
  const limit = BigInt(MAX_PROGRESS_BP);
  return Number(floor > limit ? limit : floor < -limit ? -limit : floor);
}

const daysInYear = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;

/**
 * Where a straight line from nothing on 1 January to the whole target on 31 December stands at the
 * end of `month` (1–12) of `year`, rounded down to the fen: the pace an even purchaser keeps.
 */
export function straightLinePathFen(targetFen: number, year: number, month: number): number {
  if (!Number.isSafeInteger(targetFen) || targetFen < 0)
    throw new RangeError(`targetFen must be a non-negative integer (got ${targetFen})`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12 (got ${month})`);
  const daysThrough = (Date.UTC(year, month, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return Number((BigInt(targetFen) * BigInt(daysThrough)) / BigInt(daysInYear(year)));
}
