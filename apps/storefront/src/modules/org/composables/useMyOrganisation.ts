import { computed, ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import { useSessionStore } from '../../../stores/session';
import type { MyOrganisation, RegisterOrganisationBody, UpdateOrganisationBody } from '../org-api';

/**
 * The signed-in buyer's organisation (`GET /api/org`) with their roles in it, loaded when the page
 * opens. Once `loaded`, a null `organisation` means the buyer belongs to none (the API's 404
 * ORGANISATION_NOT_FOUND); any other failure leaves its code in `errorCode`. Changes are replaced by
 * what the API answers, and the session's account is read again so the menus follow.
 */
export function useMyOrganisation() {
  const session = useSessionStore();
  const organisation = ref<MyOrganisation | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const errorCode = ref<string | null>(null);
  const isManager = computed(() => organisation.value?.roles.includes('MANAGER') ?? false);

  async function load(): Promise<void> {
    // Loading again (after a conflict) keeps the page as it is until the answer comes.
    loading.value = !loaded.value;
    errorCode.value = null;
    try {
      organisation.value = await unwrap(api.GET('/api/org'));
      loaded.value = true;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'ORGANISATION_NOT_FOUND') {
        organisation.value = null;
        loaded.value = true;
      } else {
        errorCode.value = code;
      }
    } finally {
      loading.value = false;
    }
  }
  void load();

  async function held(request: Promise<MyOrganisation>): Promise<MyOrganisation> {
    organisation.value = await request;
    await session.reloadUser();
    return organisation.value;
  }

  /** The caller becomes its manager. Throws an ApiError (VALIDATION_FAILED, CREDIT_CODE_TAKEN, ALREADY_IN_ORGANISATION, …). */
  const register = (body: RegisterOrganisationBody) => held(unwrap(api.POST('/api/org', { body })));

  /** Managers only. Throws an ApiError (VALIDATION_FAILED, ORGANISATION_STATUS_CONFLICT, ORGANISATION_ROLE_REQUIRED, …). */
  const update = (body: UpdateOrganisationBody) => held(unwrap(api.PATCH('/api/org', { body })));

  return { organisation, loading, loaded, errorCode, isManager, load, register, update };
}
