import { isNayongTownshipCode } from '@qh/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { CategoryCode } from '../../lib/categories';
import type { ProductQuery } from './catalog';

export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The API caps the search text at this many characters. */
export const SEARCH_TEXT_MAX = 50;

/** What a shopper has chosen on a listing; kept in the URL so reload and back keep it. */
export interface CatalogFilters {
  q: string;
  certified: boolean;
  inSeason: boolean;
  /** A Nayong township code, or '' for all of them. */
  township: string;
  sort: ProductSort;
}

/** The API's own default: by relevance when searching, else newest first. */
export function defaultSort(q: string): ProductSort {
  return q ? 'relevance' : 'newest';
}

/** The sorts that make sense for this search text (relevance needs a text to be relevant to). */
export function sortsFor(q: string): ProductSort[] {
  return q ? [...PRODUCT_SORTS] : PRODUCT_SORTS.filter((sort) => sort !== 'relevance');
}

function firstValue(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function isProductSort(value: string): value is ProductSort {
  return (PRODUCT_SORTS as readonly string[]).includes(value);
}

/** Reads the filters from a URL query, ignoring anything hand-edited into something invalid. */
export function filtersFromQuery(query: LocationQuery): CatalogFilters {
  const q = firstValue(query.q).trim().slice(0, SEARCH_TEXT_MAX);
  const township = firstValue(query.township);
  const sort = firstValue(query.sort);
  return {
    q,
    certified: firstValue(query.certified) === 'true',
    inSeason: firstValue(query.inSeason) === 'true',
    township: isNayongTownshipCode(township) ? township : '',
    sort: isProductSort(sort) && sortsFor(q).includes(sort) ? sort : defaultSort(q),
  };
}

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
  return {
    category,
    q: filters.q || undefined,
    certified: filters.certified ? 'true' : undefined,
    inSeason: filters.inSeason ? 'true' : undefined,
    township: filters.township || undefined,
    sort: filters.sort,
  };
}

/** True when a filter beyond the search text narrows the list (so "clear filters" can help). */
export function hasNarrowingFilters(filters: CatalogFilters): boolean {
  return filters.certified || filters.inSeason || filters.township !== '';
}
