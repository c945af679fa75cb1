import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Claim } from '../claims';
import { claim, claimLine } from '../testing/claim-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function openList(items: Claim[], path = '/claims') {
  const api = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    'GET /api/claims': () => jsonResponse(200, { items }),
  });
  let router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

describe('ClaimsPage', () => {
  it('lists the buyer’s claims, newest first, with where each stands and what it asks or refunded', async () => {
    const { app } = await openList([
      claim(),
      claim({
        id: 'claim-2',
        orderNumber: 'QH20261128-000100',
        status: 'SETTLED',
        reason: 'SPOILED',
        lines: [claimLine({ askedQuantity: 2, grantedQuantity: 1 })],
        grantedFen: 4_600,
      }),
    ]);

    expect(app.get('h1').text()).toBe('我的售后');
    const rows = app.findAll('[data-testid="claim-row"]');
    expect(rows.map((row) => row.attributes('data-status'))).toEqual(['OPEN', 'SETTLED']);
    expect(rows[0]!.get('a').attributes('href')).toBe('/claims/claim-1');
    expect(rows[0]!.get('a').text()).toBe('订单 QH20261129-000123');
    expect(rows[0]!.get('[data-testid="claim-row-status"]').text()).toBe('待合作社答复');
    expect(rows[0]!.text()).toContain('化作村禽蛋合作社 · 破损');
    expect(rows[0]!.get('[data-testid="claim-row-amount"]').text()).toBe('申请 ¥92.00');
    expect(rows[1]!.get('[data-testid="claim-row-amount"]').text()).toBe('申请 ¥92.00 · 退款 ¥46.00');
    expect(rows[1]!.text()).toContain('变质');
  });

  it('says when there are none yet', async () => {
    const { app } = await openList([]);

    expect(app.get('[data-testid="claims-empty"]').text()).toContain('还没有售后申请');
  });

  it('is in the buyer’s account menu, after the orders', async () => {
    const { app, router } = await openList([], '/');

    const links = app.findAll('.account__links a').map((link) => link.attributes('href'));
    expect(links).toContain('/claims');
    expect(links.indexOf('/claims')).toBe(links.indexOf('/orders') + 1);
    await app.get('[data-testid="account-link-claims"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.path).toBe('/claims');
  });

  it('is linked from the orders list too', async () => {
    fakeSessionApi(userWithRole('buyer'), {
      'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
      'GET /api/orders': () => jsonResponse(200, { items: [], nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/orders' }));
    await settle();

    expect(wrapper.get('[data-testid="orders-claims"]').attributes('href')).toBe('/claims');
    expect(wrapper.get('[data-testid="orders-claims"]').text()).toBe('我的售后');
  });
});
