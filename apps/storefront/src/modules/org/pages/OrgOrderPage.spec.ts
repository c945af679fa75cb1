import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { fulfillment, order } from '../../../testing/orders';
import type { OrganisationRole } from '@qh/domain';
import type { OrgOrder } from '../org-api';
import { buyerIn, myOrganisation, orgOrder } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const NUMBER = 'QH20261129-000123';
const ORDER_PATH = `/api/org/orders/${NUMBER}`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** An order a colleague placed, waiting for an approver until an hour from now. */
const awaitingApproval = (overrides: Partial<OrgOrder> = {}) =>
  orgOrder({
    status: 'AWAITING_APPROVAL',
    payment: null,
    expiresAt: inAnHour(),
    placedBy: { accountId: 'user-colleague', email: 'chen@example.com' },
    ...overrides,
  });

/** The signed-in buyer (`user-buyer`) with `roles` in a verified organisation opens the order. */
async function openOrder(roles: OrganisationRole[], shown: () => OrgOrder, routes: Record<string, Handler> = {}) {
  const organisation = myOrganisation({ status: 'VERIFIED', roles });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    [`GET ${ORDER_PATH}`]: () => jsonResponse(200, shown()),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: `/org/orders/${NUMBER}` }));
  await settle();
  return { app: wrapper!, api };
}

