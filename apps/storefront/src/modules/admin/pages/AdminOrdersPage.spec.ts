import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { order } from '../../../testing/orders';
import type { Order } from '../../shop/orders';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const NUMBER = 'QH20261129-000123';
const paid = order({
  status: 'PAID',
  payment: { provider: 'stripe', reference: 'pi_1', status: 'SUCCEEDED', failure: null, clientSecret: null, publishableKey: null },
});
const refund = (overrides: Partial<Order['refunds'][number]> = {}): Order['refunds'][number] => ({
  id: 'r-1',
  kind: 'ADMIN',
  status: 'PENDING',
  amountFen: 19800,
  shippingFen: 0,
  reason: '樱桃压坏',
  createdAt: '2026-11-29T04:00:00Z',
  confirmedAt: null,
  lines: [{ orderLineId: 'ol-1', quantity: 1, amountFen: 19800 }],
  ...overrides,
});

async function openPage(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  const server = fakeSessionApi(userWithRole('admin'), {
    'GET /api/admin/payments/flagged': () => jsonResponse(200, []),
    [`GET /api/admin/orders/${NUMBER}`]: () => jsonResponse(200, paid),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/admin/orders' }));
  await settle();
  const app = wrapper!;
  await app.get('[data-testid="admin-order-number"]').setValue(NUMBER);
  await app.get('[data-testid="admin-order-lookup"]').trigger('submit');
  await settle();
  return { app, server };
}

describe('AdminOrdersPage', () => {
  it('refunds one unit of a line with a reason, and shows it pending until the provider confirms', async () => {
    let current: Order = paid;
    const { app, server } = await openPage({
      [`GET /api/admin/orders/${NUMBER}`]: () => jsonResponse(200, current),
      'POST /api/admin/refunds': () => {
        current = { ...paid, refunds: [refund()] };
        return jsonResponse(201, refund());
      },
    });
    const cherry = app.get('[data-testid="admin-order-line"][data-id="ol-1"]');
    expect(cherry.get('[data-testid="admin-line-left"]').text()).toBe('2');

    await cherry.get('[data-testid="admin-refund-quantity"]').setValue('1');
    await app.get('[data-testid="admin-refund-reason"]').setValue('樱桃压坏');
    expect(app.get('[data-testid="admin-refund-lines"]').text()).toBe('退所选商品 ¥198.00');
    await app.get('[data-testid="admin-refund-lines"]').trigger('click');
    await settle();

    const [call] = server.callsTo('POST', '/api/admin/refunds');
    expect(await call!.json()).toEqual({ orderNumber: NUMBER, reason: '樱桃压坏', lines: [{ lineId: 'ol-1', quantity: 1 }] });
    expect(app.get('[data-testid="admin-refund-done"]').text()).toBe('已提交退款 ¥198.00，等待支付机构确认。');
    expect(app.get('[data-testid="admin-order-refund"]').attributes('data-status')).toBe('PENDING');
    expect(app.get('[data-testid="admin-order-line"][data-id="ol-1"] [data-testid="admin-line-left"]').text()).toBe('1');
  });

  it('refunds the whole order without lines, and needs a reason first', async () => {
    const { app, server } = await openPage({ 'POST /api/admin/refunds': () => jsonResponse(201, refund({ amountFen: 55900, lines: [] })) });

    expect(app.get('[data-testid="admin-refund-whole"]').attributes('disabled')).toBeDefined();
    await app.get('[data-testid="admin-refund-reason"]').setValue('缺货');
    await app.get('[data-testid="admin-refund-whole"]').trigger('click');
    await settle();

    expect(await server.callsTo('POST', '/api/admin/refunds')[0]!.json()).toEqual({ orderNumber: NUMBER, reason: '缺货' });
  });

  it('says when the provider refused, and offers no refund on an unpaid order', async () => {
    const { app } = await openPage({ 'POST /api/admin/refunds': () => errorResponse(502, 'PAYMENT_PROVIDER_ERROR') });
    await app.get('[data-testid="admin-refund-reason"]').setValue('缺货');
    await app.get('[data-testid="admin-refund-whole"]').trigger('click');
    await settle();
    expect(app.get('[data-testid="admin-refund-error"]').text()).toBe('支付机构拒绝了这笔退款，没有退款。');

    wrapper!.unmount();
    const unpaid = await openPage({ [`GET /api/admin/orders/${NUMBER}`]: () => jsonResponse(200, order()) });
    expect(unpaid.app.find('[data-testid="admin-refund-whole"]').exists()).toBe(false);
  });

  it('lists payments flagged for a person and opens their order', async () => {
    const { app, server } = await openPage({
      'GET /api/admin/payments/flagged': () =>
        jsonResponse(200, [
          {
            orderNumber: NUMBER,
            provider: 'stripe',
            reference: 'pi_1',
            amountFen: 55900,
            receivedFen: 55800,
            receivedCurrency: 'cny',
            reviewReason: 'Received 55800 cny, expected 55900 cny',
            updatedAt: '2026-11-29T04:00:00Z',
          },
        ]),
    });
    expect(app.get('[data-testid="admin-flagged"]').text()).toContain('应付 ¥559.00，实收 ¥558.00 cny');
    await app.get('[data-testid="admin-flagged"] button').trigger('click');
    await settle();
    expect(server.callsTo('GET', `/api/admin/orders/${NUMBER}`)).toHaveLength(2);
  });

  it('finds the orders a buyer calls about by their mobile number, masked in the list, and opens one', async () => {
    const { app, server } = await openPage({
      'GET /api/admin/orders': () =>
        jsonResponse(200, {
          items: [
            {
              number: NUMBER,
              status: 'PAID',
              createdAt: '2026-11-29T02:00:00Z',
              totalFen: 55900,
              refundedFen: 0,
              buyerEmail: 'chen@example.cn',
              recipient: '陈晓岚',
              mobileMasked: '138****8000',
              cooperatives: ['厍东关樱桃合作社', '百花坪茶叶合作社'],
            },
          ],
          nextCursor: null,
        }),
    });
    // The page opened an order by number first; now a search by mobile and status lists instead.
    await app.get('[data-testid="admin-order-number"]').setValue('13800138000');
    await app.get('[data-testid="admin-order-status"]').setValue('PAID');
    await app.get('[data-testid="admin-order-lookup"]').trigger('submit');
    await settle();

    const [asked] = server.callsTo('GET', '/api/admin/orders');
    expect(Object.fromEntries(new URL(asked!.url).searchParams)).toEqual({ limit: '50', q: '13800138000', status: 'PAID' });
    const result = app.get('[data-testid="admin-order-result"]');
    expect(result.text()).toContain('陈晓岚 138****8000');
    expect(result.text()).toContain('厍东关樱桃合作社、百花坪茶叶合作社');

    await result.get('button').trigger('click');
    await settle();
    expect(app.get('[data-testid="admin-order"]').attributes('data-status')).toBe('PAID');
  });
});
