import type { components } from '@qh/api-client';
import { formatPrice } from '../../lib/format';

export type Figures = components['schemas']['FiguresDto'];

/** The impact figures in the order officials read them. */
export const FIGURE_KEYS = ['linkedSalesFen', 'poolFen', 'households', 'people', 'gmvFen', 'orders', 'buyers'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** Money as yuan, counts as numbers in the reader's locale. */
export function showFigure(figures: Figures, key: FigureKey, locale: string): string {
  return key.endsWith('Fen') ? formatPrice(figures[key]) : figures[key].toLocaleString(locale);
}
