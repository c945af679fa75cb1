import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { coopFulfillment } from '../../../testing/orders';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function openFulfillments(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  const server = fakeSessionApi(userWithRole('cooperative'), {
    'GET /api/coop/fulfillments': (request) => {
      const status = new URL(request.url).searchParams.get('status');
      const items = status === 'SHIPPED' ? [] : [coopFulfillment()];
      return jsonResponse(200, { items, nextCursor: null });
    },
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/coop/fulfillments' }));
  await settle();
  return { app: wrapper, server };
}

const row = (app: VueWrapper) => app.get('[data-testid="fulfillment-row"]');

describe('cooperative fulfillments page', () => {
  it('is linked from the portal nav and lists pending shipments with order number, address and lines', async () => {
    const { app, server } = await openFulfillments();

    expect(app.get('[data-testid="coop-nav-fulfillments"]').attributes('href')).toBe('/coop/fulfillments');
    expect(app.findAll('h1')).toHaveLength(1);
    expect(new URL(server.callsTo('GET', '/api/coop/fulfillments')[0]!.url).searchParams.get('status')).toBe('PENDING');
    expect(row(app).attributes('data-id')).toBe('f-1');
    expect(row(app).get('[data-testid="fulfillment-order"]').text()).toBe('订单 QH20261129-000123');
    expect(row(app).get('[data-testid="fulfillment-address"]').text()).toContain('陈晓岚 13800138000');
    expect(row(app).get('[data-testid="fulfillment-address"]').text()).toContain('广州市天河区');
    expect(row(app).get('[data-testid="fulfillment-lines"]').text()).toBe('厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒 × 2');
  });

  it('checks carrier and tracking number before sending', async () => {
    const { app, server } = await openFulfillments();

    await row(app).get('[data-testid="ship-tracking"]').setValue('SF 123');
    await row(app).get('form').trigger('submit');
    await settle();

    expect(row(app).get('[data-testid="ship-carrier-error"]').text()).toBe('请填写快递公司（2–40 个字）。');
    expect(row(app).get('[data-testid="ship-tracking-error"]').text()).toBe('运单号应为 6–40 位字母、数字或短横线。');
    expect(row(app).get('[data-testid="ship-tracking"]').attributes('aria-describedby')).toBe('ship-f-1-tracking-error');
    expect(server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')).toHaveLength(0);
  });

  it('offers the usual carriers, and checks an SF number by its shape before sending', async () => {
    const { app, server } = await openFulfillments();
    const carrierInput = row(app).get('[data-testid="ship-carrier"]');
    const list = app.get(`datalist#${carrierInput.attributes('list')}`);
    expect(list.findAll('option').map((option) => option.attributes('value'))).toContain('顺丰速运');

    await carrierInput.setValue('顺丰速运');
    await row(app).get('[data-testid="ship-tracking"]').setValue('753123456789');
    await row(app).get('form').trigger('submit');
    await settle();

    expect(row(app).get('[data-testid="ship-tracking-error"]').text()).toBe('这不像顺丰速运的运单号，例如 SF1234567890123。');
    expect(server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')).toHaveLength(0);
  });

  it('ships a pending shipment and shows its carrier and tracking number', async () => {
    const { app, server } = await openFulfillments({
      'POST /api/coop/fulfillments/f-1/ship': () =>
        jsonResponse(
          200,
          coopFulfillment({ status: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890123', shippedAt: '2026-11-30T03:00:00Z' }),
        ),
    });

    await row(app).get('[data-testid="ship-carrier"]').setValue('顺丰速运');
    await row(app).get('[data-testid="ship-tracking"]').setValue('SF1234567890123');
    await row(app).get('[data-testid="ship-submit"]').trigger('click');
    await settle();

    expect(await server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')[0]!.json()).toEqual({
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
    });
    expect(row(app).attributes('data-status')).toBe('SHIPPED');
    expect(row(app).get('[data-testid="fulfillment-tracking"]').text()).toBe('SF1234567890123');
    expect(row(app).find('[data-testid="ship-submit"]').exists()).toBe(false);
  });

  it('says why a shipment could not ship', async () => {
    const { app } = await openFulfillments({
      'POST /api/coop/fulfillments/f-1/ship': () => errorResponse(422, 'PRESALE_NOT_SHIPPABLE'),
    });

    await row(app).get('[data-testid="ship-carrier"]').setValue('顺丰速运');
    await row(app).get('[data-testid="ship-tracking"]').setValue('SF1234567890123');
    await row(app).get('form').trigger('submit');
    await settle();

    expect(row(app).get('[data-testid="ship-error"]').text()).toBe('预售商品还没到发货日期，暂不能发货。');
  });

  it('shows the shipped tab on request', async () => {
    const { app } = await openFulfillments();

    await app.get('[data-testid="fulfillments-filter-SHIPPED"]').trigger('click');
    await settle();

    expect(app.get('[data-testid="fulfillments-empty"]').text()).toBe('还没有已发货的包裹。');
  });

  it('shows an organisation’s order with its delivery day, organisation and site, and links its delivery note', async () => {
    const { app } = await openFulfillments({
      'GET /api/coop/fulfillments': () =>
        jsonResponse(200, {
          items: [
            coopFulfillment({ delivery: { on: '2026-12-14', organisationName: '广州市天河区机关事务管理局饭堂', siteName: '机关一食堂' } }),
          ],
          nextCursor: null,
        }),
    });

    expect(row(app).get('[data-testid="fulfillment-delivery-day"]').text()).toBe('单位订单 · 2026年12月14日 送达');
    expect(row(app).get('[data-testid="fulfillment-organisation"]').text()).toBe('广州市天河区机关事务管理局饭堂 · 机关一食堂');
    const link = row(app).get('[data-testid="fulfillment-delivery-note"]');
    expect(link.text()).toBe('打印送货单');
    expect(link.attributes('href')).toBe('/coop/fulfillments/f-1/delivery-note');
  });

  it('shows what the organisation accepted of a shipped part, its shortfall and the claim', async () => {
    const { app } = await openFulfillments({
      'GET /api/coop/fulfillments': () =>
        jsonResponse(200, {
          items: [
            coopFulfillment({
              status: 'SHIPPED',
              carrier: '顺丰速运',
              trackingNo: 'SF1234567890123',
              shippedAt: '2026-12-13T02:00:00Z',
              delivery: { on: '2026-12-14', organisationName: '广州市天河区机关事务管理局饭堂', siteName: '机关一食堂' },
              acceptance: {
                acceptedAt: '2026-12-14T02:30:00Z',
                automatic: false,
                lines: [{ lineId: 'ol-1', acceptedQuantity: 1, reason: 'SPOILED' }],
                claim: { id: 'claim-1', status: 'PENDING', refundId: null, declineReason: null, photos: [] },
              },
            }),
          ],
          nextCursor: null,
        }),
    });

    const done = row(app).get('[data-testid="acceptance-done"][data-part-id="f-1"]');
    expect(done.text()).toMatch(/^已验收 · 2026年12月14日 \d{2}:\d{2}/);
    expect(done.get('[data-testid="acceptance-line"]').text()).toBe('厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒：实收 1 / 送达 2 · 变质');
    expect(done.get('[data-testid="acceptance-claim"]').text()).toBe('短缺申请：待平台处理');
  });

  it('shows no delivery day or note for a shop order', async () => {
    const { app } = await openFulfillments();

    expect(row(app).find('[data-testid="fulfillment-delivery"]').exists()).toBe(false);
    expect(row(app).find('[data-testid="fulfillment-delivery-note"]').exists()).toBe(false);
  });
});
