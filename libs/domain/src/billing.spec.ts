import fc from 'fast-check';
import { allocateTransfer, creditProblem, formatStatementNumber, monthlyStatementDay, overdueFen, statementDueOn } from './billing';

const dues = fc.array(fc.record({ id: fc.uuid(), dueFen: fc.integer({ min: 0, max: 5_000_000 }) }), { maxLength: 12 });

describe('allocateTransfer', () => {
  it('applies every fen once: to orders up to what each owes, the rest unapplied (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_000 }), dues, (amountFen, orders) => {
        const { allocations, unappliedFen } = allocateTransfer(amountFen, orders);
        const applied = allocations.reduce((sum, a) => sum + a.amountFen, 0);
        return (
          applied + unappliedFen === amountFen &&
          unappliedFen >= 0 &&
          allocations.every((a) => a.amountFen > 0 && a.amountFen <= orders.find((o) => o.id === a.id)!.dueFen)
        );
      }),
    );
  });

  it('pays the oldest first: an order gets something only when all before it are paid in full (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_000 }), dues, (amountFen, orders) => {
        const { allocations, unappliedFen } = allocateTransfer(amountFen, orders);
        const got = (index: number) => allocations.find((a) => a.id === orders[index].id)?.amountFen ?? 0;
        const lastPaid = orders.findLastIndex((_, i) => got(i) > 0);
        const earlierInFull = orders.slice(0, Math.max(0, lastPaid)).every((order, i) => got(i) === order.dueFen);
        const leftoverOnlyWhenAllPaid = unappliedFen === 0 || orders.every((order, i) => got(i) === order.dueFen);
        return earlierInFull && leftoverOnlyWhenAllPaid;
      }),
    );
  });

  it('settles two orders of a statement and keeps what is over', () => {
    expect(
      allocateTransfer(1_000_000, [
        { id: 'a', dueFen: 600_000 },
        { id: 'b', dueFen: 0 },
        { id: 'c', dueFen: 350_000 },
      ]),
    ).toEqual({
      allocations: [
        { id: 'a', amountFen: 600_000 },
        { id: 'c', amountFen: 350_000 },
      ],
      unappliedFen: 50_000,
    });
  });

  it('refuses an amount that is not a positive number of fen', () => {
    expect(() => allocateTransfer(0, [])).toThrow(RangeError);
    expect(() => allocateTransfer(10.5, [])).toThrow(RangeError);
  });
});

describe('creditProblem', () => {
  const terms = { paymentDays: 30, creditLimitFen: 1_000_000 };

  it('refuses anything while something is overdue, then anything that would go above the limit', () => {
    expect(creditProblem(terms, { owedFen: 0, overdueFen: 1 }, 100)).toBe('CREDIT_OVERDUE');
    expect(creditProblem(terms, { owedFen: 900_000, overdueFen: 0 }, 100_001)).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(creditProblem(terms, { owedFen: 900_000, overdueFen: 0 }, 100_000)).toBeNull();
  });

  it('never lets what is owed go above the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -1_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (creditLimitFen, owedFen, orderFen) =>
          creditProblem({ paymentDays: 30, creditLimitFen }, { owedFen, overdueFen: 0 }, orderFen) !== null ||
          owedFen + orderFen <= creditLimitFen,
      ),
    );
  });
});

describe('statement days', () => {
  it('is due the payment days after its last day', () => {
    expect(statementDueOn('2026-11-30', 30)).toBe('2026-12-30');
    expect(statementDueOn('2026-12-31', 15)).toBe('2027-01-15');
  });

  it('counts what fell due, less what was paid, never below zero', () => {
    expect(overdueFen(500, 200)).toBe(300);
    expect(overdueFen(200, 500)).toBe(0);
  });

  it('issues the month-end statement once, unless an on-demand one already reaches the month end', () => {
    expect(monthlyStatementDay('2026-12-01', null)).toBe('2026-11-30');
    expect(monthlyStatementDay('2026-12-15', '2026-10-31')).toBe('2026-11-30');
    expect(monthlyStatementDay('2026-12-15', '2026-11-30')).toBeNull();
    expect(monthlyStatementDay('2026-12-15', '2026-12-04')).toBeNull();
    expect(monthlyStatementDay('2027-01-01', '2026-12-04')).toBe('2026-12-31');
  });

  it('numbers statements by their last day', () => {
    expect(formatStatementNumber('2026-11-30', 7)).toBe('ST20261130-000007');
  });
});
