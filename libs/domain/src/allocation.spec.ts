import fc from 'fast-check';
import { allocateByRates, allocateLargestRemainder, applyRateBp } from './allocation';

const MAX = Number.MAX_SAFE_INTEGER;
const sum = (values: readonly number[]): bigint => values.reduce((total, value) => total + BigInt(value), 0n);

/** True when `part` is the floor or the ceiling of numerator / denominator (all non-negative). */
function isFloorOrCeil(part: number, numerator: bigint, denominator: bigint): boolean {
  const difference = BigInt(part) * denominator - numerator;
  return difference > -denominator && difference < denominator;
}

const weightsArbitrary = fc
  .array(fc.oneof(fc.nat({ max: 10_000 }), fc.maxSafeNat()), { minLength: 1, maxLength: 20 })
  .filter((weights) => weights.some((weight) => weight > 0));
const totalArbitrary = fc.oneof(fc.nat({ max: 1_000_000 }), fc.maxSafeNat());

describe(allocateLargestRemainder.name, () => {
  it('splits evenly when the total divides evenly', () => {
    expect(allocateLargestRemainder(900, [1, 1, 1])).toEqual([300, 300, 300]);
  });

  it('gives the leftover fen to the largest remainders', () => {
    expect(allocateLargestRemainder(10, [3333, 3333, 3334])).toEqual([3, 3, 4]);
  });

  it('breaks ties in favour of the lowest index', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives the second leftover fen to the next index on a tie', () => {
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('gives a zero weight nothing', () => {
    expect(allocateLargestRemainder(101, [1, 0, 1])).toEqual([51, 0, 50]);
  });

  it('splits a zero total into zeros', () => {
    expect(allocateLargestRemainder(0, [2500, 7500])).toEqual([0, 0]);
  });

  it('stays exact when total times weight exceeds 2^53', () => {
    expect(allocateLargestRemainder(MAX, [1, 1])).toEqual([4503599627370496, 4503599627370495]);
  });

  it('refuses an empty list of weights and says why', () => {
    expect(() => allocateLargestRemainder(100, [])).toThrow(/list of weights is empty/);
  });

  it('refuses weights that are all zero and says why', () => {
    expect(() => allocateLargestRemainder(100, [0, 0])).toThrow(/all zero/);
  });

  it('throws a RangeError for all-zero weights', () => {
    expect(() => allocateLargestRemainder(100, [0])).toThrow(RangeError);
  });

  it.each([[-1], [1.5], [Number.NaN], [MAX + 1]])('rejects the total %p', (totalFen) => {
    expect(() => allocateLargestRemainder(totalFen, [1])).toThrow(/totalFen/);
  });

  it.each([[-1], [0.5], [Infinity]])('rejects the weight %p', (weight) => {
    expect(() => allocateLargestRemainder(100, [1, weight])).toThrow(/weights\[1\]/);
  });

  it('makes parts that always sum exactly to the total', () => {
    fc.assert(
      fc.property(totalArbitrary, weightsArbitrary, (totalFen, weights) => {
        expect(sum(allocateLargestRemainder(totalFen, weights))).toBe(BigInt(totalFen));
      }),
    );
  });

  it('never makes a negative part', () => {
    fc.assert(
      fc.property(totalArbitrary, weightsArbitrary, (totalFen, weights) => {
        expect(allocateLargestRemainder(totalFen, weights).every((part) => part >= 0)).toBe(true);
      }),
    );
  });

  it('keeps every part within one fen of its exact share', () => {
    fc.assert(
      fc.property(totalArbitrary, weightsArbitrary, (totalFen, weights) => {
        const weightSum = sum(weights);
        const parts = allocateLargestRemainder(totalFen, weights);
        parts.forEach((part, index) => {
          expect(isFloorOrCeil(part, BigInt(totalFen) * BigInt(weights[index]), weightSum)).toBe(true);
        });
      }),
    );
  });

  it('gives the same parts every time for the same input', () => {
    fc.assert(
      fc.property(totalArbitrary, weightsArbitrary, (totalFen, weights) => {
        expect(allocateLargestRemainder(totalFen, [...weights])).toEqual(allocateLargestRemainder(totalFen, weights));
      }),
    );
  });

  it('gives the same parts when all weights are scaled by the same factor', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 10 }).filter((weights) => weights.some((w) => w > 0)),
        fc.integer({ min: 2, max: 1_000 }),
        (totalFen, weights, factor) => {
          const scaled = weights.map((weight) => weight * factor);
          expect(allocateLargestRemainder(totalFen, scaled)).toEqual(allocateLargestRemainder(totalFen, weights));
        },
      ),
    );
  });

  it('does not change its input', () => {
    const weights = Object.freeze([3, 1, 2]);
    allocateLargestRemainder(10, weights);
    expect(weights).toEqual([3, 1, 2]);
  });
});

