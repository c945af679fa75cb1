/** Fewer households than this behind a public figure could point at a family. */
export const MIN_PUBLIC_HOUSEHOLDS = 5;

/** A count of households as the public may see it: none, or at least `MIN_PUBLIC_HOUSEHOLDS`; 1 to 4 are withheld (null). */
export function publicHouseholdCount(households: number): number | null {
  if (!Number.isSafeInteger(households) || households < 0) throw new RangeError(`households must be a count, got ${households}`);
  return households === 0 || households >= MIN_PUBLIC_HOUSEHOLDS ? households : null;
}
