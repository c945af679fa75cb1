import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { CREDIT_CODE } from '../../org/testing/fixtures';
import type { AdminOrganisation } from '../admin-api';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function organisation(overrides: Partial<AdminOrganisation> = {}): AdminOrganisation {
  return {
    id: 'o-1',
    name: '广州市天河区机关事务管理局饭堂',
    nameEn: 'Tianhe District Government Canteen',
    creditCode: CREDIT_CODE,
    type: 'PUBLIC_INSTITUTION',
    districtCode: '440106',
    budgetUnit: true,
    hasCanteen: false,
    contactName: '李建华',
    contactMobile: '13800138000',
    approvalThresholdFen: 500_000,
    approvalHoldHours: 48,
    status: 'PENDING',
    rejectionReason: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    verifiedAt: null,
    memberCount: 3,
    registeredByEmail: 'li.jianhua@example.com',
    ...overrides,
  };
}

type Handler = (request: Request) => Response | Promise<Response>;

async function openQueue(routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/organisations': (request) =>
      jsonResponse(
        200,
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? { items: [organisation({ id: 'o-3', name: '广州市第一中学' })], nextCursor: null }
          : { items: [organisation(), organisation({ id: 'o-2', name: '天河区总工会', type: 'TRADE_UNION' })], nextCursor: 'page-2' },
      ),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/organisations' }));
  await settle();
  const row = (id: string) => wrapper!.get(`[data-testid="admin-org-row"][data-id="${id}"]`);
  return { app: wrapper!, api, row };
}

describe('AdminOrganisationsPage', () => {
  it('shows the registrations waiting for review with what the admin checks', async () => {
    const { app, api, row } = await openQueue();

    expect(app.get('h1').text()).toBe('采购单位审核');
    expect(new URL(api.callsTo('GET', '/api/admin/organisations')[0]!.url).searchParams.get('status')).toBe('PENDING');
    expect(app.get('[data-testid="admin-org-filter-PENDING"]').attributes('aria-current')).toBe('page');
    const first = row('o-1');
    expect(first.get('h2').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(first.get('[data-testid="org-credit-code"]').text()).toBe(CREDIT_CODE);
    expect(first.get('[data-testid="org-type"]').text()).toBe('事业单位');
    expect(first.get('[data-testid="org-district"]').text()).toBe('天河区');
    expect(first.get('[data-testid="org-budget-unit"]').text()).toBe('是');
    expect(first.get('[data-testid="org-canteen"]').text()).toBe('否');
    expect(first.get('[data-testid="org-contact"]').text()).toBe('李建华 13800138000');
    expect(first.get('[data-testid="org-registered-by"]').text()).toBe('li.jianhua@example.com');
    expect(first.get('[data-testid="org-member-count"]').text()).toBe('3 人');
    expect(first.get('[data-testid="org-status"]').text()).toBe('待审核');
    expect(row('o-2').get('[data-testid="org-type"]').text()).toBe('工会');
  });

  it('loads the next page of the queue', async () => {
    const { app, api } = await openQueue();

    await app.get('[data-testid="admin-load-more"]').trigger('click');
    await settle();

    expect(new URL(api.callsTo('GET', '/api/admin/organisations').at(-1)!.url).searchParams.get('cursor')).toBe('page-2');
    expect(app.findAll('[data-testid="admin-org-row"]').map((row) => row.attributes('data-id'))).toEqual(['o-1', 'o-2', 'o-3']);
    expect(app.find('[data-testid="admin-load-more"]').exists()).toBe(false);
  });

  it('verifies an organisation and shows its new status in place', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/organisations/o-1/verify': () =>
        jsonResponse(200, { ...organisation({ status: 'VERIFIED', verifiedAt: '2026-03-02T02:00:00.000Z' }), members: [] }),
    });

    await row('o-1').get('[data-testid="org-verify"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/admin/organisations/o-1/verify')).toHaveLength(1);
    expect(row('o-1').attributes('data-status')).toBe('VERIFIED');
    expect(row('o-1').get('[data-testid="org-status"]').text()).toBe('已通过');
    expect(row('o-1').get('[data-testid="org-done"]').text()).toBe('已审核通过。');
    expect(row('o-1').find('[data-testid="org-verify"]').exists()).toBe(false);
    // Verified, it may be given credit terms on its account page; one still pending may not.
    expect(row('o-1').get('[data-testid="admin-organisation-account-link"]').attributes('href')).toBe('/admin/organisations/o-1/account');
    expect(row('o-2').find('[data-testid="admin-organisation-account-link"]').exists()).toBe(false);
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const { api, row } = await openQueue({
      'POST /api/admin/organisations/o-2/reject': () =>
        jsonResponse(200, { ...organisation({ id: 'o-2', status: 'REJECTED', rejectionReason: '请上传工会法人资格证书' }), members: [] }),
    });

    await row('o-2').get('[data-testid="org-reject"]').trigger('click');
    expect(row('o-2').get('label[for="org-o-2-reason"]').text()).toBe('退回原因');
    expect(row('o-2').get('[data-testid="org-reject"]').text()).toBe('确认退回');

    await row('o-2').get('[data-testid="org-reject"]').trigger('click');
    expect(row('o-2').text()).toContain('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', '/api/admin/organisations/o-2/reject')).toHaveLength(0);

    await row('o-2').get('[data-testid="org-reject-reason"]').setValue(' 请上传工会法人资格证书 ');
    await row('o-2').get('[data-testid="org-reject"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', '/api/admin/organisations/o-2/reject')[0]!.json()).toEqual({ reason: '请上传工会法人资格证书' });
    expect(row('o-2').get('[data-testid="org-status"]').text()).toBe('未通过');
    expect(row('o-2').get('[data-testid="org-rejection-reason"]').text()).toBe('退回原因：请上传工会法人资格证书');
    expect(row('o-2').get('[data-testid="org-done"]').text()).toBe('已退回，单位会看到原因。');
  });

  it('says when another admin decided first', async () => {
    const { row } = await openQueue({
      'POST /api/admin/organisations/o-1/verify': () => errorResponse(409, 'ORGANISATION_STATUS_CONFLICT'),
    });

    await row('o-1').get('[data-testid="org-verify"]').trigger('click');
    await settle();

    expect(row('o-1').get('[data-testid="org-error"]').text()).toBe('单位的状态已经变了（可能已被其他管理员处理），请刷新页面。');
  });

  it('is linked from the administration’s start page and its navigation', async () => {
    fakeSessionApi(userWithRole('admin'), { 'GET /api/admin/organisations': () => jsonResponse(200, { items: [], nextCursor: null }) });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/admin' }));

    await wrapper.get('[data-testid="admin-home-organisations"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.path).toBe('/admin/organisations');
    expect(wrapper.get('[data-testid="admin-nav-organisations"]').attributes('aria-current')).toBe('page');
    expect(wrapper.get('[data-testid="admin-orgs-empty"]').text()).toBe('没有这个状态的单位。');
  });
});