describe(applyRateBp.name, () => {
  it('rounds the rated amount down to whole fen', () => {
    expect(applyRateBp(12345, 300)).toBe(370);
  });

  it('returns the whole amount at 10000 basis points', () => {
    expect(applyRateBp(98765, 10_000)).toBe(98765);
  });

  it('returns zero at a zero rate', () => {
    expect(applyRateBp(98765, 0)).toBe(0);
  });

  it('stays exact where amount times rate exceeds 2^53', () => {
    expect(applyRateBp(MAX, 9999)).toBe(Number((BigInt(MAX) * 9999n) / 10_000n));
  });

  it.each([[-1], [10_001], [12.5], [Number.NaN]])('rejects the rate %p', (rateBp) => {
    expect(() => applyRateBp(100, rateBp)).toThrow(/rateBp/);
  });

  it.each([[-1], [0.5], [MAX + 1]])('rejects the amount %p', (amountFen) => {
    expect(() => applyRateBp(amountFen, 100)).toThrow(/amountFen/);
  });

  it('is always the floor of amount times rate over 10000', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 }), (amountFen, rateBp) => {
        const result = BigInt(applyRateBp(amountFen, rateBp));
        const exact = BigInt(amountFen) * BigInt(rateBp);
        expect(result * 10_000n <= exact && exact < (result + 1n) * 10_000n).toBe(true);
      }),
    );
  });
});

const linesArbitrary = fc.array(fc.tuple(fc.oneof(fc.nat({ max: 1_000_000 }), fc.maxSafeNat()), fc.integer({ min: 0, max: 10_000 })), {
  maxLength: 20,
});

describe(allocateByRates.name, () => {
  it('splits the pool of the order exactly where rounding each line would overshoot', () => {
    // Exact shares 16.65 + 16.65 + 16.70 = 50.00; rounding each line would give 51.
    expect(allocateByRates([333, 333, 334], [500, 500, 500])).toEqual([17, 16, 17]);
  });

  it('rounds the pool of the order half a fen up', () => {
    expect(allocateByRates([50], [100])).toEqual([1]);
  });

  it('rounds a pool under half a fen down', () => {
    expect(allocateByRates([49], [100])).toEqual([0]);
  });

  it('gives a line at a zero rate nothing', () => {
    expect(allocateByRates([10_000, 10_000], [0, 1500])).toEqual([0, 1500]);
  });

  it('returns no shares for an order without lines', () => {
    expect(allocateByRates([], [])).toEqual([]);
  });

  it('refuses amounts and rates of different lengths', () => {
    expect(() => allocateByRates([100, 200], [100])).toThrow(/2 amounts and 1 rates/);
  });

  it('rejects a rate above 10000 basis points', () => {
    expect(() => allocateByRates([100], [10_001])).toThrow(/ratesBp\[0\]/);
  });

  it('rejects a negative amount', () => {
    expect(() => allocateByRates([100, -1], [100, 100])).toThrow(/amountsFen\[1\]/);
  });

  it('makes shares that sum exactly to the rounded pool of the order', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const products = lines.reduce((total, [amountFen, rateBp]) => total + BigInt(amountFen) * BigInt(rateBp), 0n);
        const roundedPool = (products * 2n + 10_000n) / 20_000n;
        const shares = allocateByRates(
          lines.map(([amountFen]) => amountFen),
          lines.map(([, rateBp]) => rateBp),
        );
        expect(sum(shares)).toBe(roundedPool);
      }),
    );
  });

  it('gives every line the floor or the ceiling of its exact share', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const shares = allocateByRates(
          lines.map(([amountFen]) => amountFen),
          lines.map(([, rateBp]) => rateBp),
        );
        shares.forEach((share, index) => {
          const [amountFen, rateBp] = lines[index];
          expect(share >= 0).toBe(true);
          expect(isFloorOrCeil(share, BigInt(amountFen) * BigInt(rateBp), 10_000n)).toBe(true);
        });
      }),
    );
  });

  it('gives the same shares every time for the same order', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const amountsFen = lines.map(([amountFen]) => amountFen);
        const ratesBp = lines.map(([, rateBp]) => rateBp);
        expect(allocateByRates([...amountsFen], [...ratesBp])).toEqual(allocateByRates(amountsFen, ratesBp));
      }),
    );
  });
});
