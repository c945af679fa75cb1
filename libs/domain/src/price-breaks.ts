/**
 * Quantity price breaks (阶梯价): from `minQuantity` units of a variant on one line, each unit costs
 * `priceFen` instead of the variant's price. Institutions buy by the case; a cooperative rewards it.
 */
export interface PriceBreak {
  minQuantity: number;
  priceFen: number;
}

/** Breaks one variant may have: a few steps, not a price list. */
export const MAX_PRICE_BREAKS = 5;
/** The most units one line of an organisation's order may hold; a break beyond it could never apply. */
export const MAX_BULK_LINE_QUANTITY = 9_999;

/**
 * What is wrong with a variant's breaks at its price `basePriceFen`, or null: each from 2 units up to
 * MAX_BULK_LINE_QUANTITY, more units for each next one, and a lower price each time, below the base.
 */
export function priceBreaksProblem(basePriceFen: number, breaks: readonly PriceBreak[]): string | null {
  if (breaks.length > MAX_PRICE_BREAKS) return `a variant has at most ${MAX_PRICE_BREAKS} price breaks`;
  for (const [i, step] of breaks.entries()) {
    if (!Number.isInteger(step.minQuantity) || step.minQuantity < 2 || step.minQuantity > MAX_BULK_LINE_QUANTITY)
      return `a break starts at 2 to ${MAX_BULK_LINE_QUANTITY} units`;
    if (!Number.isInteger(step.priceFen) || step.priceFen < 1) return 'a break price is a whole number of fen, at least 1';
    const previous = breaks[i - 1];
    if (previous && step.minQuantity <= previous.minQuantity) return 'each break starts at more units than the one before';
    if (step.priceFen >= (previous?.priceFen ?? basePriceFen)) return 'each break is cheaper than the price before it';
  }
  return null;
}

/** The price of one unit when a line holds `quantity` units: the last break reached, else the base price. */
export function unitPriceFen(basePriceFen: number, breaks: readonly PriceBreak[], quantity: number): number {
  let price = basePriceFen;
  for (const step of breaks) if (quantity >= step.minQuantity) price = step.priceFen;
  return price;
}
