import { describe, expect, it } from 'vitest';
import { householdPayout } from './testing/trail-fixtures';
import { canReverse, formatMonth, payoutStanding, wordProblem } from './trail';

describe('wordProblem', () => {
  it('says how much is left in yuan when a payout exceeds the allocation', () => {
    expect(
      wordProblem('at most 500 fen can be paid for 2026-10 (allocated up to then, plus what was carried over, less what was paid)'),
    ).toEqual({ key: 'coopTrail.problems.exceedsAllocation', params: { amount: '¥5.00', period: '2026-10' } });
  });

  it('words the problems a clerk meets, and leaves any other as the API sent it', () => {
    expect(wordProblem('not a household linked to your cooperative')?.key).toBe('coopTrail.problems.notLinked');
    expect(wordProblem('paidOn cannot be in the future')?.key).toBe('coopTrail.problems.paidOnInFuture');
    expect(wordProblem('a cash payout needs its receipt (a photo or scan)')?.key).toBe('coopTrail.problems.receiptRequired');
    expect(wordProblem('amountFen must be an integer number')?.key).toBe('coopTrail.problems.amountInvalid');
    expect(wordProblem('something new')).toBeNull();
  });
});

describe('payoutStanding', () => {
  it('is acknowledged once visited, overdue when late, and reversed on either row of a reversal', () => {
    expect(payoutStanding(householdPayout())).toBe('PENDING');
    expect(payoutStanding(householdPayout({ overdue: true }))).toBe('OVERDUE');
    expect(
      payoutStanding(householdPayout({ acknowledgement: { visitedOn: '2026-11-20', note: null, acknowledgedAt: '2026-11-20T08:00:00Z' } })),
    ).toBe('ACKNOWLEDGED');
    expect(payoutStanding(householdPayout({ reversed: true }))).toBe('REVERSED');
    expect(payoutStanding(householdPayout({ reversesId: 'hp-0', amountFen: -700 }))).toBe('REVERSAL');
  });

  it('lets only a payout nobody acknowledged or reversed be reversed', () => {
    expect(canReverse(householdPayout({ overdue: true }))).toBe(true);
    expect(canReverse(householdPayout({ reversed: true }))).toBe(false);
    expect(canReverse(householdPayout({ reversesId: 'hp-0' }))).toBe(false);
    expect(
      canReverse(householdPayout({ acknowledgement: { visitedOn: '2026-11-20', note: null, acknowledgedAt: '2026-11-20T08:00:00Z' } })),
    ).toBe(false);
  });
});

describe('formatMonth', () => {
  it('names a month in the reader’s language', () => {
    expect(formatMonth('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(formatMonth('2026-10', 'en')).toBe('October 2026');
  });
});
