/** Fewer households than this behind a public figure could point at a family. */
export const MIN_PUBLIC_HOUSEHOLDS = 5;

/** A count of households as the public may see it: none, or at least `MIN_PUBLIC_HOUSEHOLDS`; 1 to 4 are withheld (null). */
export function publicHouseholdCount(households: number): number | null {
  if (!Number.isSafeInteger(households) || households < 0) throw new RangeError(`households must be a count, got ${households}`);
  return households === 0 || households >= MIN_PUBLIC_HOUSEHOLDS ? households : null;
}

/** What the public page shows of a group's figures. */
export interface PublicFigures {
  linkedSalesFen: number | null;
  poolFen: number | null;
  households: number | null;
  people: number | null;
}

/**
 * A group's figures as the public may see them: all of them, or none for a group of fewer than
 * `MIN_PUBLIC_HOUSEHOLDS` households. Its money goes too: beside the total and the other groups, a
 * small group's sales would say what one or two families earned.
 */
export function publicFigures(figures: { linkedSalesFen: number; poolFen: number; households: number; people: number }): PublicFigures {
  return figures.households >= MIN_PUBLIC_HOUSEHOLDS
    ? { linkedSalesFen: figures.linkedSalesFen, poolFen: figures.poolFen, households: figures.households, people: figures.people }
    : { linkedSalesFen: null, poolFen: null, households: null, people: null };
}
