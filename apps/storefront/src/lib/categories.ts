import { PRODUCT_CATEGORIES } from '@qh/domain';

export type CategoryCode = (typeof PRODUCT_CATEGORIES)[number];

/**
 * A seal-style character per category, shown where a picture would be (category tiles, products
 * without a photo). Decorative only; a character rather than an emoji renders with the CJK fonts
 * every device has.
 */
export const CATEGORY_MARKS: Readonly<Record<CategoryCode, string>> = {
  TEA: '茶',
  CHERRY: '樱',
  CHICKEN: '鸡',
  EGG: '蛋',
  MUSHROOM: '菌',
  PORK: '肉',
  NOODLE: '面',
  VEGETABLE: '菜',
};

/** Accepts `/category/TEA` and `/category/tea`; null for anything that is not a category. */
export function parseCategoryCode(value: unknown): CategoryCode | null {
  if (typeof value !== 'string') return null;
  const upper = value.toUpperCase();
  return (PRODUCT_CATEGORIES as readonly string[]).includes(upper) ? (upper as CategoryCode) : null;
}

export function categoryPath(code: CategoryCode): string {
  return `/category/${code}`;
}
