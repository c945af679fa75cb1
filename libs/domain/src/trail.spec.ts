import fc from 'fast-check';
import { ageOutstanding, daysBetween, maskName, monthStart, platformFeeChangeFen, splitRefundedShipping } from './trail';

describe(platformFeeChangeFen.name, () => {
  it('charges the fee on what is left of an order, however its refunds come', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 6 }),
        (saleFen, rateBp, refunds) => {
          let net = saleFen;
          let fees = platformFeeChangeFen(0, saleFen, rateBp);
          for (const refund of refunds) {
            const after = Math.max(0, net - refund);
            const change = platformFeeChangeFen(net, after, rateBp);
            expect(change).toBeLessThanOrEqual(0);
            fees += change;
            net = after;
          }
          expect(fees).toBe(Math.floor((net * rateBp) / 10_000));
        },
      ),
    );
  });

  it('charges nothing at the default rate of 0', () => {
    expect(platformFeeChangeFen(0, 123_456, 0)).toBe(0);
  });
});

describe(splitRefundedShipping.name, () => {
  it('gives each part at most what its fee still holds, and adds up to the shipping refunded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 5 }),
        (shippingFen, left) => {
          const parts = splitRefundedShipping(shippingFen, left);
          const total = left.reduce((sum, fen) => sum + fen, 0);
          expect(parts.reduce((sum, fen) => sum + fen, 0)).toBe(Math.min(shippingFen, total));
          parts.forEach((part, index) => expect(part).toBeLessThanOrEqual(left[index]));
        },
      ),
    );
  });

  it('splits in proportion to the fees left', () => {
    expect(splitRefundedShipping(900, [600, 300])).toEqual([600, 300]);
    expect(splitRefundedShipping(300, [600, 300])).toEqual([200, 100]);
    expect(splitRefundedShipping(100, [0, 0])).toEqual([0, 0]);
  });
});

describe(ageOutstanding.name, () => {
  it('ages the newest pledges first, by the days since their month ended', () => {
    const months = [
      { month: '2026-09-01', pledgedFen: 1000 },
      { month: '2026-10-01', pledgedFen: 2000 },
      { month: '2026-11-01', pledgedFen: 3000 },
    ];
    // On 2026-12-15: November ended 15 days ago, October 45, September 76.
    expect(ageOutstanding(months, 4500, '2026-12-15')).toEqual({ upTo30DaysFen: 3000, from31To60DaysFen: 1500, over60DaysFen: 0 });
    expect(ageOutstanding(months, 6000, '2026-12-15')).toEqual({ upTo30DaysFen: 3000, from31To60DaysFen: 2000, over60DaysFen: 1000 });
    expect(ageOutstanding(months, 0, '2026-12-15')).toEqual({ upTo30DaysFen: 0, from31To60DaysFen: 0, over60DaysFen: 0 });
    // A month not over yet is 0 days old.
    expect(ageOutstanding([{ month: '2026-12-01', pledgedFen: 500 }], 500, '2026-12-15').upTo30DaysFen).toBe(500);
  });

  it('always ages exactly what is outstanding (nothing when paid ahead)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ month: fc.integer({ min: 0, max: 35 }), pledgedFen: fc.integer({ min: -5_000, max: 50_000 }) }), {
          maxLength: 12,
        }),
        fc.integer({ min: -10_000, max: 200_000 }),
        (rows, outstandingFen) => {
          const months = rows.map((row) => ({
            month: `${2024 + Math.floor(row.month / 12)}-${String((row.month % 12) + 1).padStart(2, '0')}-01`,
            pledgedFen: row.pledgedFen,
          }));
          const ageing = ageOutstanding(months, outstandingFen, '2026-12-31');
          expect(ageing.upTo30DaysFen + ageing.from31To60DaysFen + ageing.over60DaysFen).toBe(Math.max(0, outstandingFen));
          expect(Object.values(ageing).every((fen) => fen >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('months, days and names', () => {
  it('reads a month from a day or a month', () => {
    expect(monthStart('2026-10')).toBe('2026-10-01');
    expect(monthStart('2026-10-17')).toBe('2026-10-01');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-11-30', '2026-12-31')).toBe(31);
    expect(daysBetween('2026-12-31', '2026-11-30')).toBe(-31);
  });

  it('masks every character of a name but the first', () => {
    expect(maskName('王秀英')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('  ')).toBe('');
  });
});
