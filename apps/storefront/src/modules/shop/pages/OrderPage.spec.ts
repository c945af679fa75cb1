import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { fulfillment, order } from '../../../testing/orders';
import type { Order } from '../orders';
import { captureDownloads, invoiceRequest, issuedInvoice, orderInvoice, pdfResponse, TAX_NUMBER } from '../testing/invoice-fixtures';
import { claim } from '../testing/claim-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const NUMBER = 'QH20261129-000123';

async function openOrder(shown: Order, routes = {}) {
  const server = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    [`GET /api/orders/${NUMBER}`]: () => jsonResponse(200, shown),
    'GET /api/claims': () => jsonResponse(200, { items: [] }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: `/orders/${NUMBER}` }));
  await settle();
  return { app: wrapper, server };
}

const exists = (app: VueWrapper, testid: string) => app.find(`[data-testid="${testid}"]`).exists();
const text = (app: VueWrapper, testid: string) => app.get(`[data-testid="${testid}"]`).text();

describe('order page', () => {
  it('shows the status, the totals with shipping per cooperative, and one shipment card per cooperative', async () => {
    const { app } = await openOrder(order());

    expect(app.findAll('h1').map((h1) => h1.text())).toEqual([`订单 ${NUMBER}`]);
    expect(text(app, 'order-status')).toBe('待付款');
    expect(text(app, 'order-items-total')).toBe('¥524.00');
    expect(app.findAll('[data-testid="order-shipping-fee"]').map((fee) => fee.text())).toEqual(['¥25.00', '¥10.00']);
    expect(app.get('.order__totals').text()).toContain('运费（百花坪茶叶合作社）');
    expect(text(app, 'order-total')).toBe('¥559.00');
    const cards = app.findAll('[data-testid="shipment-card"]');
    expect(cards.map((card) => card.get('h3').text())).toEqual(['厍东关樱桃合作社', '百花坪茶叶合作社']);
    expect(cards.map((card) => card.get('[data-testid="shipment-status"]').text())).toEqual(['待发货', '待发货']);
    expect(text(app, 'order-address')).toContain('广州市天河区');
  });

  it('shows the impact receipt: the poverty-linked amount, the pool, the cooperatives and the households they reach', async () => {
    const { app } = await openOrder(order({ status: 'PAID' }));

    expect(text(app, 'order-impact')).toBe('其中消费帮扶产品 ¥396.00，合作社承诺向联农户分配 ¥39.60。');
    expect(app.findAll('[data-testid="order-impact-cooperative"]').map((li) => li.text())).toEqual([
      '厍东关樱桃合作社 · 厍东关彝族白族苗族乡 · 利益联结 12 户',
    ]);
    expect(text(app, 'order-impact-reach')).toBe('这些合作社共联结 12 户脱贫户和监测对象。');
  });

  it('offers the demo payment and the time left while awaiting payment, and cancel', async () => {
    const { app } = await openOrder(order());

    expect(exists(app, 'pay-demo')).toBe(true);
    expect(exists(app, 'fail-demo')).toBe(true);
    expect(text(app, 'order-time-left')).toMatch(/^请在 (30:00|29:5\d) 内付款/);
    expect(exists(app, 'order-cancel')).toBe(true);
    expect(exists(app, 'confirm-receipt')).toBe(false);
  });

  it('pays with the demo provider and shows the paid order', async () => {
    const { app, server } = await openOrder(order(), {
      [`POST /api/payments/demo/${NUMBER}/pay`]: () => jsonResponse(200, order({ status: 'PAID', paidAt: '2026-11-29T02:05:00Z' })),
    });

    await app.get('[data-testid="pay-demo"]').trigger('click');
    await settle();

    expect(server.callsTo('POST', `/api/payments/demo/${NUMBER}/pay`)).toHaveLength(1);
    expect(text(app, 'order-status')).toBe('已付款');
    expect(text(app, 'order-notice')).toBe('付款成功，合作社将尽快发货。');
    expect(exists(app, 'pay-demo')).toBe(false);
    expect(exists(app, 'order-cancel')).toBe(true);
  });

  it('says when the demo payment failed and keeps the payment buttons', async () => {
    const { app } = await openOrder(order(), {
      [`POST /api/payments/demo/${NUMBER}/fail`]: () => jsonResponse(200, order()),
    });

    await app.get('[data-testid="fail-demo"]').trigger('click');
    await settle();

    expect(text(app, 'order-notice')).toBe('付款没有成功，可以再试一次。');
    expect(exists(app, 'pay-demo')).toBe(true);
  });

  it('shows carrier and tracking number of a shipped part, and no cancel once anything shipped', async () => {
    const shipped = fulfillment({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
      shippedAt: '2026-11-30T03:00:00Z',
    });
    const { app } = await openOrder(order({ status: 'PARTIALLY_SHIPPED', fulfillments: [shipped, fulfillment({ id: 'f-2' })] }));

    const card = app.findAll('[data-testid="shipment-card"]')[0]!;
    expect(card.get('[data-testid="shipment-status"]').text()).toBe('已发货');
    expect(card.get('[data-testid="shipment-carrier"]').text()).toBe('顺丰速运');
    expect(card.get('[data-testid="shipment-tracking"]').text()).toBe('SF1234567890123');
    expect(exists(app, 'order-cancel')).toBe(false);
    expect(exists(app, 'pay-demo')).toBe(false);
    expect(exists(app, 'confirm-receipt')).toBe(false);
  });

  it('shows a partly refunded order as it is: the refunded parcel called off, the reason, and cancel for the rest', async () => {
    const eggsBack = fulfillment({ status: 'CANCELLED', lines: [{ ...fulfillment().lines[0]!, refundedQuantity: 2 }] });
    const { app } = await openOrder(
      order({
        status: 'PAID',
        refundedFen: 42100,
        fulfillments: [eggsBack, order().fulfillments[1]!],
        refunds: [
          {
            id: 'r-1',
            kind: 'ADMIN',
            status: 'SUCCEEDED',
            amountFen: 42100,
            shippingFen: 2500,
            reason: '冷链车故障，这批樱桃无法按时送达',
            createdAt: '2026-11-30T02:00:00Z',
            confirmedAt: '2026-11-30T02:00:01Z',
            lines: [{ orderLineId: 'ol-1', quantity: 2, amountFen: 39600 }],
          },
        ],
      }),
    );

    expect(text(app, 'order-status')).toBe('已付款');
    expect(text(app, 'order-partly-refunded')).toBe('部分退款');
    expect(text(app, 'order-refund-reason')).toBe('退款原因：冷链车故障，这批樱桃无法按时送达');
    const cards = app.findAll('[data-testid="shipment-card"]');
    expect(cards.map((card) => card.get('[data-testid="shipment-status"]').text())).toEqual(['已取消', '待发货']);
    expect(cards[0]!.get('[data-testid="line-refunded"]').text()).toBe('· 已退款 2 件');
    expect(exists(app, 'order-cancel')).toBe(true);
    expect(exists(app, 'confirm-receipt')).toBe(false);
  });

  it('words a refund of units found short on delivery, and shows an accepted part as any shipped one', async () => {
    const accepted = fulfillment({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
      lines: [{ ...fulfillment().lines[0]!, refundedQuantity: 1 }],
      acceptance: {
        acceptedAt: '2026-12-14T02:30:00Z',
        automatic: false,
        lines: [{ lineId: 'ol-1', acceptedQuantity: 1, reason: 'DAMAGED' }],
        claim: { id: 'claim-1', status: 'REFUNDED', refundId: 'r-1', declineReason: null, photos: [] },
      },
    });
    const { app } = await openOrder(
      order({
        status: 'SHIPPED',
        refundedFen: 19800,
        fulfillments: [accepted],
        refunds: [
          {
            id: 'r-1',
            kind: 'SHORTFALL',
            status: 'SUCCEEDED',
            amountFen: 19800,
            shippingFen: 0,
            reason: '验收短缺 / Short on delivery: DAMAGED',
            createdAt: '2026-12-15T02:00:00Z',
            confirmedAt: '2026-12-15T02:00:01Z',
            lines: [{ orderLineId: 'ol-1', quantity: 1, amountFen: 19800 }],
          },
        ],
      }),
    );

    expect(text(app, 'order-refund')).toContain('验收短缺退款');
    expect(text(app, 'order-refund-amount')).toBe('¥198.00');
    expect(app.get('[data-testid="shipment-card"]').get('[data-testid="shipment-status"]').text()).toBe('已发货');
  });

  it('offers an after-sales claim on each shipped parcel, links each line to its lots, and lists the order’s claims', async () => {
    const shipped = fulfillment({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
      lines: [
        {
          ...fulfillment().lines[0]!,
          lots: [
            { code: 'K7QX3M9A', quantity: 1 },
            { code: 'P3RT8WXY', quantity: 1 },
          ],
        },
      ],
    });
    const { app, server } = await openOrder(order({ status: 'PARTIALLY_SHIPPED', fulfillments: [shipped, order().fulfillments[1]!] }), {
      'GET /api/claims': () =>
        jsonResponse(200, {
          items: [claim({ status: 'OFFERED', offeredFen: 4_600 }), claim({ id: 'claim-9', orderNumber: 'QH20261128-000100' })],
        }),
    });

    const [cherries, tea] = app.findAll('[data-testid="shipment-card"]');
    expect(cherries!.get('[data-testid="open-claim"]').attributes('href')).toBe(`/orders/${NUMBER}/claim?line=ol-1`);
    expect(cherries!.get('[data-testid="open-claim"]').text()).toBe('申请售后');
    expect(tea!.find('[data-testid="open-claim"]').exists()).toBe(false);
    const lots = cherries!.findAll('[data-testid="line-lot"]');
    expect(lots.map((lot) => lot.attributes('href'))).toEqual(['/lot/K7QX3M9A', '/lot/P3RT8WXY']);
    expect(lots[0]!.text()).toBe('批次 K7QX3M9A（1 件）');
    expect(tea!.find('[data-testid="line-lot"]').exists()).toBe(false);
    // The buyer's claims on this order only, each leading to its page.
    expect(server.callsTo('GET', '/api/claims')).toHaveLength(1);
    const claims = app.findAll('[data-testid="order-claim"]');
    expect(claims).toHaveLength(1);
    expect(claims[0]!.attributes('data-status')).toBe('OFFERED');
    expect(claims[0]!.get('a').attributes('href')).toBe('/claims/claim-1');
    expect(claims[0]!.text()).toContain('合作社部分同意');
  });

  it('asks for no claims while nothing has shipped, and words a claim’s refund', async () => {
    const { app, server } = await openOrder(
      order({
        status: 'PAID',
        refundedFen: 4_600,
        refunds: [
          {
            id: 'r-1',
            kind: 'CLAIM',
            status: 'SUCCEEDED',
            amountFen: 4_600,
            shippingFen: 0,
            reason: '售后',
            createdAt: '2026-12-15T02:00:00Z',
            confirmedAt: '2026-12-15T02:00:01Z',
            lines: [{ orderLineId: 'ol-1', quantity: 1, amountFen: 4_600 }],
          },
        ],
      }),
    );

    expect(server.callsTo('GET', '/api/claims')).toHaveLength(0);
    expect(app.find('[data-testid="open-claim"]').exists()).toBe(false);
    expect(app.find('[data-testid="order-claims"]').exists()).toBe(false);
    expect(text(app, 'order-refund')).toContain('售后退款');
    expect(text(app, 'order-refund-amount')).toBe('¥46.00');
  });

  it('lets the buyer confirm receipt once everything shipped', async () => {
    const shipped = fulfillment({ status: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890123' });
    const { app } = await openOrder(order({ status: 'SHIPPED', fulfillments: [shipped] }), {
      [`POST /api/orders/${NUMBER}/confirm-receipt`]: () => jsonResponse(200, order({ status: 'COMPLETED', fulfillments: [shipped] })),
    });

    await app.get('[data-testid="confirm-receipt"]').trigger('click');
    await settle();

    expect(text(app, 'order-status')).toBe('已完成');
    expect(exists(app, 'confirm-receipt')).toBe(false);
  });

  it('cancels an order, and reloads it when the status moved on in the meantime', async () => {
    let current = order({ status: 'PAID' });
    const { app } = await openOrder(current, {
      [`GET /api/orders/${NUMBER}`]: () => jsonResponse(200, current),
      [`POST /api/orders/${NUMBER}/cancel`]: () => {
        current = order({ status: 'PARTIALLY_SHIPPED' });
        return errorResponse(409, 'ORDER_STATUS_CONFLICT');
      },
    });

    await app.get('[data-testid="order-cancel"]').trigger('click');
    await settle();

    expect(text(app, 'order-action-error')).toBe('订单状态已变化，页面已更新，请查看后再操作。');
    expect(text(app, 'order-status')).toBe('部分发货');
    expect(exists(app, 'order-cancel')).toBe(false);
  });

  it('lists the buyer’s orders, linked from the account menu', async () => {
    fakeSessionApi(userWithRole('buyer'), {
      'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
      'GET /api/orders': () =>
        jsonResponse(200, { items: [order(), order({ number: 'QH20261128-000100', status: 'COMPLETED' })], nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/orders' }));
    await settle();

    const rows = wrapper.findAll('[data-testid="order-row"]');
    expect(rows.map((row) => row.attributes('data-number'))).toEqual([NUMBER, 'QH20261128-000100']);
    expect(rows[0]!.text()).toContain('待付款');
    expect(rows[0]!.text()).toContain('¥559.00');
    expect(rows[0]!.get('a').attributes('href')).toBe(`/orders/${NUMBER}`);
  });

  it('files the orders under status tabs, each its own question to the API, with a thumbnail of what was bought', async () => {
    const withPhoto = order({ status: 'PAID' });
    withPhoto.fulfillments[0]!.lines[0]!.imageUrl = '/uploads/cherry.webp';
    const server = fakeSessionApi(userWithRole('buyer'), {
      'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
      'GET /api/orders': (request) =>
        jsonResponse(200, { items: new URL(request.url).searchParams.get('tab') === 'TO_SHIP' ? [withPhoto] : [], nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/orders' }));
    await settle();
    expect(wrapper.findAll('.orders__tab').map((tab) => tab.text())).toEqual(['全部', '待付款', '待发货', '待收货', '退款/售后']);

    await wrapper.get('[data-testid="orders-tab-TO_SHIP"]').trigger('click');
    await settle();

    expect(wrapper.vm.$route.fullPath).toBe('/orders?tab=TO_SHIP');
    expect(new URL(server.callsTo('GET', '/api/orders').at(-1)!.url).searchParams.get('tab')).toBe('TO_SHIP');
    expect(wrapper.get('[data-testid="orders-tab-TO_SHIP"]').attributes('aria-current')).toBe('page');
    expect(wrapper.findAll('[data-testid="order-thumb"]').map((img) => img.attributes('src'))).toEqual(['/uploads/cherry.webp']);
  });

  it('lists the invoices of an order that asked for one, with their state, and downloads an issued one', async () => {
    const INVOICES = `/api/orders/${NUMBER}/invoices`;
    const { app, server } = await openOrder(order({ status: 'SHIPPED', invoice: orderInvoice() }), {
      [`GET ${INVOICES}`]: () =>
        jsonResponse(200, {
          items: [
            issuedInvoice(),
            invoiceRequest({ id: 'ir-2', fulfillmentId: 'f-2', cooperativeName: '百花坪茶叶合作社', amountFen: 13_800 }),
            invoiceRequest({ id: 'ir-3', kind: 'RED_LETTER', status: 'OPEN', amountFen: 19_800 }),
          ],
        }),
      [`GET ${INVOICES}/ir-1/file`]: () => pdfResponse(),
    });

    expect(text(app, 'order-invoice-whom')).toBe(`开票信息：广州市天河区机关事务管理局（普通发票） · 税号 ${TAX_NUMBER}`);
    const invoices = app.findAll('[data-testid="order-invoice"]');
    expect(invoices.map((invoice) => invoice.get('[data-testid="order-invoice-status"]').text())).toEqual(['已开票', '待开票', '待开票']);
    expect(invoices.map((invoice) => invoice.get('[data-testid="order-invoice-amount"]').text())).toEqual([
      '¥421.00',
      '¥138.00',
      '-¥198.00',
    ]);
    expect(invoices[0]!.get('[data-testid="order-invoice-number"]').text()).toBe('发票号码 26442000000012345678，开票日期 2026年12月9日');
    expect(invoices[1]!.find('[data-testid="order-invoice-download"]').exists()).toBe(false);
    expect(invoices[2]!.get('[data-testid="order-invoice-red"]').text()).toBe('红字发票');

    const downloads = captureDownloads();
    try {
      await invoices[0]!.get('[data-testid="order-invoice-download"]').trigger('click');
      await settle();
    } finally {
      downloads.restore();
    }
    expect(server.callsTo('GET', `${INVOICES}/ir-1/file`)[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(downloads.saved).toEqual(['invoice-QH20261129-000123-26442000000012345678.pdf']);
  });

  it('says the invoices come once the parcels have shipped, and asks for none when the order wanted no invoice', async () => {
    const INVOICES = `/api/orders/${NUMBER}/invoices`;
    const { app } = await openOrder(order({ status: 'PAID', invoice: orderInvoice({ taxNumber: null }) }), {
      [`GET ${INVOICES}`]: () => jsonResponse(200, { items: [] }),
    });
    expect(text(app, 'order-invoice-whom')).toBe('开票信息：广州市天河区机关事务管理局（普通发票）');
    expect(text(app, 'order-invoices-none')).toBe('每个合作社在发货后为自己的包裹开具发票，开好后可在这里下载。');
    app.unmount();

    const { app: without, server } = await openOrder(order({ status: 'PAID' }));
    expect(without.find('[data-testid="order-invoices"]').exists()).toBe(false);
    expect(server.callsTo('GET', INVOICES)).toHaveLength(0);
  });
});
