import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { fulfillment, order } from '../../../testing/orders';
import type { Fulfillment } from '../../shop/orders';
import type { OrganisationRole } from '@qh/domain';
import type { OrgOrder } from '../org-api';
import { buyerIn, myOrganisation, orgOrder } from '../testing/fixtures';
import { captureDownloads, issuedInvoice, orderInvoice, pdfResponse } from '../../shop/testing/invoice-fixtures';

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

/** The cherry cooperative's part, shipped: 30 cases of cherries and 12 gift boxes. */
const shippedPart = (overrides: Partial<Fulfillment> = {}) =>
  fulfillment({
    status: 'SHIPPED',
    carrier: '顺丰速运',
    trackingNo: 'SF1234567890123',
    shippedAt: '2026-12-13T02:00:00Z',
    lines: [
      { ...fulfillment().lines[0]!, id: 'ol-1', labelZh: '5 kg 整箱', unitPriceFen: 41_800, quantity: 30, lineTotalFen: 1_254_000 },
      { ...fulfillment().lines[0]!, id: 'ol-2', quantity: 12, lineTotalFen: 237_600 },
    ],
    ...overrides,
  });
const shippedOrder = (part: Fulfillment = shippedPart()) => orgOrder({ status: 'SHIPPED', fulfillments: [part] });
const ACCEPTANCE_PATH = `${ORDER_PATH}/fulfillments/f-1/acceptance`;

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

  it('shows an order on account as going to the cooperatives unpaid, and as settled once a transfer paid it', async () => {
    const { app } = await openOrder(['PURCHASER'], () => orgOrder({ status: 'ON_ACCOUNT', onAccount: true, payment: null, paidAt: null }));
    expect(app.get('[data-testid="org-order-status"]').text()).toBe('已记账（月结）');
    expect(app.get('[data-testid="org-order-on-account"]').text()).toContain('无需在线付款');
    expect(app.find('[data-testid="pay-demo"]').exists()).toBe(false);
    wrapper!.unmount();

    const settled = await openOrder(['PURCHASER'], () =>
      orgOrder({ status: 'SHIPPED', onAccount: true, paidAt: '2026-12-20T02:00:00.000Z', fulfillments: [shippedPart()] }),
    );
    expect(settled.app.get('[data-testid="org-order-on-account"]').attributes('data-settled')).toBe('true');
    expect(settled.app.get('[data-testid="org-order-on-account"]').text()).toContain('收到对公转账');
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

  it('lets a receiver accept a shipped part with a shortfall and its reason, and shows what was accepted', async () => {
    let current = shippedOrder();
    const { app, api } = await openOrder(['RECEIVER'], () => current, {
      [`POST ${ACCEPTANCE_PATH}`]: () => {
        current = shippedOrder(
          shippedPart({
            acceptance: {
              acceptedAt: '2026-12-14T02:30:00Z',
              automatic: false,
              lines: [
                { lineId: 'ol-1', acceptedQuantity: 29, reason: 'DAMAGED' },
                { lineId: 'ol-2', acceptedQuantity: 12, reason: null },
              ],
              claim: { id: 'claim-1', status: 'PENDING', refundId: null, declineReason: null, photos: [] },
            },
          }),
        );
        return jsonResponse(200, current);
      },
    });

    const form = app.get('[data-testid="acceptance-form"][data-part-id="f-1"]');
    expect(form.text()).toContain('送达 30 件');
    const quantity = form.get('[data-testid="acceptance-quantity"][data-line-id="ol-1"]');
    expect((quantity.element as HTMLInputElement).value).toBe('30');
    expect(form.find('[data-testid="acceptance-reason"]').exists()).toBe(false);

    await quantity.setValue('29');
    await form.get('[data-testid="acceptance-reason"][data-line-id="ol-1"]').setValue('DAMAGED');
    await form.get('[data-testid="acceptance-note"]').setValue(' 一箱压坏，已拍照 ');
    await form.get('[data-testid="acceptance-submit"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', ACCEPTANCE_PATH)[0]!.json()).toEqual({
      lines: [
        { lineId: 'ol-1', acceptedQuantity: 29, reason: 'DAMAGED' },
        { lineId: 'ol-2', acceptedQuantity: 12 },
      ],
      note: '一箱压坏，已拍照',
    });
    expect(find(app, 'acceptance-form').exists()).toBe(false);
    const done = app.get('[data-testid="acceptance-done"][data-part-id="f-1"]');
    expect(done.text()).toMatch(/^已验收 · 2026年12月14日 \d{2}:\d{2}/);
    expect(done.findAll('[data-testid="acceptance-line"]').map((line) => line.text())).toEqual([
      '厍东关玛瑙红樱桃礼盒 · 5 kg 整箱：实收 29 / 送达 30 · 破损',
      '厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒：实收 12 / 送达 12',
    ]);
    const claim = done.get('[data-testid="acceptance-claim"]');
    expect(claim.attributes('data-status')).toBe('PENDING');
    expect(claim.text()).toBe('短缺申请：待平台处理');
  });

  it('lets the receiver show a pending shortfall with a photo, sent as multipart, and shows it', async () => {
    const withClaim = (photos: string[]) =>
      shippedOrder(
        shippedPart({
          acceptance: {
            acceptedAt: '2026-12-14T02:30:00Z',
            automatic: false,
            lines: [{ lineId: 'ol-1', acceptedQuantity: 29, reason: 'DAMAGED' }],
            claim: { id: 'claim-1', status: 'PENDING', refundId: null, declineReason: null, photos },
          },
        }),
      );
    const photoUrl = '/uploads/9d0e7f3a-1b2c-4d5e-8f90-a1b2c3d4e5f6.png';
    const { app, api } = await openOrder(['RECEIVER'], () => withClaim([]), {
      [`POST ${ACCEPTANCE_PATH}/photos`]: () => jsonResponse(200, withClaim([photoUrl])),
    });
    const input = app.get('[data-testid="claim-photo-input"][data-part-id="f-1"]');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'case.png', { type: 'image/png' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await settle();

    const [sent] = api.callsTo('POST', `${ACCEPTANCE_PATH}/photos`);
    expect((await sent!.formData()).get('photo')).toBeInstanceOf(File);
    const photo = app.get('[data-testid="acceptance-done"][data-part-id="f-1"] [data-testid="claim-photo"]');
    expect(photo.attributes('src')).toBe(photoUrl);
    expect(photo.attributes('alt')).toBe('短缺照片 1');
  });

  it('asks why before sending fewer units than were sent, and sends nothing until told', async () => {
    const { app, api } = await openOrder(['RECEIVER'], () => shippedOrder());
    const form = app.get('[data-testid="acceptance-form"]');

    await form.get('[data-testid="acceptance-quantity"][data-line-id="ol-1"]').setValue('29');
    await form.get('[data-testid="acceptance-submit"]').trigger('submit');
    await settle();

    expect(api.callsTo('POST', ACCEPTANCE_PATH)).toHaveLength(0);
    const reason = form.get('[data-testid="acceptance-reason"][data-line-id="ol-1"]');
    expect(form.get('[data-testid="acceptance-reason-error"]').text()).toBe('实收少于送达数量，请选择原因。');
    expect(reason.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason.element);

    await form.get('[data-testid="acceptance-quantity"][data-line-id="ol-2"]').setValue('13');
    await form.get('[data-testid="acceptance-submit"]').trigger('submit');
    await settle();
    expect(form.get('[data-testid="acceptance-quantity-error"]').text()).toBe('请填写 0 到 12 之间的整数。');
    expect(api.callsTo('POST', ACCEPTANCE_PATH)).toHaveLength(0);
  });

  it('shows the API’s refusal at the line it names, and says plainly when the part was accepted already', async () => {
    let calls = 0;
    const { app } = await openOrder(['RECEIVER'], () => shippedOrder(), {
      [`POST ${ACCEPTANCE_PATH}`]: () => {
        calls += 1;
        return calls === 1
          ? jsonResponse(400, {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'VALIDATION_FAILED',
              details: [{ field: 'lines.1', problems: ['a shortfall needs its reason'], rules: ['acceptance'] }],
            })
          : errorResponse(409, 'FULFILLMENT_STATUS_CONFLICT');
      },
    });

    await app.get('[data-testid="acceptance-submit"]').trigger('submit');
    await settle();
    const second = app.get('[data-testid="acceptance-quantity"][data-line-id="ol-2"]');
    expect(second.attributes('aria-invalid')).toBe('true');
    expect(app.get('#acceptance-f-1-quantity-ol-2-error').text()).toBe('这一行的实收数量或原因不符合要求，请检查。');
    expect(app.get('[data-testid="acceptance-quantity"][data-line-id="ol-1"]').attributes('aria-invalid')).toBeUndefined();

    await app.get('[data-testid="acceptance-submit"]').trigger('submit');
    await settle();
    expect(text(app, 'acceptance-error')).toBe('这个包裹还没有发货，或已经验收过了。页面已更新，请查看。');
  });

  it('shows no acceptance form to a member who is not a receiver', async () => {
    const { app } = await openOrder(['PURCHASER', 'MANAGER', 'APPROVER'], () => shippedOrder());

    expect(app.findAll('[data-testid="org-order-shipment"]')).toHaveLength(1);
    expect(find(app, 'acceptance-form').exists()).toBe(false);
    expect(find(app, 'acceptance-submit').exists()).toBe(false);
    expect(find(app, 'open-claim').exists()).toBe(false);
  });

  it('offers a receiver an after-sales claim on a shipped parcel, on the shop’s claim form', async () => {
    const { app } = await openOrder(['RECEIVER'], () =>
      orgOrder({ status: 'PARTIALLY_SHIPPED', fulfillments: [shippedPart(), order().fulfillments[1]!] }),
    );

    const [shipped, waiting] = app.findAll('[data-testid="org-order-shipment"]');
    expect(shipped!.get('[data-testid="open-claim"]').attributes('href')).toBe(`/orders/${NUMBER}/claim?line=ol-1`);
    expect(shipped!.get('[data-testid="open-claim"]').text()).toBe('申请售后');
    expect(waiting!.find('[data-testid="open-claim"]').exists()).toBe(false);
  });

  it('shows any member a part accepted automatically, and why its shortfall claim was declined', async () => {
    const accepted = shippedPart({
      acceptance: {
        acceptedAt: '2026-12-16T02:00:00Z',
        automatic: true,
        lines: [{ lineId: 'ol-1', acceptedQuantity: 28, reason: 'SHORT' }],
        claim: { id: 'claim-1', status: 'DECLINED', refundId: null, declineReason: '签收单上写明全部收到', photos: [] },
      },
    });
    const { app } = await openOrder(['RECEIVER'], () => shippedOrder(accepted));

    expect(find(app, 'acceptance-form').exists()).toBe(false);
    const done = app.get('[data-testid="acceptance-done"][data-part-id="f-1"]');
    expect(done.text()).toContain('自动验收 · 2026年12月16日');
    expect(done.findAll('[data-testid="acceptance-line"]').map((line) => line.text())).toEqual([
      '厍东关玛瑙红樱桃礼盒 · 5 kg 整箱：实收 28 / 送达 30 · 短少',
      '厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒：实收 12 / 送达 12',
    ]);
    const claim = app.get('[data-testid="acceptance-claim"]');
    expect(claim.attributes('data-status')).toBe('DECLINED');
    expect(claim.text()).toBe('短缺申请：未获支持 · 原因：签收单上写明全部收到');
  });

  it('counts the units a refunded shortfall gave back as sent', async () => {
    const accepted = shippedPart({
      lines: [{ ...shippedPart().lines[0]!, refundedQuantity: 1 }],
      acceptance: {
        acceptedAt: '2026-12-14T02:30:00Z',
        automatic: false,
        lines: [{ lineId: 'ol-1', acceptedQuantity: 29, reason: 'DAMAGED' }],
        claim: { id: 'claim-1', status: 'REFUNDED', refundId: 'refund-1', declineReason: null, photos: [] },
      },
    });
    const refund = {
      id: 'refund-1',
      kind: 'SHORTFALL' as const,
      status: 'SUCCEEDED' as const,
      amountFen: 41_800,
      shippingFen: 0,
      reason: '验收短缺 / Short on delivery: DAMAGED',
      createdAt: '2026-12-15T02:00:00Z',
      confirmedAt: '2026-12-15T02:00:05Z',
      lines: [{ orderLineId: 'ol-1', quantity: 1, amountFen: 41_800 }],
    };
    const { app } = await openOrder(['PURCHASER'], () => ({ ...shippedOrder(accepted), refunds: [refund], refundedFen: 41_800 }));

    expect(text(app, 'acceptance-line')).toBe('厍东关玛瑙红樱桃礼盒 · 5 kg 整箱：实收 29 / 送达 30 · 破损');
    expect(text(app, 'acceptance-claim')).toBe('短缺申请：已退款');
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

  describe('invoices', () => {
    const INVOICES = `${ORDER_PATH}/invoices`;
    const invoiced = () => orgOrder({ status: 'SHIPPED', onAccount: true, payment: null, invoice: orderInvoice() });

    it('shows a finance member the order’s invoices and downloads an issued one', async () => {
      const { app, api } = await openOrder(['FINANCE'], invoiced, {
        [`GET ${INVOICES}`]: () => jsonResponse(200, { items: [issuedInvoice()] }),
        [`GET ${INVOICES}/ir-1/file`]: () => pdfResponse(),
      });

      const invoice = app.get('[data-testid="order-invoice"]');
      expect(invoice.get('[data-testid="order-invoice-status"]').text()).toBe('已开票');
      expect(invoice.get('[data-testid="order-invoice-number"]').text()).toContain('26442000000012345678');
      const downloads = captureDownloads();
      try {
        await invoice.get('[data-testid="order-invoice-download"]').trigger('click');
        await settle();
      } finally {
        downloads.restore();
      }
      expect(api.callsTo('GET', `${INVOICES}/ir-1/file`)).toHaveLength(1);
      expect(downloads.saved).toEqual(['invoice-QH20261129-000123-26442000000012345678.pdf']);
    });

    it('shows nothing of them when the API refuses the member, and does not ask for members without the finance role', async () => {
      const { app } = await openOrder(['FINANCE'], invoiced, {
        [`GET ${INVOICES}`]: () => errorResponse(403, 'ORGANISATION_ROLE_REQUIRED'),
      });
      expect(app.find('[data-testid="order-invoices"]').exists()).toBe(false);
      expect(app.find('[role="alert"]').exists()).toBe(false);
      app.unmount();

      const { app: purchaser, api } = await openOrder(['PURCHASER', 'MANAGER'], invoiced);
      expect(purchaser.find('[data-testid="order-invoices"]').exists()).toBe(false);
      expect(api.callsTo('GET', INVOICES)).toHaveLength(0);
    });
  });
});
