import { defaultSort, productListParams, type CatalogFilters } from '@qh/domain';
import type { LocationQueryRaw } from 'vue-router';
import type { CategoryCode } from '../../lib/categories';
import type { ProductQuery } from './catalog';

// The filters as a page's URL has them, shared with the server, which hints a listing's first read with its page.
export { PRODUCT_SORTS, SEARCH_TEXT_MAX, defaultSort, filtersFromQuery, sortsFor, type CatalogFilters, type ProductSort } from '@qh/domain';

/** The URL query for these filters: only what differs from the defaults, so links stay short. */
export function queryFromFilters(filters: CatalogFilters): LocationQueryRaw {
  const query: Record<string, string> = {};
  if (filters.q) query.q = filters.q;
  if (filters.certified) query.certified = 'true';
  if (filters.inSeason) query.inSeason = 'true';
  if (filters.township) query.township = filters.township;
  if (filters.sort !== defaultSort(filters.q)) query.sort = filters.sort;
  return query;
}

/** The `GET /api/products` query for these filters, within a category when one is given. */
export function productQuery(filters: CatalogFilters, category?: CategoryCode): ProductQuery {
  return productListParams(filters, category);
}

/** True when a filter beyond the search text narrows the list (so "clear filters" can help). */
export function hasNarrowingFilters(filters: CatalogFilters): boolean {
  return filters.certified || filters.inSeason || filters.township !== '';
}
