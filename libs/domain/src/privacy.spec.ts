import fc from 'fast-check';
import { MIN_PUBLIC_HOUSEHOLDS, publicHouseholdCount } from './privacy';

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
