import fc from 'fast-check';
import { planRefund, RefundPlanError, refundsConfirmedBy, type RefundableLine, type RefundablePart } from './refunds';

const line = (id: string, unitPriceFen: number, quantity: number, refundedQuantity = 0, partId = 'p1'): RefundableLine => ({
  id,
  partId,
  unitPriceFen,
  quantity,
  refundedQuantity,
});
const part = (id: string, feeFen: number, shipped = false): RefundablePart => ({ id, feeFen, shipped });
/** One unshipped part with no fee unless told otherwise. */
const orderOf = (lines: RefundableLine[], shippingLeftFen = 0, parts = [part('p1', shippingLeftFen)]) => ({
  lines,
  parts,
  shippingLeftFen,
});

/** Orders of 1–6 lines in 1–3 parts, each part with its fee; the order's shipping is the sum of the fees. */
const orders = fc
  .array(fc.record({ unitPriceFen: fc.integer({ min: 1, max: 500_000 }), quantity: fc.integer({ min: 1, max: 20 }), part: fc.nat(2) }), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((lines) =>
    fc.tuple(
      fc.constant(lines.map((l, i) => line(`l${i}`, l.unitPriceFen, l.quantity, 0, `p${l.part}`))),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2_500 }), fc.boolean()), { minLength: 3, maxLength: 3 }),
    ),
  )
  .map(([lines, fees]) => {
    const parts = fees.map(([feeFen, shipped], i) => part(`p${i}`, feeFen, shipped)).filter((p) => lines.some((l) => l.partId === p.id));
    return { lines, parts, shippingLeftFen: parts.reduce((sum, p) => sum + p.feeFen, 0) };
  });

describe('planRefund', () => {
  it('refunds chosen units at the price paid, without shipping while the parcel still has goods to send', () => {
    const plan = planRefund(orderOf([line('a', 1250, 3), line('b', 800, 1)], 1500), {
      whole: false,
      lines: [{ lineId: 'a', quantity: 2 }],
    });
    expect(plan).toEqual({ amountFen: 2500, shippingFen: 0, lines: [{ lineId: 'a', quantity: 2, amountFen: 2500 }] });
  });

  it('gives back the fee of an unshipped parcel left with nothing to send, and only that parcel’s', () => {
    const lines = [line('tea', 1250, 2, 0, 'teaPart'), line('egg', 800, 3, 1, 'eggPart')];
    const parts = [part('teaPart', 1000), part('eggPart', 2200)];
    const plan = planRefund({ lines, parts, shippingLeftFen: 3200 }, { whole: false, lines: [{ lineId: 'egg', quantity: 2 }] });
    expect(plan).toEqual({ amountFen: 1600 + 2200, shippingFen: 2200, lines: [{ lineId: 'egg', quantity: 2, amountFen: 1600 }] });
  });

  it('keeps the fee of a parcel that has shipped: the goods travelled', () => {
    const lines = [line('egg', 800, 3, 0, 'eggPart')];
    const plan = planRefund(
      { lines, parts: [part('eggPart', 2200, true)], shippingLeftFen: 2200 },
      { whole: false, lines: [{ lineId: 'egg', quantity: 3 }] },
    );
    expect(plan.shippingFen).toBe(0);
  });

  it('refunds what is left of a whole order, shipping included', () => {
    const plan = planRefund(orderOf([line('a', 1250, 3, 2), line('b', 800, 1)], 1500), { whole: true });
    expect(plan.amountFen).toBe(1250 + 800 + 1500);
    expect(plan.lines.map((l) => [l.lineId, l.quantity])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('refuses units already refunded, lines of other orders, a line twice and an order with nothing left', () => {
    const lines = [line('a', 1250, 3, 2)];
    const code = (request: Parameters<typeof planRefund>[1], shippingLeftFen = 0) => {
      try {
        planRefund(orderOf(lines, shippingLeftFen), request);
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
    expect(() => planRefund(orderOf([line('a', 100, 1, 1)]), { whole: true })).toThrow(RefundPlanError);
  });

  it('never gives back more than was paid, whatever partial refunds come first (property)', () => {
    fc.assert(
      fc.property(orders, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })), { maxLength: 8 }), (generated, asks) => {
        // Fresh lines each run: the loop below records refunded units on them.
        const order = { ...generated, lines: generated.lines.map((l) => ({ ...l })) };
        const { lines } = order;
        const paidFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0) + order.shippingLeftFen;
        let refundedFen = 0;
        let shippingLeftFen = order.shippingLeftFen;
        for (const [pick, quantity] of asks) {
          const target = lines[pick % lines.length];
          try {
            const plan = planRefund({ ...order, shippingLeftFen }, { whole: false, lines: [{ lineId: target.id, quantity }] });
            target.refundedQuantity += quantity;
            refundedFen += plan.amountFen;
            shippingLeftFen -= plan.shippingFen;
          } catch (error) {
            if (!(error instanceof RefundPlanError)) throw error;
          }
        }
        const rest =
          lines.some((l) => l.refundedQuantity < l.quantity) || shippingLeftFen > 0
            ? planRefund({ ...order, shippingLeftFen }, { whole: true })
            : null;
        // Partial refunds and the final whole refund together are exactly what was paid.
        expect(refundedFen + (rest?.amountFen ?? 0)).toBe(paidFen);
      }),
    );
  });

  it('refunding every unit line by line, nothing shipped, gives back exactly what was paid (property)', () => {
    fc.assert(
      fc.property(orders, (generated) => {
        const order = { ...generated, lines: generated.lines.map((l) => ({ ...l })) };
        const unshipped = { ...order, parts: order.parts.map((p) => ({ ...p, shipped: false })) };
        const paidFen = order.lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0) + order.shippingLeftFen;
        let refundedFen = 0;
        let shippingLeftFen = order.shippingLeftFen;
        for (const target of order.lines) {
          const plan = planRefund(
            { ...unshipped, shippingLeftFen },
            { whole: false, lines: [{ lineId: target.id, quantity: target.quantity }] },
          );
          target.refundedQuantity = target.quantity;
          refundedFen += plan.amountFen;
          shippingLeftFen -= plan.shippingFen;
        }
        expect([refundedFen, shippingLeftFen]).toEqual([paidFen, 0]);
      }),
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
