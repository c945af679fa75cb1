import fc from 'fast-check';
import { planRefund, RefundPlanError, refundsConfirmedBy, type RefundableLine } from './refunds';

const line = (id: string, unitPriceFen: number, quantity: number, refundedQuantity = 0): RefundableLine => ({
  id,
  unitPriceFen,
  quantity,
  refundedQuantity,
});

const orders = fc
  .array(fc.record({ unitPriceFen: fc.integer({ min: 1, max: 500_000 }), quantity: fc.integer({ min: 1, max: 20 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((lines) => lines.map((l, i) => line(`l${i}`, l.unitPriceFen, l.quantity)));

describe('planRefund', () => {
  it('refunds chosen units at the price paid, without shipping', () => {
    const plan = planRefund([line('a', 1250, 3), line('b', 800, 1)], 1500, { whole: false, lines: [{ lineId: 'a', quantity: 2 }] });
    expect(plan).toEqual({ amountFen: 2500, shippingFen: 0, lines: [{ lineId: 'a', quantity: 2, amountFen: 2500 }] });
  });

  it('refunds what is left of a whole order, shipping included', () => {
    const plan = planRefund([line('a', 1250, 3, 2), line('b', 800, 1)], 1500, { whole: true });
    expect(plan.amountFen).toBe(1250 + 800 + 1500);
    expect(plan.lines.map((l) => [l.lineId, l.quantity])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('refuses units already refunded, lines of other orders, a line twice and an order with nothing left', () => {
    const lines = [line('a', 1250, 3, 2)];
    const code = (request: Parameters<typeof planRefund>[2], shippingLeftFen = 0) => {
      try {
        planRefund(lines, shippingLeftFen, request);
        return 'planned';
      } catch (error) {
        return (error as RefundPlanError).code;
      }
    };
    expect(code({ whole: false, lines: [{ lineId: 'a', quantity: 2 }] })).toBe('QUANTITY_TOO_LARGE');
    expect(code({ whole: false, lines: [{ lineId: 'a', quantity: 0 }] })).toBe('QUANTITY_TOO_LARGE');
    expect(code({ whole: false, lines: [{ lineId: 'zz', quantity: 1 }] })).toBe('UNKNOWN_LINE');
    expect(
      code({
        whole: false,
        lines: [
          { lineId: 'a', quantity: 1 },
          { lineId: 'a', quantity: 1 },
        ],
      }),
    ).toBe('DUPLICATE_LINE');
    expect(code({ whole: true }, 0)).toBe('planned');
    expect(() => planRefund([line('a', 100, 1, 1)], 0, { whole: true })).toThrow(RefundPlanError);
  });

  it('never gives back more than was paid, whatever partial refunds come first (property)', () => {
    fc.assert(
      fc.property(
        orders,
        fc.integer({ min: 0, max: 5_000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })), { maxLength: 8 }),
        (lines, shippingFen, asks) => {
          const paidFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0) + shippingFen;
          let refundedFen = 0;
          for (const [pick, quantity] of asks) {
            const target = lines[pick % lines.length];
            try {
              const plan = planRefund(lines, shippingFen, { whole: false, lines: [{ lineId: target.id, quantity }] });
              target.refundedQuantity += quantity;
              refundedFen += plan.amountFen;
            } catch (error) {
              if (!(error instanceof RefundPlanError)) throw error;
            }
          }
          const rest =
            lines.some((l) => l.refundedQuantity < l.quantity) || shippingFen > 0 ? planRefund(lines, shippingFen, { whole: true }) : null;
          // Partial refunds and the final whole refund together are exactly what was paid.
          expect(refundedFen + (rest?.amountFen ?? 0)).toBe(paidFen);
        },
      ),
    );
  });
});

describe('refundsConfirmedBy', () => {
  it('confirms pending refunds, oldest first, as the provider total covers them', () => {
    const pending = [
      { id: 'r1', amountFen: 500 },
      { id: 'r2', amountFen: 300 },
    ];
    expect(refundsConfirmedBy(500, 0, pending)).toEqual({ confirm: ['r1'], externalFen: 0 });
    expect(refundsConfirmedBy(800, 0, pending)).toEqual({ confirm: ['r1', 'r2'], externalFen: 0 });
  });

  it('confirms nothing when the same total is reported again', () => {
    expect(refundsConfirmedBy(800, 800, [])).toEqual({ confirm: [], externalFen: 0 });
  });

  it('records what nobody here asked for as refunded outside the marketplace', () => {
    expect(refundsConfirmedBy(1000, 0, [])).toEqual({ confirm: [], externalFen: 1000 });
    expect(refundsConfirmedBy(1000, 0, [{ id: 'r1', amountFen: 600 }])).toEqual({ confirm: ['r1'], externalFen: 400 });
  });

  it('waits while a pending refund is larger than what is new', () => {
    expect(refundsConfirmedBy(200, 0, [{ id: 'r1', amountFen: 600 }])).toEqual({ confirm: [], externalFen: 0 });
  });

  it('confirms each refund once and accounts for every fen, however the totals arrive (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (amounts, order) => {
          const refunds = amounts.map((amountFen, i) => ({ id: `r${i}`, amountFen }));
          // The provider's running totals after each refund, reported in any order and repeated.
          const totals = refunds.map((_, i) => refunds.slice(0, i + 1).reduce((sum, r) => sum + r.amountFen, 0));
          const reports = [...order.map((n) => totals[n % totals.length]), totals[totals.length - 1]];
          let confirmedFen = 0;
          const confirmed: string[] = [];
          for (const total of reports) {
            const pending = refunds.filter((r) => !confirmed.includes(r.id));
            const { confirm, externalFen } = refundsConfirmedBy(total, confirmedFen, pending);
            expect(externalFen).toBe(0);
            confirmed.push(...confirm);
            confirmedFen += pending.filter((r) => confirm.includes(r.id)).reduce((sum, r) => sum + r.amountFen, 0);
          }
          expect(confirmed).toEqual(refunds.map((r) => r.id));
          expect(confirmedFen).toBe(totals[totals.length - 1]);
        },
      ),
    );
  });
});
