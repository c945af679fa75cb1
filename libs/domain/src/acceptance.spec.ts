import fc from 'fast-check';
import { AcceptanceError, planAcceptance, SHORTFALL_REASONS } from './acceptance';

describe('planAcceptance', () => {
  const part = [
    { lineId: 'eggs', deliverable: 30 },
    { lineId: 'noodles', deliverable: 10 },
  ];

  it('accepts the lines not named in full, and records a named shortfall with its reason', () => {
    expect(planAcceptance(part, [{ lineId: 'eggs', acceptedQuantity: 29, reason: 'DAMAGED' }])).toEqual([
      { lineId: 'eggs', acceptedQuantity: 29, shortQuantity: 1, reason: 'DAMAGED' },
      { lineId: 'noodles', acceptedQuantity: 10, shortQuantity: 0, reason: null },
    ]);
    expect(planAcceptance(part, []).every((line) => line.shortQuantity === 0)).toBe(true);
  });

  it('refuses an unknown or repeated line, too many units, a shortfall without reason and a reason without shortfall', () => {
    /** The line and the words of the refusal; null when the acceptance is taken. */
    const refusal = (given: Parameters<typeof planAcceptance>[1]): [string, string] | null => {
      try {
        planAcceptance(part, given);
        return null;
      } catch (error) {
        if (error instanceof AcceptanceError) return [error.lineId, error.message];
        throw error;
      }
    };
    expect(refusal([{ lineId: 'tea', acceptedQuantity: 1 }])).toEqual(['tea', 'this line is not in the shipment']);
    expect(
      refusal([
        { lineId: 'eggs', acceptedQuantity: 30 },
        { lineId: 'eggs', acceptedQuantity: 30 },
      ]),
    ).toEqual(['eggs', 'this line is named twice']);
    expect(refusal([{ lineId: 'eggs', acceptedQuantity: 31 }])?.[1]).toMatch(/between 0 and the 30 units/);
    expect(refusal([{ lineId: 'eggs', acceptedQuantity: -1, reason: 'SHORT' }])?.[1]).toMatch(/between 0/);
    expect(refusal([{ lineId: 'eggs', acceptedQuantity: 29 }])).toEqual(['eggs', 'a shortfall needs its reason']);
    expect(refusal([{ lineId: 'eggs', acceptedQuantity: 30, reason: 'SHORT' }])?.[1]).toMatch(/no shortfall reason/);
  });

  it('accounts for every unit sent: accepted and short add up to what was sent, on every line (property)', () => {
    const parts = fc.uniqueArray(
      fc.record({ lineId: fc.string({ minLength: 1, maxLength: 4 }), deliverable: fc.integer({ min: 0, max: 9_999 }) }),
      {
        selector: (line) => line.lineId,
        minLength: 1,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        parts,
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SHORTFALL_REASONS))),
        (lines, picks) => {
          const given = [
            ...new Map(
              picks.map(([i, share, reason]) => {
                const line = lines[i % lines.length];
                const acceptedQuantity = Math.floor(line.deliverable * share);
                return [
                  line.lineId,
                  { lineId: line.lineId, acceptedQuantity, reason: acceptedQuantity < line.deliverable ? reason : null },
                ];
              }),
            ).values(),
          ];
          const outcome = planAcceptance(lines, given);
          expect(outcome.map((line) => line.lineId)).toEqual(lines.map((line) => line.lineId));
          for (const [i, line] of outcome.entries()) {
            expect(line.acceptedQuantity + line.shortQuantity).toBe(lines[i].deliverable);
            expect(line.shortQuantity >= 0 && (line.shortQuantity === 0) === (line.reason === null)).toBe(true);
          }
        },
      ),
    );
  });
});
