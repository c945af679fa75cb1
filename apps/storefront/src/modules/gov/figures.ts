import type { components } from '@qh/api-client';
import { formatPrice } from '../../lib/format';

export type Figures = components['schemas']['FiguresDto'];

/** The impact figures in the order officials read them. */
export const FIGURE_KEYS = ['linkedSalesFen', 'poolFen', 'unallocatedFen', 'households', 'people', 'gmvFen', 'orders', 'buyers'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The change from `before` to `now` as a signed percentage (+12.5%), or a dash when there is nothing to compare with. */
export function changeOf(before: number | undefined, now: number, locale: string): string {
  if (before === undefined || before <= 0) return '—';
  const ratio = (now - before) / before;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);
}

/** Money as yuan, counts as numbers in the reader's locale; a figure that does not split this way (null) as a dash. */
export function showFigure(figures: Figures, key: FigureKey, locale: string): string {
  const value = figures[key];
  if (value === null || value === undefined) return '—';
  return key.endsWith('Fen') ? formatPrice(value) : value.toLocaleString(locale);
}
