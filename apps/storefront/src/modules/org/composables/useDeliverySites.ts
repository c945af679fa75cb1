import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { DeliverySite, DeliverySiteInput } from '../org-api';

/**
 * The organisation's delivery sites (收货点). Every member may read them; changes are the managers'
 * and throw an ApiError (VALIDATION_FAILED, ORGANISATION_ROLE_REQUIRED, DELIVERY_SITE_NOT_FOUND, …).
 */
export function useDeliverySites() {
  const sites = ref<DeliverySite[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      sites.value = (await unwrap(api.GET('/api/org/sites'))).items;
      loaded.value = true;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  async function create(body: DeliverySiteInput): Promise<DeliverySite> {
    const created = await unwrap(api.POST('/api/org/sites', { body }));
    sites.value = [...sites.value, created];
    return created;
  }

  async function update(id: string, body: DeliverySiteInput): Promise<DeliverySite> {
    const changed = await unwrap(api.PATCH('/api/org/sites/{id}', { params: { path: { id } }, body }));
    sites.value = sites.value.map((site) => (site.id === id ? changed : site));
    return changed;
  }

  async function remove(id: string): Promise<void> {
    await unwrap(api.DELETE('/api/org/sites/{id}', { params: { path: { id } } }));
    sites.value = sites.value.filter((site) => site.id !== id);
  }

  return { sites, loading, loaded, errorCode, load, create, update, remove };
}
