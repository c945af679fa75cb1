/** Splitting amounts of fen exactly: parts always add up to the whole, never a fen lost or made. */

const BP_PER_WHOLE = 10_000n;

function assertNonNegativeSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

function assertRateBp(rateBp: number, name: string): void {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new RangeError(`${name} must be an integer number of basis points from 0 to 10000, got ${rateBp}`);
  }
}

/**
 * Adds one to the `leftover` parts with the largest remainders (ties: lowest index first).
 * Callers guarantee leftover never exceeds the number of non-zero remainders, so each part ends
 * up the floor or the ceiling of its exact share.
 */
function distributeLeftover(floors: readonly bigint[], remainders: readonly bigint[], leftover: bigint): number[] {
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const parts = floors.map((floor) => Number(floor));
  for (let rank = 0; rank < Number(leftover); rank++) {
    const { index } = order[rank];
    parts[index] += 1;
  }
  return parts;
}

/**
 * Splits `totalFen` in proportion to integer `weights` (basis points, quantities, anything
 * integer) by the largest remainder method: every part is the floor or ceiling of its exact share
 * `totalFen * weight / sum(weights)`, parts sum exactly to `totalFen`, zero weights get zero, and
 * ties go to the lowest index so the result is deterministic. Throws a RangeError on a negative or
 * fractional total or weight, and when there is nothing to split by (no weights, or all zero).
 */
export function allocateLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  assertNonNegativeSafeInteger(totalFen, 'totalFen');
  weights.forEach((weight, index) => assertNonNegativeSafeInteger(weight, `weights[${index}]`));
  if (weights.length === 0) {
    throw new RangeError('Cannot allocate among no weights: the list of weights is empty');
  }
  // BigInt because totalFen * weight can exceed 2^53.
  const total = BigInt(totalFen);
  const bigWeights = weights.map((weight) => BigInt(weight));
  const weightSum = bigWeights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) {
    throw new RangeError('Cannot allocate in proportion to weights that are all zero');
  }
  const floors = bigWeights.map((weight) => (total * weight) / weightSum);
  const remainders = bigWeights.map((weight) => (total * weight) % weightSum);
  const leftover = total - floors.reduce((sum, floor) => sum + floor, 0n);
  return distributeLeftover(floors, remainders, leftover);
}

/** `amountFen * rateBp / 10000`, rounded down: e.g. the benefit of one line at `rateBp`. */
export function applyRateBp(amountFen: number, rateBp: number): number {
  assertNonNegativeSafeInteger(amountFen, 'amountFen');
  assertRateBp(rateBp, 'rateBp');
  return Number((BigInt(amountFen) * BigInt(rateBp)) / BP_PER_WHOLE);
}

/**
 * Splits the pool of an order among its lines, where line i contributes `amountsFen[i]` at
 * `ratesBp[i]` basis points.
 *
 * The pool is rounded once, for the whole order (half a fen up):
 * `round(sum(amountFen * rateBp) / 10000)`. Rounding each line on its own instead would make the
 * lines add up to a fen or more off the order's pool, and the order's pool is what is owed and
 * reported; so the pool is split exactly, by largest remainder, each line getting the floor or the
 * ceiling of its exact share `amountFen * rateBp / 10000`.
 */
export function allocateByRates(amountsFen: readonly number[], ratesBp: readonly number[]): number[] {
  if (amountsFen.length !== ratesBp.length) {
    throw new RangeError(`Each amount needs one rate: got ${amountsFen.length} amounts and ${ratesBp.length} rates`);
  }
  amountsFen.forEach((amountFen, index) => assertNonNegativeSafeInteger(amountFen, `amountsFen[${index}]`));
  ratesBp.forEach((rateBp, index) => assertRateBp(rateBp, `ratesBp[${index}]`));
  const products = amountsFen.map((amountFen, index) => BigInt(amountFen) * BigInt(ratesBp[index]));
  const productSum = products.reduce((sum, product) => sum + product, 0n);
  const poolFen = (productSum + BP_PER_WHOLE / 2n) / BP_PER_WHOLE;
  const floors = products.map((product) => product / BP_PER_WHOLE);
  const remainders = products.map((product) => product % BP_PER_WHOLE);
  const leftover = poolFen - floors.reduce((sum, floor) => sum + floor, 0n);
  return distributeLeftover(floors, remainders, leftover);
}