const find = (app: VueWrapper, id: string) => app.find(`[data-testid="${id}"]`);
const text = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`).text();

describe('OrgOrderPage', () => {
  it('shows where and when the order goes, who placed it, the approval deadline, and each cooperative’s parcel', async () => {
    const shipped = fulfillment({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
      shippedAt: '2026-12-12T02:00:00Z',
    });
    const { app } = await openOrder(['PURCHASER'], () => awaitingApproval({ fulfillments: [shipped, order().fulfillments[1]!] }));

    expect(app.get('h1').text()).toBe(`采购单 ${NUMBER}`);
    expect(text(app, 'org-order-status')).toBe('待审批');
    expect(text(app, 'org-order-site')).toContain('机关一食堂');
    expect(text(app, 'org-order-site')).toContain('广州市天河区 天府路 1 号');
    expect(text(app, 'org-order-site')).toContain('王师傅 13900139000');
    expect(text(app, 'org-order-day')).toBe('2026年12月14日');
    expect(text(app, 'org-order-placed-by')).toBe('chen@example.com');
    expect(text(app, 'org-order-deadline')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(text(app, 'org-order-waiting')).toBe('等待单位审批人审批。');
    const parcels = app.findAll('[data-testid="org-order-shipment"]');
    expect(parcels.map((parcel) => parcel.get('h3').text())).toEqual(['厍东关樱桃合作社', '百花坪茶叶合作社']);
    expect(parcels[0]!.get('[data-testid="org-order-tracking"]').text()).toBe('SF1234567890123');
    expect(parcels[0]!.get('[data-testid="org-order-lines"]').text()).toContain('2.5 kg 礼盒 × 2');
    expect(text(app, 'org-order-total')).toBe('¥559.00');
  });

  it('offers an approver to approve or reject an order waiting for approval, and approves it', async () => {
    let current = awaitingApproval();
    const { app, api } = await openOrder(['APPROVER'], () => current, {
      [`POST ${ORDER_PATH}/approve`]: () => {
        current = { ...current, status: 'AWAITING_PAYMENT', decidedBy: { accountId: 'user-buyer', email: 'buyer@example.com' } };
        current.decidedAt = '2026-11-29T03:00:00Z';
        return jsonResponse(200, current);
      },
    });

    expect(text(app, 'org-order-approve')).toBe('审批通过');
    expect(text(app, 'org-order-reject')).toBe('驳回');
    expect(find(app, 'org-order-cancel').exists()).toBe(false);

    await app.get('[data-testid="org-order-approve"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${ORDER_PATH}/approve`)).toHaveLength(1);
    expect(text(app, 'org-order-status')).toBe('待付款');
    expect(text(app, 'org-order-notice')).toBe('已审批通过，下单人可以付款了。');
    expect(text(app, 'org-order-decided-by')).toContain('buyer@example.com');
    expect(find(app, 'org-order-decision').exists()).toBe(false);
    // The approver did not place it: the purchaser who did pays.
    expect(find(app, 'org-order-payment').exists()).toBe(false);
    expect(text(app, 'org-order-waiting')).toBe('审批已通过，等待下单人 chen@example.com 付款。');
  });

  it('shows neither approve nor reject to a member who is not an approver', async () => {
    const { app } = await openOrder(['PURCHASER', 'MANAGER'], () => awaitingApproval());

    expect(find(app, 'org-order-decision').exists()).toBe(false);
    expect(find(app, 'org-order-approve').exists()).toBe(false);
    expect(find(app, 'org-order-reject').exists()).toBe(false);
    // A manager may call it off.
    expect(find(app, 'org-order-cancel').exists()).toBe(true);
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    let current = awaitingApproval();
    const { app, api } = await openOrder(['APPROVER'], () => current, {
      [`POST ${ORDER_PATH}/reject`]: async (request) => {
        const { reason } = (await request.json()) as { reason: string };
        current = {
          ...current,
          status: 'CANCELLED',
          cancelReason: 'APPROVAL_REJECTED',
          rejectionReason: reason,
          decidedBy: { accountId: 'user-buyer', email: 'buyer@example.com' },
          decidedAt: '2026-11-29T03:00:00Z',
        };
        return jsonResponse(200, current);
      },
    });

    await app.get('[data-testid="org-order-reject"]').trigger('click');
    await settle();
    const reason = app.get('[data-testid="org-order-reject-reason"]');
    expect(document.activeElement).toBe(reason.element);
    expect(text(app, 'org-order-reject')).toBe('确认驳回');
    expect(find(app, 'org-order-approve').exists()).toBe(false);

    // Pressed again without a reason: it says so, and nothing is sent.
    await app.get('[data-testid="org-order-reject"]').trigger('click');
    await settle();
    expect(app.get('#org-order-reject-reason-error').text()).toBe('请填写原因，至少 2 个字。');
    expect(api.callsTo('POST', `${ORDER_PATH}/reject`)).toHaveLength(0);

    await reason.setValue(' 本周食堂已有存货，下周再采购 ');
    await app.get('[data-testid="org-order-reject"]').trigger('click');
    await settle();

    expect(await api.callsTo('POST', `${ORDER_PATH}/reject`)[0]!.json()).toEqual({ reason: '本周食堂已有存货，下周再采购' });
    expect(text(app, 'org-order-status')).toBe('已取消');
    expect(text(app, 'org-order-cancel-reason')).toBe('审批人驳回了这张采购单，采购单已取消，库存已释放。');
    expect(text(app, 'org-order-rejection-reason')).toBe('驳回原因：本周食堂已有存货，下周再采购');
    expect(app.get('.org-order__facts').text()).toContain('驳回人');
  });

  it('says plainly when an approver may not approve the order they placed', async () => {
    const { app } = await openOrder(
      ['PURCHASER', 'APPROVER'],
      () => awaitingApproval({ placedBy: { accountId: 'user-buyer', email: 'buyer@example.com' } }),
      { [`POST ${ORDER_PATH}/approve`]: () => errorResponse(403, 'SELF_APPROVAL') },
    );
    expect(text(app, 'org-order-own')).toBe('这是你提交的采购单。单位还有其他审批人时，需要由他们审批。');

    await app.get('[data-testid="org-order-approve"]').trigger('click');
    await settle();

    const error = app.get('[data-testid="org-order-action-error"]');
    expect(error.text()).toBe('这是你自己提交的采购单，需要由单位的另一位审批人审批。');
    expect(document.activeElement).toBe(error.element);
    expect(text(app, 'org-order-status')).toBe('待审批');
  });

  it('offers the purchaser who placed an order awaiting payment to pay it, and shows it paid', async () => {
    let current = orgOrder({ status: 'AWAITING_PAYMENT', decidedBy: { accountId: 'user-approver', email: 'li@example.com' } });
    const { app, api } = await openOrder(['PURCHASER'], () => current, {
      [`POST /api/payments/demo/${NUMBER}/pay`]: () => {
        current = { ...current, status: 'PAID', paidAt: '2026-11-29T02:05:00Z' };
        return jsonResponse(200, order({ status: 'PAID' }));
      },
    });

    const payment = app.get('[data-testid="org-order-payment"]');
    expect(payment.get('[data-testid="org-order-time-left"]').text()).toMatch(/^请在 (30:00|29:5\d) 内付款/);
    expect(payment.get('[data-testid="pay-demo"]').text()).toBe('模拟支付 ¥559.00');
    expect(text(app, 'org-order-deadline')).toMatch(/\d{2}:\d{2}$/);

    await payment.get('[data-testid="pay-demo"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `/api/payments/demo/${NUMBER}/pay`)).toHaveLength(1);
    expect(text(app, 'org-order-status')).toBe('已付款');
    expect(text(app, 'org-order-notice')).toBe('付款成功，合作社将按送达日期送货。');
    expect(find(app, 'org-order-payment').exists()).toBe(false);
  });

  it('does not offer the payment to a member who did not place the order', async () => {
    const { app } = await openOrder(['PURCHASER', 'APPROVER'], () =>
      orgOrder({ status: 'AWAITING_PAYMENT', placedBy: { accountId: 'user-colleague', email: 'chen@example.com' } }),
    );

    expect(find(app, 'org-order-payment').exists()).toBe(false);
    expect(find(app, 'pay-demo').exists()).toBe(false);
    expect(find(app, 'org-order-cancel').exists()).toBe(false);
    expect(text(app, 'org-order-waiting')).toBe('审批已通过，等待下单人 chen@example.com 付款。');
  });

  it('starts a payment again when the provider could not start it at approval', async () => {
    let current = orgOrder({ status: 'AWAITING_PAYMENT', payment: null });
    const { app, api } = await openOrder(['PURCHASER'], () => current, {
      [`POST ${ORDER_PATH}/payment`]: () => {
        current = orgOrder({ status: 'AWAITING_PAYMENT' });
        return jsonResponse(200, current);
      },
    });
    expect(text(app, 'org-order-payment-missing')).toContain('支付还没有发起成功');
    expect(find(app, 'pay-demo').exists()).toBe(false);

    await app.get('[data-testid="org-order-restart-payment"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${ORDER_PATH}/payment`)).toHaveLength(1);
    expect(text(app, 'org-order-notice')).toBe('已重新发起支付，请付款。');
    expect(find(app, 'pay-demo').exists()).toBe(true);
  });

  it('lets the purchaser who placed it cancel the order after confirming', async () => {
    const { app, api } = await openOrder(['PURCHASER'], () => orgOrder({ status: 'AWAITING_PAYMENT' }), {
      [`POST ${ORDER_PATH}/cancel`]: () => jsonResponse(200, orgOrder({ status: 'CANCELLED', cancelReason: 'BUYER' })),
    });

    await app.get('[data-testid="org-order-cancel"]').trigger('click');
    await settle();
    expect(api.callsTo('POST', `${ORDER_PATH}/cancel`)).toHaveLength(0);
    await app.get('[data-testid="org-order-cancel-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', `${ORDER_PATH}/cancel`)).toHaveLength(1);
    expect(text(app, 'org-order-status')).toBe('已取消');
    expect(text(app, 'org-order-notice')).toBe('采购单已取消。');
    expect(find(app, 'org-order-cancel').exists()).toBe(false);
  });

  it('says so when the order is not the organisation’s', async () => {
    const organisation = myOrganisation({ status: 'VERIFIED', roles: ['PURCHASER'] });
    fakeSessionApi(buyerIn(organisation), {
      'GET /api/org': () => jsonResponse(200, organisation),
      [`GET ${ORDER_PATH}`]: () => errorResponse(404, 'ORDER_NOT_FOUND'),
    });
    ({ wrapper } = await mountApp({ path: `/org/orders/${NUMBER}` }));
    await settle();

    expect(text(wrapper, 'org-order-not-found')).toBe('没有找到这个订单，它可能不属于你的单位。');
  });
});
