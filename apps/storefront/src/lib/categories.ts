import { PRODUCT_CATEGORIES } from '@qh/domain';

export type CategoryCode = (typeof PRODUCT_CATEGORIES)[number];

/** Accepts `/category/TEA` and `/category/tea`; null for anything that is not a category. */
export function parseCategoryCode(value: unknown): CategoryCode | null {
  if (typeof value !== 'string') return null;
  const upper = value.toUpperCase();
  return (PRODUCT_CATEGORIES as readonly string[]).includes(upper) ? (upper as CategoryCode) : null;
}

export function categoryPath(code: CategoryCode): string {
  return `/category/${code}`;
}
