import fc from 'fast-check';
import {
  bestBeforeOf,
  LOT_CODE_ALPHABET,
  LOT_CODE_LENGTH,
  LOT_CODE_PATTERN,
  LotAssignmentError,
  lotCodeOf,
  needsQuarantine,
  planLotAssignment,
  QUARANTINE_CATEGORIES,
  type LineToShip,
  type LotAssignment,
  type LotAssignmentProblem,
  type LotStock,
} from './lots';
import { PRODUCT_CATEGORIES } from './catalog';

const TODAY = '2026-06-10';

const lot = (id: string, productId: string, leftQuantity: number, extra: Partial<LotStock> = {}): LotStock => ({
  id,
  productId,
  leftQuantity,
  bestBefore: '2026-07-01',
  closed: false,
  recalled: false,
  ...extra,
});
const lineOf = (lineId: string, productId: string, quantity: number): LineToShip => ({ lineId, productId, quantity });
const give = (lineId: string, lotId: string, quantity: number): LotAssignment => ({ lineId, lotId, quantity });

/** The problem a plan is refused for, with its line and lot; 'planned' when it is taken. */
const refusal = (
  lines: readonly LineToShip[],
  lots: readonly LotStock[],
  assignments: readonly LotAssignment[],
  today = TODAY,
): 'planned' | [LotAssignmentProblem, string | undefined, string | undefined] => {
  try {
    planLotAssignment(lines, lots, assignments, today);
    return 'planned';
  } catch (error) {
    if (error instanceof LotAssignmentError) return [error.problem, error.lineId, error.lotId];
    throw error;
  }
};

