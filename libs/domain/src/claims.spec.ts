import fc from 'fast-check';
import { PRODUCT_CATEGORIES } from './catalog';
import {
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  claimAmounts,
  ClaimError,
  claimWindowClosesAt,
  DEFAULT_CLAIM_WINDOW_HOURS,
  nextClaimStatus,
  shareBp,
  UNDECIDED_CLAIM_STATUSES,
  type ClaimableLine,
  type ClaimActor,
  type ClaimStatus,
  type ClaimTransition,
} from './claims';

const ACTORS: readonly ClaimActor[] = ['buyer', 'cooperative', 'admin'];
const TRANSITIONS = Object.keys(CLAIM_TRANSITIONS) as ClaimTransition[];
const FINAL_STATUSES: readonly ClaimStatus[] = ['SETTLED', 'REJECTED', 'WITHDRAWN'];

/** The code a step is refused with; the status it leads to when it is taken. */
const step = (status: ClaimStatus, transition: ClaimTransition, actor: ClaimActor, overdue?: boolean): ClaimStatus | string => {
  try {
    return nextClaimStatus(status, transition, actor, overdue === undefined ? undefined : { overdue });
  } catch (error) {
    if (error instanceof ClaimError) return `refused: ${error.code}`;
    throw error;
  }
};

/** The code a claim is refused with, and its line; the amounts when it is taken. */
const amountsOr = (...args: Parameters<typeof claimAmounts>) => {
  try {
    return claimAmounts(...args);
  } catch (error) {
    if (error instanceof ClaimError) return { code: error.code, lineId: error.lineId };
    throw error;
  }
};

