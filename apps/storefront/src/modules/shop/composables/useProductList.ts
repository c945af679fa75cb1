import { api, unwrap } from '../../../api';
import { useKeysetList } from '../../../composables/useKeysetList';
import type { ProductQuery } from '../catalog';

/** The catalogue's products for a query, page by page; starts over whenever the query changes. */
export function useProductList(query: () => ProductQuery, options: { pageSize?: number } = {}) {
  return useKeysetList(query, (cursor) =>
    unwrap(api.GET('/api/products', { params: { query: { ...query(), limit: options.pageSize, cursor } } })),
  );
}
