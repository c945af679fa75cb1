import fc from 'fast-check';
import { isPlanYear, MAX_PROGRESS_BP, progressBp, reservedTargetFen, straightLinePathFen } from './reserved-share';

describe('reservedTargetFen', () => {
  it('takes the share of the budget, rounded half up to the fen', () => {
    expect(reservedTargetFen(12_000_000_00, 1_000)).toBe(1_200_000_00);
    expect(reservedTargetFen(5, 1_000)).toBe(1); // 0.5 fen rounds up
    expect(reservedTargetFen(4, 1_000)).toBe(0);
    expect(reservedTargetFen(0, 1_500)).toBe(0);
  });

  it('is exact for budgets past what a double multiplies exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (budgetFen, shareBp) => {
        const target = reservedTargetFen(budgetFen, shareBp);
        const exact = (BigInt(budgetFen) * BigInt(shareBp) * 2n + 10_000n) / 20_000n;
        return BigInt(target) === exact && target <= budgetFen && target >= 0;
      }),
    );
  });

  it('never falls when the budget or the share grows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 9_999 }),
        (budget, more, share) => {
          return (
            reservedTargetFen(budget + more, share) >= reservedTargetFen(budget, share) &&
            reservedTargetFen(budget, share + 1) >= reservedTargetFen(budget, share)
          );
        },
      ),
    );
  });

  it('refuses a negative budget or a share outside 0–100%', () => {
    expect(() => reservedTargetFen(-1, 1_000)).toThrow(RangeError);
    expect(() => reservedTargetFen(100, 10_001)).toThrow(RangeError);
  });
});

describe('isPlanYear', () => {
  it('allows the pairing years up to next year', () => {
    expect([2015, 2016, 2026, 2027, 2028].map((year) => isPlanYear(year, '2026-12-04'))).toEqual([false, true, true, true, false]);
  });
});

describe('progressBp', () => {
  it('rounds down, passes 100% when the target is beaten, and has nothing to say without a target', () => {
    expect(progressBp(1_200_000_00, 1_200_000_00)).toBe(10_000);
    expect(progressBp(1_199_999_99, 1_200_000_00)).toBe(9_999);
    expect(progressBp(2_400_000_00, 1_200_000_00)).toBe(20_000);
    expect(progressBp(0, 1)).toBe(0);
    expect(progressBp(-1, 3)).toBe(-3_334);
    expect(progressBp(5, null)).toBeNull();
    expect(progressBp(5, 0)).toBeNull();
  });

  it('is the floor of achieved × 10,000 ÷ target, exactly, held within ±1,000,000% (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e13 }), fc.integer({ min: 1, max: 1e13 }), (achieved, target) => {
        const bp = progressBp(achieved, target)!;
        const scaled = BigInt(achieved) * 10_000n;
        const floor = BigInt(bp);
        if (Math.abs(bp) === MAX_PROGRESS_BP) return floor > 0n ? floor * BigInt(target) <= scaled : (floor + 1n) * BigInt(target) > scaled;
        return Number.isSafeInteger(bp) && floor * BigInt(target) <= scaled && (floor + 1n) * BigInt(target) > scaled;
      }),
    );
  });

  it('holds an absurd ratio at the limit instead of a number past what a double holds exactly', () => {
    expect(progressBp(2_812_151_233_456, 3)).toBe(MAX_PROGRESS_BP);
    expect(progressBp(-2_812_151_233_456, 3)).toBe(-MAX_PROGRESS_BP);
  });
});

describe('straightLinePathFen', () => {
  it('is the whole target at the end of December and the share of days before', () => {
    expect(straightLinePathFen(365_00, 2026, 12)).toBe(365_00);
    expect(straightLinePathFen(365_00, 2026, 1)).toBe(31_00);
    expect(straightLinePathFen(366_00, 2028, 2)).toBe(60_00); // a leap year's February has 29 days
  });

  it('never falls from one month to the next and never passes the target (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 2016, max: 2100 }), (target, year) => {
        const path = Array.from({ length: 12 }, (_, i) => straightLinePathFen(target, year, i + 1));
        return path.every((fen, i) => fen <= target && (i === 0 || fen >= path[i - 1])) && path[11] === target;
      }),
    );
  });
});
