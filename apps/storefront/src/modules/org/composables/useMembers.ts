import type { OrganisationRole } from '@qh/domain';
import { ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import { useSessionStore } from '../../../stores/session';
import type { InviteBody, Invitation, Member } from '../org-api';

/**
 * The organisation's members and, for managers, its invitations. Each change keeps the lists as the
 * API answered it. Calls other than `load` throw an ApiError (LAST_MANAGER, ORGANISATION_ROLE_REQUIRED, …).
 */
export function useMembers() {
  const session = useSessionStore();
  const members = ref<Member[]>([]);
  const invitations = ref<Invitation[]>([]);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);

  /** Invitations are the managers' only: others would get ORGANISATION_ROLE_REQUIRED. */
  async function load(withInvitations: boolean): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const [memberList, invitationList] = await Promise.all([
        unwrap(api.GET('/api/org/members')),
        withInvitations ? unwrap(api.GET('/api/org/invitations')) : Promise.resolve({ items: [] }),
      ]);
      members.value = memberList.items;
      invitations.value = invitationList.items;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  async function setRoles(accountId: string, roles: OrganisationRole[]): Promise<Member> {
    const changed = await unwrap(api.PATCH('/api/org/members/{accountId}', { params: { path: { accountId } }, body: { roles } }));
    members.value = members.value.map((member) => (member.accountId === accountId ? changed : member));
    if (accountId === session.user?.id) await session.reloadUser();
    return changed;
  }

  /** A manager removes someone, or anyone removes themselves: they leave. */
  async function remove(accountId: string): Promise<void> {
    await unwrap(api.DELETE('/api/org/members/{accountId}', { params: { path: { accountId } } }));
    members.value = members.value.filter((member) => member.accountId !== accountId);
    if (accountId === session.user?.id) await session.reloadUser();
  }

  /** A new invitation to an address replaces any open one to it: the API revokes the earlier link. */
  async function invite(body: InviteBody): Promise<Invitation> {
    const invitation = await unwrap(api.POST('/api/org/invitations', { body }));
    const replaced = (earlier: Invitation) => earlier.email === invitation.email && earlier.status === 'PENDING';
    invitations.value = [
      invitation,
      ...invitations.value.map((earlier) => (replaced(earlier) ? { ...earlier, status: 'REVOKED' as const } : earlier)),
    ];
    return invitation;
  }

  async function revoke(id: string): Promise<void> {
    await unwrap(api.DELETE('/api/org/invitations/{id}', { params: { path: { id } } }));
    invitations.value = invitations.value.map((invitation) =>
      invitation.id === id ? { ...invitation, status: 'REVOKED' as const } : invitation,
    );
  }

  return { members, invitations, loading, errorCode, load, setRoles, remove, invite, revoke };
}
