import type { ProductCategory } from './catalog';
import { isNayongTownshipCode } from './regions';

export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The API caps the search text at this many characters. */
export const SEARCH_TEXT_MAX = 50;

/** What a shopper has chosen on a listing; kept in the page's URL so reload and back keep it. */
export interface CatalogFilters {
  q: string;
  certified: boolean;
  inSeason: boolean;
  /** A Nayong township code, or '' for all of them. */
  township: string;
  sort: ProductSort;
}

/** A page's URL query as the storefront's router reads it: a name's one value, or each of its values (null for a bare name). */
export type PageQuery = Readonly<Record<string, string | null | readonly (string | null)[] | undefined>>;

/** The API's own default: by relevance when searching, else newest first. */
export function defaultSort(q: string): ProductSort {
  return q ? 'relevance' : 'newest';
}

/** The sorts that make sense for this search text (relevance needs a text to be relevant to). */
export function sortsFor(q: string): ProductSort[] {
  return q ? [...PRODUCT_SORTS] : PRODUCT_SORTS.filter((sort) => sort !== 'relevance');
}

function firstValue(value: PageQuery[string]): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function isProductSort(value: string): value is ProductSort {
  return (PRODUCT_SORTS as readonly string[]).includes(value);
}

/** Reads the filters from a page's URL query, ignoring anything hand-edited into something invalid. */
export function filtersFromQuery(query: PageQuery): CatalogFilters {
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

/** The `GET /api/products` query for these filters, within a category when one is given: in the order the storefront sends it. */
export function productListParams(filters: CatalogFilters, category?: ProductCategory) {
  return {
    category,
    q: filters.q || undefined,
    certified: filters.certified ? ('true' as const) : undefined,
    inSeason: filters.inSeason ? ('true' as const) : undefined,
    township: filters.township || undefined,
    sort: filters.sort,
  };
}

/**
 * The query of the first page of `GET /api/products` for these filters, as the storefront's API
 * client sends it (each value URI-encoded, in productListParams' order, those not given left out):
 * the server hints it with a listing page, and a hint is used only by a request that matches it exactly.
 */
export function productListQuery(filters: CatalogFilters, category?: ProductCategory): string {
  return Object.entries(productListParams(filters, category))
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}
