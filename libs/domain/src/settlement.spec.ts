import fc from 'fast-check';
import { settleDay } from './settlement';

describe('settleDay', () => {
  it('splits a cooperative’s pool by link weight, adding a household’s links together', () => {
    const [settlement] = settleDay(new Map([['c1', 1000]]), [
      { householdId: 'h1', cooperativeId: 'c1', weight: 1 },
      { householdId: 'h2', cooperativeId: 'c1', weight: 1 },
      { householdId: 'h2', cooperativeId: 'c1', weight: 1 },
      { householdId: 'h3', cooperativeId: 'other', weight: 9 },
    ]);
    expect(settlement).toEqual({
      cooperativeId: 'c1',
      poolFen: 1000,
      unallocatedFen: 0,
      allocations: [
        { householdId: 'h1', weight: 1, amountFen: 333 },
        { householdId: 'h2', weight: 2, amountFen: 667 },
      ],
    });
  });

  it('turns a negative day (refunds over sales) into negative adjustments, and keeps a pool no one is linked to as unallocated', () => {
    const settlements = settleDay(
      new Map([
        ['c1', -10],
        ['c2', 500],
      ]),
      [
        { householdId: 'h1', cooperativeId: 'c1', weight: 2 },
        { householdId: 'h2', cooperativeId: 'c1', weight: 1 },
      ],
    );
    expect(settlements[0].allocations.map((a) => a.amountFen)).toEqual([-7, -3]);
    expect(settlements[1]).toEqual({ cooperativeId: 'c2', poolFen: 500, allocations: [], unallocatedFen: 500 });
  });

  it('allocates every fen of every pool, never a fen more, whatever the links (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('c1', 'c2', 'c3'), fc.integer({ min: -1_000_000, max: 10_000_000 })),
        fc.array(
          fc.record({ householdId: ids, cooperativeId: fc.constantFrom('c1', 'c2', 'c3'), weight: fc.integer({ min: 1, max: 50 }) }),
          { maxLength: 12 },
        ),
        (pools, links) => {
          for (const settlement of settleDay(new Map(Object.entries(pools)), links)) {
            const allocated = settlement.allocations.reduce((sum, a) => sum + a.amountFen, 0);
            expect(allocated + settlement.unallocatedFen).toBe(settlement.poolFen);
            for (const allocation of settlement.allocations) expect(Math.sign(allocation.amountFen)).toBe(Math.sign(settlement.poolFen));
          }
        },
      ),
    );
  });
});
