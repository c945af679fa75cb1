import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import type { Invitation, Member, MyOrganisation } from '../org-api';
import { buyerIn, invitation, member, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

// The signed-in buyer is `user-buyer` (testing/app.ts); a colleague is in the organisation with them.
const me = member();
const colleague = member({ accountId: 'user-2', email: 'wang@example.com', displayName: null, roles: ['PURCHASER', 'RECEIVER'] });

async function openMembers(
  organisation: MyOrganisation,
  options: { members?: Member[]; invitations?: Invitation[]; routes?: Record<string, Handler> } = {},
) {
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/members': () => jsonResponse(200, { items: options.members ?? [me, colleague] }),
    'GET /api/org/invitations': () => jsonResponse(200, { items: options.invitations ?? [] }),
    ...options.routes,
  });
  ({ wrapper } = await mountApp({ path: '/org/members' }));
  await settle();
  const card = (accountId: string) => wrapper!.get(`[data-testid="org-member"][data-id="${accountId}"]`);
  return { app: wrapper!, api, card };
}

describe('OrgMembersPage', () => {
  it('lists the members with their roles and marks the reader', async () => {
    const { app, card } = await openMembers(myOrganisation());

    expect(app.get('h1').text()).toBe('成员');
    expect(app.get('[data-testid="org-name"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(card('user-buyer').get('h3').text()).toBe('李建华 （你）');
    expect(card('user-2').get('h3').text()).toBe('wang@example.com');
    expect(card('user-2').get('[data-testid="org-member-roles"]').text()).toBe('采购员、收货人');
  });

  it('lets a manager invite a colleague by e-mail with roles, and shows the invitation', async () => {
    const sent = invitation({ id: 'inv-2', email: 'chen@example.com', roles: ['PURCHASER', 'APPROVER'] });
    const { app, api } = await openMembers(myOrganisation(), {
      invitations: [invitation({ id: 'inv-old', email: 'zhao@example.com', status: 'EXPIRED' })],
      routes: { 'POST /api/org/invitations': () => jsonResponse(201, sent) },
    });

    // Nothing is sent without an address and a role.
    await app.get('[data-testid="org-invite-form"]').trigger('submit');
    expect(app.get('[data-testid="org-invite-email-error"]').text()).toBe('请输入邮箱。');
    expect(app.get('[data-testid="org-invite-role-error"]').text()).toBe('至少选择一个角色。');
    expect(api.callsTo('POST', '/api/org/invitations')).toHaveLength(0);

    await app.get('[data-testid="org-invite-email"]').setValue(' chen@example.com ');
    await app.get('[data-testid="org-invite-role-APPROVER"]').setValue(true);
    await app.get('[data-testid="org-invite-role-PURCHASER"]').setValue(true);
    await app.get('[data-testid="org-invite-form"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', '/api/org/invitations')[0]!.json()).toEqual({
      email: 'chen@example.com',
      roles: ['PURCHASER', 'APPROVER'],
    });
    expect(app.get('[data-testid="org-invite-sent"]').text()).toContain('邀请已发送到 chen@example.com');
    const rows = app.findAll('[data-testid="org-invitation"]');
    expect(rows.map((row) => row.attributes('data-id'))).toEqual(['inv-2', 'inv-old']);
    expect(rows[0]!.text()).toContain('采购员、审批人');
    expect(rows[0]!.get('[data-testid="org-invitation-status"]').text()).toBe('待接受');
    expect(rows[1]!.get('[data-testid="org-invitation-status"]').text()).toBe('已过期');
    expect(rows[1]!.find('[data-testid="org-invitation-revoke"]').exists()).toBe(false);
  });

  it('revokes an open invitation', async () => {
    const { app, api } = await openMembers(myOrganisation(), {
      invitations: [invitation()],
      routes: { 'DELETE /api/org/invitations/inv-1': () => new Response(null, { status: 204 }) },
    });

    await app.get('[data-testid="org-invitation-revoke"]').trigger('click');
    await settle();

    expect(api.callsTo('DELETE', '/api/org/invitations/inv-1')).toHaveLength(1);
    expect(app.get('[data-testid="org-invitation-status"]').text()).toBe('已撤销');
    expect(app.get('[data-testid="org-invitation-revoked"]').text()).toBe('已撤销发给 chen@example.com 的邀请，链接已失效。');
  });

  it('lets a manager change a colleague’s roles', async () => {
    const { api, card } = await openMembers(myOrganisation(), {
      routes: { 'PATCH /api/org/members/user-2': () => jsonResponse(200, { ...colleague, roles: ['APPROVER'] }) },
    });

    await card('user-2').get('[data-testid="org-member-edit-roles"]').trigger('click');
    expect(card('user-2').get('legend').text()).toBe('wang@example.com 的角色');
    await card('user-2').get('[data-testid="org-member-role-PURCHASER"]').setValue(false);
    await card('user-2').get('[data-testid="org-member-role-RECEIVER"]').setValue(false);
    await card('user-2').get('[data-testid="org-member-role-APPROVER"]').setValue(true);
    await card('user-2').get('form').trigger('submit');
    await settle();

    expect(await api.callsTo('PATCH', '/api/org/members/user-2')[0]!.json()).toEqual({ roles: ['APPROVER'] });
    expect(card('user-2').get('[data-testid="org-member-roles"]').text()).toBe('审批人');
    expect(card('user-2').get('[data-testid="org-member-done"]').text()).toBe('角色已保存。');
  });

  it('says plainly why the last manager cannot leave', async () => {
    const { app, card } = await openMembers(myOrganisation(), {
      routes: { 'DELETE /api/org/members/user-buyer': () => errorResponse(409, 'LAST_MANAGER') },
    });

    await card('user-buyer').get('[data-testid="org-leave"]').trigger('click');
    expect(card('user-buyer').get('[role="group"] p').text()).toBe('确定退出这个单位吗？要再加入，需要管理员重新邀请。');
    await card('user-buyer').get('[data-testid="org-member-remove-confirm"]').trigger('click');
    await settle();

    const error = card('user-buyer').get('[data-testid="org-member-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toBe('单位至少要有一位管理员：请先把另一位成员设为管理员，再取消这位的管理员角色、移除或退出。');
    expect(app.vm.$route.path).toBe('/org/members');
  });

  it('shows a member who is not a manager no manager controls, and lets them leave', async () => {
    const purchaser = myOrganisation({ roles: ['PURCHASER'] });
    const { app, api, card } = await openMembers(purchaser, {
      members: [member({ roles: ['PURCHASER'] }), member({ accountId: 'user-2', email: 'boss@example.com', roles: ['MANAGER'] })],
      routes: {
        'DELETE /api/org/members/user-buyer': () => new Response(null, { status: 204 }),
        'GET /api/me': () => jsonResponse(200, buyerIn(null)),
      },
    });

    expect(api.callsTo('GET', '/api/org/invitations')).toHaveLength(0);
    expect(app.find('[data-testid="org-invite"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-member-edit-roles"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-member-remove"]').exists()).toBe(false);
    expect(card('user-2').find('button').exists()).toBe(false);

    await card('user-buyer').get('[data-testid="org-leave"]').trigger('click');
    await card('user-buyer').get('[data-testid="org-member-remove-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('DELETE', '/api/org/members/user-buyer')).toHaveLength(1);
    expect(app.vm.$route.path).toBe('/org');
  });
});
