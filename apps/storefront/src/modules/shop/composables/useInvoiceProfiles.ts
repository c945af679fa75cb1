import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { InvoiceProfile, InvoiceProfileInput } from '../invoices';

/** Whose profiles: the signed-in buyer's own, or their organisation's. */
export type InvoiceProfileOwner = 'own' | 'org';

const CALLS = {
  own: {
    list: () => unwrap(api.GET('/api/invoice-profiles')),
    create: (body: InvoiceProfileInput) => unwrap(api.POST('/api/invoice-profiles', { body })),
    update: (id: string, body: InvoiceProfileInput) => unwrap(api.PUT('/api/invoice-profiles/{id}', { params: { path: { id } }, body })),
    remove: (id: string) => unwrap(api.DELETE('/api/invoice-profiles/{id}', { params: { path: { id } } })),
  },
  org: {
    list: () => unwrap(api.GET('/api/org/invoice-profiles')),
    create: (body: InvoiceProfileInput) => unwrap(api.POST('/api/org/invoice-profiles', { body })),
    update: (id: string, body: InvoiceProfileInput) =>
      unwrap(api.PUT('/api/org/invoice-profiles/{id}', { params: { path: { id } }, body })),
    remove: (id: string) => unwrap(api.DELETE('/api/org/invoice-profiles/{id}', { params: { path: { id } } })),
  },
} as const;

/**
 * Invoice profiles (开票信息), the default first. Every change reads the list again, since it may move
 * the default (the first one is the default; removing the default makes the newest left the default).
 * Changes throw an ApiError (VALIDATION_FAILED with the fields, TOO_MANY_INVOICE_PROFILES,
 * ORGANISATION_ROLE_REQUIRED, INVOICE_PROFILE_NOT_FOUND, …).
 */
export function useInvoiceProfiles(owner: InvoiceProfileOwner) {
  const calls = CALLS[owner];
  const profiles = ref<InvoiceProfile[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = !loaded.value;
    errorCode.value = null;
    try {
      profiles.value = (await calls.list()).items;
      loaded.value = true;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** The list as it is now; if reading it fails, what was changed still shows. */
  async function refreshAfter(changed: InvoiceProfile | null, removedId?: string): Promise<void> {
    try {
      profiles.value = (await calls.list()).items;
    } catch {
      const rest = profiles.value.filter((profile) => profile.id !== changed?.id && profile.id !== removedId);
      profiles.value = changed ? [changed, ...rest] : rest;
    }
  }

  async function create(body: InvoiceProfileInput): Promise<InvoiceProfile> {
    const created = await calls.create(body);
    await refreshAfter(created);
    return created;
  }

  async function update(id: string, body: InvoiceProfileInput): Promise<InvoiceProfile> {
    const changed = await calls.update(id, body);
    await refreshAfter(changed);
    return changed;
  }

  async function remove(id: string): Promise<void> {
    await calls.remove(id);
    await refreshAfter(null, id);
  }

  return { profiles, loading, loaded, errorCode, load, create, update, remove };
}
