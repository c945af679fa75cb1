import fc from 'fast-check';
import { MIN_PUBLIC_HOUSEHOLDS, publicFigures, publicHouseholdCount } from './privacy';

describe(publicHouseholdCount.name, () => {
  it('withholds 1 to 4 households and shows none or 5 and more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 240].map(publicHouseholdCount)).toEqual([0, null, null, null, null, 5, 6, 240]);
  });

  it('never shows a count below the threshold other than zero', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (households) => {
        const shown = publicHouseholdCount(households);
        expect(shown === null || shown === 0 || shown >= MIN_PUBLIC_HOUSEHOLDS).toBe(true);
        expect(shown === null ? households : shown).toBe(households);
      }),
    );
  });

  it('refuses what is not a count', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => publicHouseholdCount(bad)).toThrow(RangeError);
  });
});

describe(publicFigures.name, () => {
  it('shows a group of 5 households whole and nothing of a group of 4, its money included', () => {
    expect(publicFigures({ linkedSalesFen: 120_000, poolFen: 9_600, households: 5, people: 19 })).toEqual({
      linkedSalesFen: 120_000,
      poolFen: 9_600,
      households: 5,
      people: 19,
    });
    expect(publicFigures({ linkedSalesFen: 120_000, poolFen: 9_600, households: 4, people: 15 })).toEqual({
      linkedSalesFen: null,
      poolFen: null,
      households: null,
      people: null,
    });
  });

  it('shows either every figure as it is or none, and none below the threshold', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000_000),
        fc.nat(100_000_000),
        fc.nat(10_000),
        fc.nat(50_000),
        (linkedSalesFen, poolFen, households, people) => {
          const shown = publicFigures({ linkedSalesFen, poolFen, households, people });
          const values = Object.values(shown);
          expect(values.every((value) => value === null) || values.every((value) => value !== null)).toBe(true);
          expect(shown.households === null).toBe(households < MIN_PUBLIC_HOUSEHOLDS);
          if (shown.households !== null) expect(shown).toEqual({ linkedSalesFen, poolFen, households, people });
        },
      ),
    );
  });
});
