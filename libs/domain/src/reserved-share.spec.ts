import fc from 'fast-check';
import { isPlanYear, reservedTargetFen } from './reserved-share';

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
