import type { components, paths } from '@qh/api-client';

export type ProductListItem = components['schemas']['ProductListItemDto'];
export type ProductDetail = components['schemas']['ProductDetailDto'];
export type ProductVariant = components['schemas']['VariantDto'];
export type StockStatus = ProductVariant['stockStatus'];
export type LinkedHouseholds = components['schemas']['LinkedHouseholdsDto'];
export type CooperativePage = components['schemas']['CooperativePageDto'];
/** The query of `GET /api/products`. */
export type ProductQuery = NonNullable<paths['/api/products']['get']['parameters']['query']>;

export function productPath(slug: string): string {
  return `/products/${encodeURIComponent(slug)}`;
}

export function cooperativePath(id: string): string {
  return `/cooperatives/${encodeURIComponent(id)}`;
}
