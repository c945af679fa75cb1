import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { ManagedProduct, toCreateBody, toSaveBody } from '../product-form';

/**
 * One of the cooperative's products as its editor holds it: loaded by id, then replaced by what the
 * API answers to each save or status change (nothing is merged by hand). Calls throw an ApiError.
 */
export function useManagedProduct() {
  const product = ref<ManagedProduct | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const loadErrorCode = ref<string | null>(null);

  async function held(request: Promise<ManagedProduct>): Promise<ManagedProduct> {
    product.value = await request;
    return product.value;
  }

  /** The product, or null when it could not be loaded (`notFound` or `loadErrorCode` says why). */
  async function load(id: string): Promise<ManagedProduct | null> {
    loading.value = true;
    loadErrorCode.value = null;
    notFound.value = false;
    try {
      return await held(unwrap(api.GET('/api/coop/products/{id}', { params: { path: { id } } })));
    } catch (error) {
      const code = errorCodeOf(error);
      // Another cooperative's product is as good as missing here.
      if (code === 'PRODUCT_NOT_FOUND' || code === 'NOT_YOUR_COOPERATIVE') notFound.value = true;
      else loadErrorCode.value = code;
      return null;
    } finally {
      loading.value = false;
    }
  }

  const create = (body: ReturnType<typeof toCreateBody>) => held(unwrap(api.POST('/api/coop/products', { body })));

  /** The product and its variants in one request: the API saves all of it or, when it refuses a part, nothing. */
  const update = (id: string, body: ReturnType<typeof toSaveBody>['body']) =>
    held(unwrap(api.PATCH('/api/coop/products/{id}', { params: { path: { id } }, body })));

  const changeStatus = (id: string, action: 'submit' | 'archive') =>
    held(
      action === 'submit'
        ? unwrap(api.POST('/api/coop/products/{id}/submit', { params: { path: { id } } }))
        : unwrap(api.POST('/api/coop/products/{id}/archive', { params: { path: { id } } })),
    );

  return { product, loading, notFound, loadErrorCode, load, create, update, changeStatus };
}
