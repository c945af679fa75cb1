import type { OrganisationRole } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from 'vue-router';
import { fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { buyerIn, myOrganisation, orgOrder } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ORDERS = [
  orgOrder({
    number: 'QH20261129-000125',
    status: 'AWAITING_APPROVAL',
    totalFen: 1_266_000,
    placedBy: { accountId: 'user-colleague', email: 'chen@example.com' },
  }),
  orgOrder({ number: 'QH20261128-000124', status: 'PAID', deliveryOn: '2026-12-10', site: { id: 'site-2', name: '仓库' } }),
  orgOrder({ number: 'QH20261127-000123', status: 'CANCELLED', cancelReason: 'APPROVAL_EXPIRED' }),
];

/** A member with `roles` opens the organisation's orders; the API filters by the one status it is given. */
async function openOrders(roles: OrganisationRole[], path = '/org/orders') {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/orders': (request) => {
      const status = new URL(request.url).searchParams.get('status');
      return jsonResponse(200, { items: ORDERS.filter((order) => !status || order.status === status), nextCursor: null });
    },
  });
  let router: Router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router };
}

const rows = (app: VueWrapper) => app.findAll('[data-testid="org-order-row"]');

describe('OrgOrdersPage', () => {
  it('lists the organisation’s orders with their number, day, site, who placed them, total and status', async () => {
    const { app } = await openOrders(['RECEIVER']);

    expect(app.get('h1').text()).toBe('单位订单');
    expect(app.get('[data-testid="org-nav-orders"]').attributes('aria-current')).toBe('page');
    const [first, second] = rows(app);
    expect(first!.get('a').attributes('href')).toBe('/org/orders/QH20261129-000125');
    expect(first!.get('[data-testid="org-order-day"]').text()).toBe('2026年12月14日');
    expect(first!.get('[data-testid="org-order-site"]').text()).toBe('机关一食堂');
    expect(first!.get('[data-testid="org-order-placed-by"]').text()).toBe('chen@example.com');
    expect(first!.get('[data-testid="org-order-total"]').text()).toBe('¥12,660.00');
    expect(first!.get('[data-testid="org-order-status"]').text()).toBe('待审批');
    expect(second!.get('[data-testid="org-order-site"]').text()).toBe('仓库');
    expect(second!.get('[data-testid="org-order-status"]').text()).toBe('已付款');
    // Only purchasers place orders.
    expect(app.find('[data-testid="org-orders-new"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-nav-new-order"]').exists()).toBe(false);
  });

  it('filters by status through the address and asks the API for that status only', async () => {
    const { app, api, router } = await openOrders(['APPROVER']);
    expect(app.findAll('[data-testid^="org-orders-tab-"]').map((tab) => tab.text())).toEqual([
      '全部',
      '待审批',
      '待付款',
      '记账待发货',
      '待发货',
      '已发货',
      '已取消',
    ]);
    expect(new URL(api.callsTo('GET', '/api/org/orders')[0]!.url).searchParams.has('status')).toBe(false);

    await app.get('[data-testid="org-orders-tab-AWAITING_APPROVAL"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/org/orders?status=AWAITING_APPROVAL');
    expect(new URL(api.callsTo('GET', '/api/org/orders').at(-1)!.url).searchParams.get('status')).toBe('AWAITING_APPROVAL');
    expect(rows(app).map((row) => row.attributes('data-number'))).toEqual(['QH20261129-000125']);
    expect(app.get('[data-testid="org-orders-tab-AWAITING_APPROVAL"]').attributes('aria-current')).toBe('page');

    await app.get('[data-testid="org-orders-tab-SHIPPED"]').trigger('click');
    await settle();
    expect(app.get('[data-testid="org-orders-empty"]').text()).toBe('没有已发货的订单。');
  });

  it('offers a purchaser a new order', async () => {
    const { app } = await openOrders(['PURCHASER']);

    expect(app.get('[data-testid="org-orders-new"]').attributes('href')).toBe('/org/orders/new');
    expect(app.get('[data-testid="org-nav-new-order"]').attributes('href')).toBe('/org/orders/new');
  });
});
