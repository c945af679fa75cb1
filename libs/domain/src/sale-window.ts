import { chinaDay } from './days';

/**
 * When a product takes orders, and for a pre-sale the day its orders ship from. The instants are
 * moments (the API takes them with their offset, the portal's form reads them in the browser's time
 * zone); the ship day is a day in China, like every day the shop counts in.
 */
export interface SaleWindow {
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  /** `YYYY-MM-DD`, a day in China. */
  presaleShipsOn: string | null;
}

/** What can be wrong with a sale window, each with the message the API sends for it. */
export const SALE_WINDOW_PROBLEMS = {
  SALE_ENDS_BEFORE_START: 'saleEndsAt must be after saleStartsAt',
  PRESALE_NEEDS_START: 'a pre-sale (presaleShipsOn) needs saleStartsAt',
  PRESALE_BEFORE_START: 'presaleShipsOn cannot be before saleStartsAt',
} as const;

export type SaleWindowProblem = keyof typeof SALE_WINDOW_PROBLEMS;

/**
 * The problems of a sale window, in the order of SALE_WINDOW_PROBLEMS; none when it is one. It must
 * close after it opens, and a pre-sale needs an opening: buyers must know when they pay and when it
 * ships. The ship day is compared with the day in China on which the sale opens (00:30 on the 10th
 * in China is still the 9th in UTC). It may fall inside the window, since a season sells on after its
 * first harvest ships, or after it. Throws a RangeError for an instant that is no time.
 */
export function saleWindowProblems(window: SaleWindow): SaleWindowProblem[] {
  const { saleStartsAt, saleEndsAt, presaleShipsOn } = window;
  for (const instant of [saleStartsAt, saleEndsAt]) {
    if (instant && Number.isNaN(instant.getTime())) throw new RangeError('A sale window instant must be a valid time');
  }
  const problems: SaleWindowProblem[] = [];
  if (saleStartsAt && saleEndsAt && saleEndsAt.getTime() <= saleStartsAt.getTime()) problems.push('SALE_ENDS_BEFORE_START');
  if (presaleShipsOn !== null && !saleStartsAt) problems.push('PRESALE_NEEDS_START');
  if (presaleShipsOn !== null && saleStartsAt && presaleShipsOn < chinaDay(saleStartsAt)) problems.push('PRESALE_BEFORE_START');
  return problems;
}
