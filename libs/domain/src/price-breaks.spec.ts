import fc from 'fast-check';
import { MAX_BULK_LINE_QUANTITY, priceBreaksProblem, unitPriceFen, type PriceBreak } from './price-breaks';

/** A base price with a valid ladder of breaks below it. */
const ladders = fc
  .tuple(
    fc.integer({ min: 100, max: 1_000_000 }),
    fc.uniqueArray(fc.integer({ min: 2, max: MAX_BULK_LINE_QUANTITY }), { maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([basePriceFen, starts, cutsPercent]) => {
    let price = basePriceFen;
    const breaks: PriceBreak[] = [];
    for (const [i, minQuantity] of [...starts].sort((a, b) => a - b).entries()) {
      const next = Math.floor((price * (100 - cutsPercent[i])) / 100);
      if (next < 1 || next >= price) break;
      breaks.push({ minQuantity, priceFen: (price = next) });
    }
    return { basePriceFen, breaks };
  });

describe('price breaks', () => {
  const eggs = {
    basePriceFen: 8800,
    breaks: [
      { minQuantity: 20, priceFen: 8200 },
      { minQuantity: 50, priceFen: 7800 },
    ],
  };

  it('prices a unit by the last break its line reaches', () => {
    expect(unitPriceFen(eggs.basePriceFen, eggs.breaks, 1)).toBe(8800);
    expect(unitPriceFen(eggs.basePriceFen, eggs.breaks, 19)).toBe(8800);
    expect(unitPriceFen(eggs.basePriceFen, eggs.breaks, 20)).toBe(8200);
    expect(unitPriceFen(eggs.basePriceFen, eggs.breaks, 49)).toBe(8200);
    expect(unitPriceFen(eggs.basePriceFen, eggs.breaks, 9999)).toBe(7800);
    expect(unitPriceFen(8800, [], 500)).toBe(8800);
  });

  it('takes ladders that go up in units and down in price, below the base price', () => {
    expect(priceBreaksProblem(eggs.basePriceFen, eggs.breaks)).toBeNull();
    expect(priceBreaksProblem(8800, [])).toBeNull();
    expect(priceBreaksProblem(8800, [{ minQuantity: 1, priceFen: 8000 }])).toMatch(/2 to 9999/);
    expect(priceBreaksProblem(8800, [{ minQuantity: 10_000, priceFen: 8000 }])).toMatch(/2 to 9999/);
    expect(priceBreaksProblem(8800, [{ minQuantity: 20, priceFen: 8800 }])).toMatch(/cheaper/);
    expect(priceBreaksProblem(8800, [{ minQuantity: 20, priceFen: 0 }])).toMatch(/at least 1/);
    expect(
      priceBreaksProblem(8800, [
        { minQuantity: 50, priceFen: 8000 },
        { minQuantity: 20, priceFen: 7000 },
      ]),
    ).toMatch(/more units/);
    expect(
      priceBreaksProblem(8800, [
        { minQuantity: 20, priceFen: 8000 },
        { minQuantity: 50, priceFen: 8000 },
      ]),
    ).toMatch(/cheaper/);
    expect(
      priceBreaksProblem(
        8800,
        [2, 3, 4, 5, 6, 7].map((minQuantity) => ({ minQuantity, priceFen: 8800 - minQuantity })),
      ),
    ).toMatch(/at most 5/);
  });

  it('never charges more per unit for more units, nor more than the base price, nor less than the last break', () => {
    fc.assert(
      fc.property(ladders, fc.integer({ min: 1, max: MAX_BULK_LINE_QUANTITY - 1 }), ({ basePriceFen, breaks }, quantity) => {
        expect(priceBreaksProblem(basePriceFen, breaks)).toBeNull();
        const price = unitPriceFen(basePriceFen, breaks, quantity);
        expect(unitPriceFen(basePriceFen, breaks, quantity + 1)).toBeLessThanOrEqual(price);
        expect(price).toBeLessThanOrEqual(basePriceFen);
        expect(price).toBeGreaterThanOrEqual(breaks.at(-1)?.priceFen ?? basePriceFen);
        expect(Number.isInteger(price)).toBe(true);
      }),
    );
  });
});
