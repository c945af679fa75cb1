import { describe, expect, it } from 'vitest';
import { lotState, pickProblems, proposePicks, toShipLots, type LineToSend } from './lots';
import { FREE_RANGE_EGGS, lot } from './testing/lot-fixtures';

const CHERRIES: LineToSend = { id: 'line-a', productSlug: 'shedongguan-cherry-box', toSend: 5 };

describe('proposePicks', () => {
  it('takes the oldest lot that holds the whole line, not merely the oldest', () => {
    const lots = [
      lot({ id: 'new', producedOn: '2026-12-05', quantity: 50 }),
      lot({ id: 'thin', producedOn: '2026-11-20', quantity: 3 }),
      lot({ id: 'old', producedOn: '2026-11-25', quantity: 10, shippedQuantity: 4 }),
    ];
    expect(proposePicks([CHERRIES], lots)).toEqual({ 'line-a': [{ lotId: 'old', quantity: 5 }] });
  });

  it('fills a line from the oldest lots in turn when none holds it all', () => {
    const lots = [lot({ id: 'b', producedOn: '2026-11-25', quantity: 3 }), lot({ id: 'a', producedOn: '2026-11-20', quantity: 4 })];
    expect(proposePicks([CHERRIES], lots)).toEqual({
      'line-a': [
        { lotId: 'a', quantity: 4 },
        { lotId: 'b', quantity: 1 },
      ],
    });
  });

  it('does not give two lines of one product the same units', () => {
    const lots = [lot({ id: 'a', producedOn: '2026-11-20', quantity: 6 }), lot({ id: 'b', producedOn: '2026-11-25', quantity: 20 })];
    const second: LineToSend = { ...CHERRIES, id: 'line-b', toSend: 4 };
    expect(proposePicks([CHERRIES, second], lots)).toEqual({
      'line-a': [{ lotId: 'a', quantity: 5 }],
      'line-b': [{ lotId: 'b', quantity: 4 }],
    });
  });

  it('leaves a line without lots of its product to be chosen', () => {
    expect(proposePicks([CHERRIES], [lot({ id: 'eggs', product: FREE_RANGE_EGGS })])).toEqual({ 'line-a': [{ lotId: '', quantity: 5 }] });
  });
});

describe('pickProblems', () => {
  const lots = [lot({ id: 'a', quantity: 4 }), lot({ id: 'b', quantity: 10 })];

  it('finds nothing wrong with picks that add up within what the lots hold', () => {
    const picks = {
      'line-a': [
        { lotId: 'a', quantity: 4 },
        { lotId: 'b', quantity: 1 },
      ],
    };
    expect(pickProblems([CHERRIES], lots, picks)).toEqual({});
    expect(toShipLots(picks)).toEqual([
      { lineId: 'line-a', lotId: 'a', quantity: 4 },
      { lineId: 'line-a', lotId: 'b', quantity: 1 },
    ]);
  });

  it('names what the API would refuse', () => {
    const problem = (picks: { lotId: string; quantity: number | '' }[], line = CHERRIES) =>
      pickProblems([line], lots, { [line.id]: picks })[line.id];
    expect(problem([{ lotId: '', quantity: 5 }])).toBe('chooseLot');
    expect(problem([{ lotId: 'a', quantity: '' }])).toBe('quantity');
    expect(problem([{ lotId: 'a', quantity: 1.5 }])).toBe('quantity');
    expect(problem([{ lotId: 'b', quantity: 0 }])).toBe('quantity');
    expect(
      problem([
        { lotId: 'b', quantity: 2 },
        { lotId: 'b', quantity: 3 },
      ]),
    ).toBe('duplicate');
    expect(problem([{ lotId: 'b', quantity: 4 }])).toBe('sum');
    expect(problem([{ lotId: 'a', quantity: 5 }])).toBe('overdrawn');
    expect(problem([{ lotId: 'b', quantity: 10 }], { ...CHERRIES, toSend: 20 })).toBe('short');
  });

  it('counts a lot’s units over every line of the parcel', () => {
    const second: LineToSend = { ...CHERRIES, id: 'line-b', toSend: 3 };
    const picks = {
      'line-a': [
        { lotId: 'a', quantity: 2 },
        { lotId: 'b', quantity: 3 },
      ],
      'line-b': [{ lotId: 'a', quantity: 3 }],
    };
    expect(pickProblems([CHERRIES, second], lots, picks)).toEqual({ 'line-a': 'overdrawn', 'line-b': 'overdrawn' });
  });
});

describe('lotState', () => {
  it('says why a lot cannot ship, a recall first', () => {
    const today = '2026-12-10';
    expect(lotState(lot({ recalledAt: '2026-12-09T00:00:00Z', closedAt: '2026-12-09T00:00:00Z' }), today)).toBe('RECALLED');
    expect(lotState(lot({ closedAt: '2026-12-09T00:00:00Z' }), today)).toBe('CLOSED');
    expect(lotState(lot({ bestBefore: '2026-12-09' }), today)).toBe('EXPIRED');
    expect(lotState(lot({ bestBefore: '2026-12-10', quantity: 3, shippedQuantity: 3 }), today)).toBe('USED_UP');
    expect(lotState(lot({ bestBefore: '2026-12-10' }), today)).toBe('OPEN');
  });
});