describe('lotCodeOf', () => {
  it('gives a code of LOT_CODE_LENGTH readable characters for any random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: LOT_CODE_LENGTH, maxLength: 32 }), (bytes) => {
        const code = lotCodeOf(bytes);
        expect(code).toHaveLength(LOT_CODE_LENGTH);
        expect(code).toMatch(LOT_CODE_PATTERN);
        expect([...code].every((char) => LOT_CODE_ALPHABET.includes(char))).toBe(true);
      }),
    );
  });

  it('uses only the first LOT_CODE_LENGTH bytes and never a misreadable character', () => {
    const bytes = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lotCodeOf(bytes)).toBe('23456789');
    expect(lotCodeOf(Uint8Array.from([30, 31, 255, 0, 0, 0, 0, 0]))).toBe('Z2922222');
    expect(LOT_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('throws when given too few random bytes', () => {
    expect(() => lotCodeOf(new Uint8Array(LOT_CODE_LENGTH - 1))).toThrow(RangeError);
    expect(() => lotCodeOf(new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('bestBeforeOf', () => {
  it('counts the production day as day 1', () => {
    expect(bestBeforeOf('2026-06-10', 1)).toBe('2026-06-10');
    expect(bestBeforeOf('2026-06-10', 2)).toBe('2026-06-11');
    expect(bestBeforeOf('2026-06-10', 30)).toBe('2026-07-09');
  });

  it('crosses month and year ends, leap days included', () => {
    expect(bestBeforeOf('2026-01-31', 2)).toBe('2026-02-01');
    expect(bestBeforeOf('2026-02-27', 3)).toBe('2026-03-01');
    expect(bestBeforeOf('2028-02-28', 2)).toBe('2028-02-29');
    expect(bestBeforeOf('2026-12-31', 2)).toBe('2027-01-01');
    expect(bestBeforeOf('2026-12-20', 365)).toBe('2027-12-19');
  });
});

describe('needsQuarantine', () => {
  it('asks an animal quarantine certificate of chicken, eggs and pork only', () => {
    expect(needsQuarantine('CHICKEN')).toBe(true);
    expect(needsQuarantine('EGG')).toBe(true);
    expect(needsQuarantine('PORK')).toBe(true);
    for (const category of ['TEA', 'CHERRY', 'MUSHROOM', 'NOODLE', 'VEGETABLE', 'chicken', '']) {
      expect(needsQuarantine(category)).toBe(false);
    }
  });

  it('names only real product categories', () => {
    expect(QUARANTINE_CATEGORIES.every((category) => (PRODUCT_CATEGORIES as readonly string[]).includes(category))).toBe(true);
    expect(PRODUCT_CATEGORIES.filter(needsQuarantine)).toEqual(['CHICKEN', 'EGG', 'PORK']);
  });
});

describe('planLotAssignment', () => {
  const lines = [lineOf('eggs', 'egg', 30), lineOf('tea', 'tea', 2)];
  const lots = [lot('egg-a', 'egg', 20), lot('egg-b', 'egg', 50), lot('tea-a', 'tea', 5)];

  it('takes a line split over two lots and drops the zero entries', () => {
    expect(
      planLotAssignment(
        lines,
        lots,
        [give('eggs', 'egg-a', 20), give('eggs', 'egg-b', 10), give('tea', 'tea-a', 2), give('tea', 'egg-a', 0)],
        TODAY,
      ),
    ).toEqual([give('eggs', 'egg-a', 20), give('eggs', 'egg-b', 10), give('tea', 'tea-a', 2)]);
  });

  it('takes a zero entry on a lot that could not give anything', () => {
    const closed = lot('egg-old', 'egg', 0, { closed: true, bestBefore: '2026-01-01' });
    expect(
      planLotAssignment([lineOf('eggs', 'egg', 3)], [closed, lots[0]], [give('eggs', 'egg-old', 0), give('eggs', 'egg-a', 3)], TODAY),
    ).toEqual([give('eggs', 'egg-a', 3)]);
  });

  it('takes a shipment with nothing to send and nothing named', () => {
    expect(planLotAssignment([lineOf('eggs', 'egg', 0)], lots, [], TODAY)).toEqual([]);
  });

  it('refuses a line that is not part of the shipment', () => {
    expect(refusal(lines, lots, [give('noodles', 'egg-a', 1)])).toEqual(['UNKNOWN_LINE', 'noodles', undefined]);
  });

  it('refuses a lot it does not know', () => {
    expect(refusal(lines, lots, [give('eggs', 'egg-z', 30)])).toEqual(['UNKNOWN_LOT', 'eggs', 'egg-z']);
  });

  it('refuses a lot of another product', () => {
    expect(refusal(lines, lots, [give('eggs', 'tea-a', 2)])).toEqual(['LOT_OF_ANOTHER_PRODUCT', 'eggs', 'tea-a']);
  });

  it('refuses a closed lot and a recalled one', () => {
    const closed = [lot('egg-c', 'egg', 50, { closed: true })];
    const recalled = [lot('egg-c', 'egg', 50, { recalled: true })];
    expect(refusal([lines[0]], closed, [give('eggs', 'egg-c', 30)])).toEqual(['LOT_CLOSED', 'eggs', 'egg-c']);
    expect(refusal([lines[0]], recalled, [give('eggs', 'egg-c', 30)])).toEqual(['LOT_CLOSED', 'eggs', 'egg-c']);
    expect(() => planLotAssignment([lines[0]], recalled, [give('eggs', 'egg-c', 30)], TODAY)).toThrow(/recalled/);
    expect(() => planLotAssignment([lines[0]], closed, [give('eggs', 'egg-c', 30)], TODAY)).toThrow(/closed/);
  });

  it('refuses a lot past its best-before day, but ships one on its best-before day', () => {
    const yesterday = [lot('egg-x', 'egg', 50, { bestBefore: '2026-06-09' })];
    const onTheDay = [lot('egg-x', 'egg', 50, { bestBefore: TODAY })];
    expect(refusal([lines[0]], yesterday, [give('eggs', 'egg-x', 30)])).toEqual(['LOT_EXPIRED', 'eggs', 'egg-x']);
    expect(refusal([lines[0]], onTheDay, [give('eggs', 'egg-x', 30)])).toBe('planned');
    expect(refusal([lines[0]], [lot('egg-x', 'egg', 50, { bestBefore: '2025-12-31' })], [give('eggs', 'egg-x', 30)], '2026-01-01')).toEqual(
      ['LOT_EXPIRED', 'eggs', 'egg-x'],
    );
  });

  it('refuses to draw more than a lot holds, on one line or over two lines together', () => {
    expect(refusal([lines[0]], lots, [give('eggs', 'egg-a', 21), give('eggs', 'egg-b', 9)])).toEqual(['LOT_OVERDRAWN', 'eggs', 'egg-a']);
    const twoLines = [lineOf('eggs', 'egg', 30), lineOf('more-eggs', 'egg', 10)];
    expect(refusal(twoLines, lots, [give('eggs', 'egg-a', 15), give('eggs', 'egg-b', 15), give('more-eggs', 'egg-a', 10)])).toEqual([
      'LOT_OVERDRAWN',
      'more-eggs',
      'egg-a',
    ]);
    expect(
      refusal(twoLines, lots, [
        give('eggs', 'egg-a', 15),
        give('eggs', 'egg-b', 15),
        give('more-eggs', 'egg-a', 5),
        give('more-eggs', 'egg-b', 5),
      ]),
    ).toBe('planned');
  });

  it('refuses lots that give a line too few or too many units', () => {
    expect(refusal(lines, lots, [give('eggs', 'egg-a', 20), give('tea', 'tea-a', 2)])).toEqual(['LINE_NOT_COVERED', 'eggs', undefined]);
    expect(refusal(lines, lots, [give('eggs', 'egg-b', 31), give('tea', 'tea-a', 2)])).toEqual(['LINE_NOT_COVERED', 'eggs', undefined]);
    expect(refusal(lines, lots, [give('eggs', 'egg-b', 30)])).toEqual(['LINE_NOT_COVERED', 'tea', undefined]);
  });

  it('refuses a lot named twice for one line, even with nothing drawn', () => {
    expect(refusal([lines[0]], lots, [give('eggs', 'egg-a', 10), give('eggs', 'egg-a', 20)])).toEqual([
      'DUPLICATE_ASSIGNMENT',
      'eggs',
      'egg-a',
    ]);
    expect(refusal([lines[0]], lots, [give('eggs', 'egg-b', 30), give('eggs', 'egg-a', 0), give('eggs', 'egg-a', 0)])).toEqual([
      'DUPLICATE_ASSIGNMENT',
      'eggs',
      'egg-a',
    ]);
  });

  it('either refuses with a LotAssignmentError or ships each line exactly from good lots within what they hold (property)', () => {
    const days = ['2026-06-08', '2026-06-09', TODAY, '2026-06-11', '2026-07-01'];
    const products = ['egg', 'tea', 'pork'];
    const rarely = fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 });
    const scenario = fc
      .record({
        lines: fc.array(fc.record({ product: fc.constantFrom(...products), quantity: fc.integer({ min: 0, max: 12 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        lots: fc.array(
          fc.record({
            product: fc.constantFrom(...products),
            leftQuantity: fc.integer({ min: 0, max: 15 }),
            bestBefore: fc.constantFrom(...days),
            closed: rarely,
            recalled: rarely,
          }),
          { minLength: 1, maxLength: 5 },
        ),
        picks: fc.array(fc.record({ line: fc.nat(9), lot: fc.nat(9), quantity: fc.integer({ min: 0, max: 12 }) }), { maxLength: 8 }),
        strays: rarely,
        /** Half the time the lines ask exactly what their picks give, so that some plans are taken. */
        matchLines: fc.boolean(),
      })
      .map(({ lines, lots, picks, strays, matchLines }) => {
        const stock = lots.map((l, i) =>
          lot(`lot${i}`, l.product, l.leftQuantity, { bestBefore: l.bestBefore, closed: l.closed, recalled: l.recalled }),
        );
        const assignments = picks.map((pick) =>
          give(
            strays ? `line${pick.line % (lines.length + 1)}` : `line${pick.line % lines.length}`,
            `lot${pick.lot % (lots.length + (strays ? 1 : 0))}`,
            pick.quantity,
          ),
        );
        const toShip = lines.map((l, i) =>
          lineOf(
            `line${i}`,
            l.product,
            matchLines ? assignments.filter((a) => a.lineId === `line${i}`).reduce((sum, a) => sum + a.quantity, 0) : l.quantity,
          ),
        );
        return { toShip, stock, assignments };
      });
    let planned = 0;
    fc.assert(
      fc.property(scenario, ({ toShip, stock, assignments }) => {
        let kept: LotAssignment[];
        try {
          kept = planLotAssignment(toShip, stock, assignments, TODAY);
        } catch (error) {
          expect(error).toBeInstanceOf(LotAssignmentError);
          return;
        }
        planned++;
        expect(kept.every((a) => a.quantity > 0)).toBe(true);
        for (const line of toShip) {
          expect(kept.filter((a) => a.lineId === line.lineId).reduce((sum, a) => sum + a.quantity, 0)).toBe(line.quantity);
        }
        for (const l of stock) {
          expect(kept.filter((a) => a.lotId === l.id).reduce((sum, a) => sum + a.quantity, 0)).toBeLessThanOrEqual(l.leftQuantity);
        }
        for (const a of kept) {
          const line = toShip.find((candidate) => candidate.lineId === a.lineId);
          const used = stock.find((candidate) => candidate.id === a.lotId);
          expect(line).toBeDefined();
          expect(used).toBeDefined();
          expect(used?.productId).toBe(line?.productId);
          expect(used?.closed).toBe(false);
          expect(used?.recalled).toBe(false);
          expect((used?.bestBefore ?? '') >= TODAY).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(planned).toBeGreaterThan(0);
  });
});
