import fc from 'fast-check';
import { reversalShareFen } from './ledger';

describe('reversalShareFen', () => {
  it('gives back a unit’s share of a line, rounding so that the last unit takes what is left', () => {
    // A pool of 100 fen over 3 units: 33, 33, 34.
    expect([reversalShareFen(100, 3, 0, 1), reversalShareFen(100, 3, 1, 1), reversalShareFen(100, 3, 2, 1)]).toEqual([33, 33, 34]);
    expect(reversalShareFen(100, 3, 0, 3)).toBe(100);
    expect(reversalShareFen(59_400, 3, 1, 2)).toBe(39_600);
  });

  it('refuses to give back more units than the line has', () => {
    expect(() => reversalShareFen(100, 3, 2, 2)).toThrow(RangeError);
    expect(() => reversalShareFen(100, 0, 0, 0)).toThrow(RangeError);
    expect(() => reversalShareFen(-1, 3, 0, 1)).toThrow(RangeError);
  });

  it('adds up to exactly the whole once every unit is back, in any grouping, never more before (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 12 }),
        (wholeFen, groups) => {
          const totalQuantity = groups.reduce((sum, q) => sum + q, 0);
          let before = 0;
          let given = 0;
          for (const quantity of groups) {
            given += reversalShareFen(wholeFen, totalQuantity, before, quantity);
            before += quantity;
            expect(given).toBeLessThanOrEqual(wholeFen);
          }
          expect(given).toBe(wholeFen);
        },
      ),
    );
  });
});
