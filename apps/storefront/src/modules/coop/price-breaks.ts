import { MAX_BULK_LINE_QUANTITY, type PriceBreak } from '@qh/domain';
import { fenToYuanText } from '../../lib/yuan-input';
import { parsePriceFen, parseWhole, type FieldError } from './product-form';

/** One step of a variant's price ladder (阶梯价) as typed: from `minQuantity` units, each at `priceYuan`. */
export interface BreakRow {
  key: number;
  minQuantity: string;
  priceYuan: string;
}

/** The smallest quantity a break may start at: one unit is the variant's own price. */
export const MIN_BREAK_QUANTITY = 2;

let nextKey = 1;

export function emptyBreakRow(): BreakRow {
  return { key: nextKey++, minQuantity: '', priceYuan: '' };
}

export function rowsFromBreaks(breaks: readonly PriceBreak[]): BreakRow[] {
  return breaks.map((step) => ({ key: nextKey++, minQuantity: String(step.minQuantity), priceYuan: fenToYuanText(step.priceFen) }));
}

/**
 * Every problem of the ladder by `<row>.minQuantity` / `<row>.priceFen`, mirroring the API's rule
 * (priceBreaksProblem): each step from 2 to 9,999 units, more units than the step before, and a lower
 * price than the step before, the first below the variant's price `basePriceFen`.
 */
export function breakRowErrors(rows: readonly BreakRow[], basePriceFen: number): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  let previousQuantity: number | null = null;
  let previousPriceFen: number | null = basePriceFen;
  rows.forEach((row, index) => {
    const quantity = parseWhole(row.minQuantity);
    if (quantity === null || quantity < MIN_BREAK_QUANTITY || quantity > MAX_BULK_LINE_QUANTITY) {
      errors[`${index}.minQuantity`] = { key: 'breakQuantityRange', params: { min: MIN_BREAK_QUANTITY, max: MAX_BULK_LINE_QUANTITY } };
    } else if (previousQuantity !== null && quantity <= previousQuantity) {
      errors[`${index}.minQuantity`] = { key: 'breakQuantityOrder', params: { previous: previousQuantity } };
    }
    const price = parsePriceFen(row.priceYuan);
    if ('error' in price) {
      errors[`${index}.priceFen`] = price.error;
    } else if (previousPriceFen !== null && price.fen >= previousPriceFen) {
      errors[`${index}.priceFen`] = {
        key: index === 0 ? 'breakPriceBelowBase' : 'breakPriceBelowPrevious',
        params: { price: fenToYuanText(previousPriceFen) },
      };
    }
    previousQuantity = quantity ?? previousQuantity;
    previousPriceFen = 'fen' in price ? price.fen : null;
  });
  return errors;
}

/** The body of `PUT /api/coop/variants/:id/price-breaks` for a ladder without problems. */
export function toBreaksBody(rows: readonly BreakRow[]): { breaks: PriceBreak[] } {
  return {
    breaks: rows.map((row) => {
      const price = parsePriceFen(row.priceYuan);
      const minQuantity = parseWhole(row.minQuantity);
      if ('error' in price || minQuantity === null) throw new RangeError('check the ladder before building its body');
      return { minQuantity, priceFen: price.fen };
    }),
  };
}
