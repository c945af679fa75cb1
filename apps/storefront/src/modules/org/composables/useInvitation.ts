import { computed, ref, watch } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import { useSessionStore } from '../../../stores/session';
import type { InvitationPreview, MyOrganisation } from '../org-api';

/** The token of an invitation link: 43 URL-safe characters (InvitationTokenDto). */
const TOKEN_PATTERN = /^[\w-]{43}$/;

/**
 * The invitation behind a link (`/org/join?token=…`): what it is for, which anyone may see, and
 * accepting it, which takes the buyer it was sent to. A malformed token is not sent at all.
 */
export function useInvitation(token: () => string) {
  const session = useSessionStore();
  const wellFormed = computed(() => TOKEN_PATTERN.test(token()));
  const preview = ref<InvitationPreview | null>(null);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  async function load(): Promise<void> {
    const request = (latest += 1);
    preview.value = null;
    errorCode.value = null;
    if (!wellFormed.value) return;
    loading.value = true;
    try {
      const answer = await unwrap(api.POST('/api/org/invitations/preview', { body: { token: token() } }));
      if (request === latest) preview.value = answer;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }
  watch(token, load, { immediate: true });

  /**
   * Joins, then reads the account again so its `organisation` is there. Throws an ApiError
   * (INVITATION_INVALID, INVITATION_FOR_ANOTHER_EMAIL, ALREADY_IN_ORGANISATION, …).
   */
  async function accept(): Promise<MyOrganisation> {
    const joined = await unwrap(api.POST('/api/org/invitations/accept', { body: { token: token() } }));
    await session.reloadUser();
    return joined;
  }

  return { wellFormed, preview, loading, errorCode, accept };
}
