import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../stores/session';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { InvitationPreview } from '../org-api';
import { buyerIn, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const TOKEN = 'aB3_dE6-gH9iJ2kL5mN8oP1qR4sT7uV0wX3yZ6aB9cD';
const JOIN_PATH = `/org/join?token=${TOKEN}`;

const preview: InvitationPreview = {
  organisationName: '广州市天河区机关事务管理局饭堂',
  organisationNameEn: 'Tianhe District Government Canteen',
  emailMasked: 'b***@example.com',
  roles: ['RECEIVER', 'PURCHASER'],
  expiresAt: '2026-03-09T02:00:00.000Z',
};

async function openJoin(user: SessionUser | null, routes: Record<string, Handler> = {}, path = JOIN_PATH) {
  const api = fakeSessionApi(user, { 'POST /api/org/invitations/preview': () => jsonResponse(200, preview), ...routes });
  let router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

describe('OrgJoinPage', () => {
  it('shows a guest what the invitation is for, with a login and a sign-up that come back to it', async () => {
    const { app, api, router } = await openJoin(null);

    expect(await api.callsTo('POST', '/api/org/invitations/preview')[0]!.json()).toEqual({ token: TOKEN });
    expect(app.get('h1').text()).toBe('加入单位');
    expect(app.get('[data-testid="org-join-name"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(app.get('[data-testid="org-join-email"]').text()).toBe('b***@example.com');
    expect(app.get('[data-testid="org-join-roles"]').text()).toBe('采购员、收货人');
    expect(app.get('[data-testid="org-join-guest"]').text()).toContain('请用收到邀请的邮箱（b***@example.com）登录后接受邀请');
    expect(app.find('[data-testid="org-join-accept"]').exists()).toBe(false);

    await app.get('[data-testid="org-join-register"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('register');
    expect(router.currentRoute.value.query.redirect).toBe(JOIN_PATH);

    await router.push(JOIN_PATH);
    await settle();
    await app.get('[data-testid="org-join-login"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe(JOIN_PATH);
  });

  it('lets a signed-in buyer accept, reads the account again and goes to the organisation', async () => {
    const joined = myOrganisation({ status: 'VERIFIED', roles: ['PURCHASER', 'RECEIVER'] });
    const { app, api, router } = await openJoin(userWithRole('buyer'), {
      'POST /api/org/invitations/accept': () => jsonResponse(200, joined),
      'GET /api/me': () => jsonResponse(200, buyerIn(joined)),
      'GET /api/org': () => jsonResponse(200, joined),
    });
    expect(app.get('[data-testid="account-link-org"]').text()).toBe('单位采购入驻');

    await app.get('[data-testid="org-join-accept"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/org/invitations/accept')[0]!.json()).toEqual({ token: TOKEN });
    expect(api.callsTo('GET', '/api/me')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/org');
    expect(app.get('[data-testid="org-notice"]').text()).toBe('你已加入这个单位。');
    expect(app.get('[data-testid="org-your-roles"]').text()).toBe('采购员、收货人');
    expect(app.get('[data-testid="account-link-org"]').text()).toBe('我的单位');
  });

  it('says so when the invitation was sent to another address, and offers to switch accounts', async () => {
    const { app, router } = await openJoin(userWithRole('buyer'), {
      'POST /api/org/invitations/accept': () => errorResponse(403, 'INVITATION_FOR_ANOTHER_EMAIL'),
    });

    await app.get('[data-testid="org-join-accept"]').trigger('click');
    await settle();

    const error = app.get('[data-testid="org-join-accept-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('这份邀请是发给另一个邮箱的。请退出当前账户，用收到邀请的邮箱登录后再接受。');
    await error.get('[data-testid="org-join-switch"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe(JOIN_PATH);
  });

  it('says so when the buyer already belongs to an organisation', async () => {
    const { app } = await openJoin(buyerIn(myOrganisation()), {
      'POST /api/org/invitations/accept': () => errorResponse(409, 'ALREADY_IN_ORGANISATION'),
    });

    await app.get('[data-testid="org-join-accept"]').trigger('click');
    await settle();

    expect(app.get('[data-testid="org-join-accept-error"]').text()).toContain(
      '你已经属于一个单位。一个账户只能加入一个单位，请先退出原单位。',
    );
  });

  it('says plainly when the link no longer works', async () => {
    const { app } = await openJoin(null, { 'POST /api/org/invitations/preview': () => errorResponse(400, 'INVITATION_INVALID') });

    expect(app.get('[data-testid="org-join-error"]').text()).toBe(
      '这个邀请链接已失效：可能已过期、已被撤销或已经用过。请联系单位管理员重新邀请。',
    );
    expect(app.find('[data-testid="org-join-login"]').exists()).toBe(false);
  });

  it('explains a link without its token instead of asking the API', async () => {
    const { app, api } = await openJoin(null, {}, '/org/join');

    expect(app.get('[data-testid="org-join-malformed"]').text()).toContain('邀请链接不完整');
    expect(api.callsTo('POST', '/api/org/invitations/preview')).toHaveLength(0);
  });
});