describe('nextClaimStatus', () => {
  it('leads every transition from each status it allows, by its actor, to its status', () => {
    for (const transition of TRANSITIONS) {
      const rule = CLAIM_TRANSITIONS[transition];
      for (const from of rule.from) {
        expect(step(from, transition, rule.by, true)).toBe(rule.to);
      }
    }
  });

  it('refuses every transition from any other status or by any other actor with CLAIM_STATUS_CONFLICT', () => {
    let refused = 0;
    for (const status of CLAIM_STATUSES) {
      for (const transition of TRANSITIONS) {
        const rule = CLAIM_TRANSITIONS[transition];
        for (const actor of ACTORS) {
          const allowed = rule.by === actor && (rule.from as readonly ClaimStatus[]).includes(status);
          for (const overdue of [false, true]) {
            if (allowed) continue;
            expect(step(status, transition, actor, overdue)).toBe('refused: CLAIM_STATUS_CONFLICT');
            expect(() => nextClaimStatus(status, transition, actor, { overdue })).toThrow(ClaimError);
            refused++;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('follows the claim’s story: answer, offer, dispute, escalate, decide, withdraw', () => {
    expect(step('OPEN', 'accept', 'cooperative')).toBe('SETTLED');
    expect(step('OPEN', 'offer', 'cooperative')).toBe('OFFERED');
    expect(step('OPEN', 'dispute', 'cooperative')).toBe('DISPUTED');
    expect(step('OFFERED', 'acceptOffer', 'buyer')).toBe('SETTLED');
    expect(step('OFFERED', 'escalate', 'buyer')).toBe('ESCALATED');
    expect(step('DISPUTED', 'escalate', 'buyer')).toBe('ESCALATED');
    expect(step('ESCALATED', 'grant', 'admin')).toBe('SETTLED');
    expect(step('ESCALATED', 'reject', 'admin')).toBe('REJECTED');
    for (const status of UNDECIDED_CLAIM_STATUSES) expect(step(status, 'withdraw', 'buyer')).toBe('WITHDRAWN');
    expect(step('OPEN', 'escalate', 'buyer')).toBe('refused: CLAIM_STATUS_CONFLICT');
    expect(step('OPEN', 'accept', 'buyer')).toBe('refused: CLAIM_STATUS_CONFLICT');
    expect(step('OFFERED', 'acceptOffer', 'cooperative')).toBe('refused: CLAIM_STATUS_CONFLICT');
    expect(step('DISPUTED', 'acceptOffer', 'buyer')).toBe('refused: CLAIM_STATUS_CONFLICT');
    expect(step('SETTLED', 'withdraw', 'buyer')).toBe('refused: CLAIM_STATUS_CONFLICT');
  });

  it('lets an admin decide an open claim only once the cooperative’s answer is overdue, and an escalated one always', () => {
    for (const transition of ['grant', 'reject'] as const) {
      expect(step('OPEN', transition, 'admin')).toBe('refused: CLAIM_STATUS_CONFLICT');
      expect(step('OPEN', transition, 'admin', false)).toBe('refused: CLAIM_STATUS_CONFLICT');
      expect(step('OPEN', transition, 'admin', true)).toBe(CLAIM_TRANSITIONS[transition].to);
      expect(step('ESCALATED', transition, 'admin')).toBe(CLAIM_TRANSITIONS[transition].to);
      expect(step('ESCALATED', transition, 'admin', false)).toBe(CLAIM_TRANSITIONS[transition].to);
      expect(step('ESCALATED', transition, 'admin', true)).toBe(CLAIM_TRANSITIONS[transition].to);
      expect(step('OFFERED', transition, 'admin', true)).toBe('refused: CLAIM_STATUS_CONFLICT');
      expect(step('DISPUTED', transition, 'admin', true)).toBe('refused: CLAIM_STATUS_CONFLICT');
    }
    expect(() => nextClaimStatus('OPEN', 'grant', 'admin')).toThrow(/24 h to answer/);
  });

  it('does not let the cooperative’s overdue answer change what the buyer or the cooperative may do', () => {
    expect(step('OPEN', 'accept', 'cooperative', true)).toBe('SETTLED');
    expect(step('OPEN', 'withdraw', 'buyer', true)).toBe('WITHDRAWN');
  });

  it('stays within CLAIM_STATUSES, never leaves a final status and settles only by accept, acceptOffer or grant (property)', () => {
    const moves = fc.array(fc.tuple(fc.constantFrom(...TRANSITIONS), fc.constantFrom(...ACTORS), fc.boolean()), { maxLength: 30 });
    fc.assert(
      fc.property(moves, (sequence) => {
        let status: ClaimStatus = 'OPEN';
        for (const [transition, actor, overdue] of sequence) {
          let next: ClaimStatus;
          try {
            next = nextClaimStatus(status, transition, actor, { overdue });
          } catch (error) {
            expect(error).toBeInstanceOf(ClaimError);
            expect((error as ClaimError).code).toBe('CLAIM_STATUS_CONFLICT');
            continue;
          }
          expect(CLAIM_STATUSES).toContain(next);
          expect(FINAL_STATUSES).not.toContain(status);
          if (next === 'SETTLED') expect(['accept', 'acceptOffer', 'grant']).toContain(transition);
          status = next;
        }
      }),
    );
  });
});

describe('claimWindowClosesAt', () => {
  it('stays open while nothing is received', () => {
    expect(claimWindowClosesAt(null, 48)).toBeNull();
  });

  it('closes exactly the given hours after receipt', () => {
    const receivedAt = new Date('2026-06-10T08:30:15.250Z');
    expect(claimWindowClosesAt(receivedAt, 48)).toEqual(new Date('2026-06-12T08:30:15.250Z'));
    expect(claimWindowClosesAt(receivedAt, 48)?.getTime()).toBe(receivedAt.getTime() + 48 * 60 * 60 * 1000);
    expect(claimWindowClosesAt(new Date('2026-12-30T20:00:00Z'), 168)).toEqual(new Date('2027-01-06T20:00:00Z'));
  });
});

describe('claimAmounts', () => {
  const lines: ClaimableLine[] = [
    { lineId: 'eggs', unitPriceFen: 180, claimableQuantity: 30 },
    { lineId: 'tea', unitPriceFen: 12_800, claimableQuantity: 2 },
    { lineId: 'pork', unitPriceFen: 6_500, claimableQuantity: 0 },
  ];

  it('prices each line at units × the price paid', () => {
    expect(
      claimAmounts(lines, [
        { lineId: 'eggs', quantity: 6 },
        { lineId: 'tea', quantity: 2 },
        { lineId: 'pork', quantity: 0 },
      ]),
    ).toEqual([
      { lineId: 'eggs', quantity: 6, amountFen: 1_080 },
      { lineId: 'tea', quantity: 2, amountFen: 25_600 },
      { lineId: 'pork', quantity: 0, amountFen: 0 },
    ]);
  });

  it('refuses more units than the line still has to claim, and units that are no count', () => {
    expect(amountsOr(lines, [{ lineId: 'tea', quantity: 3 }])).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'tea' });
    expect(amountsOr(lines, [{ lineId: 'pork', quantity: 1 }])).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'pork' });
    expect(amountsOr(lines, [{ lineId: 'eggs', quantity: -1 }])).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'eggs' });
    expect(amountsOr(lines, [{ lineId: 'eggs', quantity: 1.5 }])).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'eggs' });
    expect(amountsOr(lines, [{ lineId: 'tea', quantity: 2 }])).toEqual([{ lineId: 'tea', quantity: 2, amountFen: 25_600 }]);
  });

  it('refuses a line of another shipment and a line named twice', () => {
    expect(amountsOr(lines, [{ lineId: 'noodles', quantity: 1 }])).toEqual({ code: 'CLAIM_LINE_NOT_FOUND', lineId: 'noodles' });
    expect(
      amountsOr(lines, [
        { lineId: 'eggs', quantity: 1 },
        { lineId: 'eggs', quantity: 1 },
      ]),
    ).toEqual({ code: 'CLAIM_LINE_NOT_FOUND', lineId: 'eggs' });
  });

  it('refuses a claim of nothing, unless nothing is allowed (an admin granting nothing)', () => {
    expect(amountsOr(lines, [])).toEqual({ code: 'NOTHING_CLAIMED', lineId: undefined });
    expect(amountsOr(lines, [{ lineId: 'eggs', quantity: 0 }])).toEqual({ code: 'NOTHING_CLAIMED', lineId: undefined });
    expect(claimAmounts(lines, [{ lineId: 'eggs', quantity: 0 }], undefined, true)).toEqual([
      { lineId: 'eggs', quantity: 0, amountFen: 0 },
    ]);
    expect(claimAmounts(lines, [], undefined, true)).toEqual([]);
  });

  it('keeps to a limit of its own: an offer gives at most the units the buyer asked', () => {
    const askedByLine = new Map([
      ['eggs', 6],
      ['tea', 1],
    ]);
    const toAsked = (line: ClaimableLine) => askedByLine.get(line.lineId) ?? 0;
    expect(
      claimAmounts(
        lines,
        [
          { lineId: 'eggs', quantity: 4 },
          { lineId: 'tea', quantity: 1 },
        ],
        toAsked,
      ),
    ).toEqual([
      { lineId: 'eggs', quantity: 4, amountFen: 720 },
      { lineId: 'tea', quantity: 1, amountFen: 12_800 },
    ]);
    expect(amountsOr(lines, [{ lineId: 'eggs', quantity: 7 }], toAsked)).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'eggs' });
    expect(amountsOr(lines, [{ lineId: 'tea', quantity: 2 }], toAsked)).toEqual({ code: 'CLAIM_QUANTITY_TOO_LARGE', lineId: 'tea' });
    expect(() => claimAmounts(lines, [{ lineId: 'tea', quantity: 2 }], toAsked)).toThrow(/At most 1 unit/);
  });

  it('adds up to units × price over the lines, none beyond its limit (property)', () => {
    const scenario = fc
      .uniqueArray(
        fc.record({
          lineId: fc.string({ minLength: 1, maxLength: 4 }),
          unitPriceFen: fc.integer({ min: 1, max: 500_000 }),
          claimableQuantity: fc.integer({ min: 0, max: 50 }),
        }),
        { selector: (line) => line.lineId, minLength: 1, maxLength: 6 },
      )
      .chain((claimable) =>
        fc.tuple(
          fc.constant(claimable),
          fc
            .subarray(claimable)
            .chain((named) =>
              fc.tuple(
                ...named.map((line) =>
                  fc.record({ lineId: fc.constant(line.lineId), quantity: fc.integer({ min: 0, max: line.claimableQuantity }) }),
                ),
              ),
            ),
        ),
      );
    fc.assert(
      fc.property(scenario, ([claimable, asked]) => {
        const result = claimAmounts(claimable, asked, undefined, true);
        const priceOf = new Map(claimable.map((line) => [line.lineId, line]));
        expect(result.map((line) => line.lineId)).toEqual(asked.map((ask) => ask.lineId));
        expect(result.reduce((sum, line) => sum + line.amountFen, 0)).toBe(
          asked.reduce((sum, ask) => sum + ask.quantity * (priceOf.get(ask.lineId)?.unitPriceFen ?? NaN), 0),
        );
        for (const line of result) {
          expect(line.quantity).toBeLessThanOrEqual(priceOf.get(line.lineId)?.claimableQuantity ?? -1);
          expect(line.amountFen).toBe(line.quantity * (priceOf.get(line.lineId)?.unitPriceFen ?? NaN));
        }
        if (!result.some((line) => line.quantity > 0)) {
          expect(amountsOr(claimable, asked)).toEqual({ code: 'NOTHING_CLAIMED', lineId: undefined });
        }
      }),
    );
  });
});

describe('shareBp', () => {
  it('gives a share in basis points, rounded, or null with nothing to divide by', () => {
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(20, 20)).toBe(10000);
    expect(shareBp(0, 20)).toBe(0);
    expect(shareBp(0, 0)).toBeNull();
  });
});

describe('DEFAULT_CLAIM_WINDOW_HOURS', () => {
  it('has a positive window for every product category, fresh goods 48 h and dry ones a week', () => {
    for (const category of PRODUCT_CATEGORIES) {
      expect(DEFAULT_CLAIM_WINDOW_HOURS[category]).toBeGreaterThan(0);
      expect(Number.isInteger(DEFAULT_CLAIM_WINDOW_HOURS[category])).toBe(true);
    }
    expect(Object.keys(DEFAULT_CLAIM_WINDOW_HOURS).sort()).toEqual([...PRODUCT_CATEGORIES].sort());
    expect(DEFAULT_CLAIM_WINDOW_HOURS.CHERRY).toBe(48);
    expect(DEFAULT_CLAIM_WINDOW_HOURS.TEA).toBe(168);
  });
});
