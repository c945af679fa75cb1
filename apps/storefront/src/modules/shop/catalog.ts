import { chinaDay } from '@qh/domain';
import type { components, paths } from '@qh/api-client';

export type ProductListItem = components['schemas']['ProductListItemDto'];
export type ProductDetail = components['schemas']['ProductDetailDto'];
export type ProductVariant = components['schemas']['VariantDto'];
export type StockStatus = ProductVariant['stockStatus'];
export type LinkedHouseholds = components['schemas']['LinkedHouseholdsDto'];
export type CooperativePage = components['schemas']['CooperativePageDto'];
/** The query of `GET /api/products`. */
export type ProductQuery = NonNullable<paths['/api/products']['get']['parameters']['query']>;

/**
 * The China day orders open for a product out of season whose window starts later; null when it is
 * in season or its window has passed. The API says whether it is in season; the start says when.
 */
export function opensOn(season: ProductListItem['season'], now: Date = new Date()): string | null {
  if (season.inSeason || !season.saleStartsAt) return null;
  const startsAt = new Date(season.saleStartsAt);
  return startsAt.getTime() > now.getTime() ? chinaDay(startsAt) : null;
}

export function productPath(slug: string): string {
  return `/products/${encodeURIComponent(slug)}`;
}

export function cooperativePath(id: string): string {
  return `/cooperatives/${encodeURIComponent(id)}`;
}
