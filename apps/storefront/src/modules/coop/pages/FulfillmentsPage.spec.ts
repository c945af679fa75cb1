import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { coopFulfillment, fulfillment } from '../../../testing/orders';
import { lot } from '../testing/lot-fixtures';

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
    // No lots recorded: the form ships without naming any.
    'GET /api/coop/lots': () => jsonResponse(200, { items: [] }),
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

describe('shipping from lots', () => {
  const cherryLine = fulfillment().lines[0]!;
  /** Lots of the cherry box: a newer one with plenty, an older one with one box left, an even older one with enough. */
  const LOTS = [
    lot({ id: 'lot-new', code: 'NEWLOT22', producedOn: '2026-12-05', quantity: 30, shippedQuantity: 0 }),
    lot({ id: 'lot-thin', code: 'THINLOT2', producedOn: '2026-11-28', quantity: 10, shippedQuantity: 9 }),
    lot({ id: 'lot-old', code: 'OLDLOT22', producedOn: '2026-12-01', quantity: 5, shippedQuantity: 1 }),
    lot({ id: 'lot-tea', code: 'TEALOT22', producedOn: '2026-11-01', product: { ...lot().product, id: 'p-tea', slug: 'baihuaping-tea' } }),
  ];
  const withLots = (items = LOTS) => ({ 'GET /api/coop/lots': () => jsonResponse(200, { items }) });

  async function fillCarrier(app: VueWrapper) {
    await row(app).get('[data-testid="ship-carrier"]').setValue('顺丰速运');
    await row(app).get('[data-testid="ship-tracking"]').setValue('SF1234567890123');
  }

  it('offers the product’s shippable lots and picks the oldest that holds the whole line', async () => {
    const { app, server } = await openFulfillments(withLots());

    const query = new URL(server.callsTo('GET', '/api/coop/lots')[0]!.url).searchParams;
    expect(query.get('shippable')).toBe('true');
    const select = row(app).get<HTMLSelectElement>('[data-testid="ship-lot-select"]');
    expect(select.findAll('option').map((option) => option.text())).toEqual([
      '请选择批次',
      'THINLOT2 · 化作村 · 2026年11月28日生产 · 余 1 件',
      'OLDLOT22 · 化作村 · 2026年12月1日生产 · 余 4 件',
      'NEWLOT22 · 化作村 · 2026年12月5日生产 · 余 30 件',
    ]);
    expect(select.element.value).toBe('lot-old');
    expect(row(app).get<HTMLInputElement>('[data-testid="ship-lot-quantity"]').element.value).toBe('2');
    expect(row(app).get('[data-testid="ship-lots"] legend').text()).toBe('厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒：发 2 件，来自哪个批次？');
  });

  it('sends the lots with the carrier and tracking number, and reads the lots again after shipping', async () => {
    const { app, server } = await openFulfillments({
      ...withLots(),
      'POST /api/coop/fulfillments/f-1/ship': () =>
        jsonResponse(200, coopFulfillment({ status: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890123' })),
    });

    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();

    expect(await server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')[0]!.json()).toEqual({
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
      lots: [{ lineId: cherryLine.id, lotId: 'lot-old', quantity: 2 }],
    });
    expect(row(app).attributes('data-status')).toBe('SHIPPED');
    expect(server.callsTo('GET', '/api/coop/lots')).toHaveLength(2);
  });

  it('splits a line over two lots, and checks they add up to the units sent', async () => {
    const { app, server } = await openFulfillments({
      ...withLots(),
      'POST /api/coop/fulfillments/f-1/ship': () => jsonResponse(200, coopFulfillment({ status: 'SHIPPED' })),
    });

    await row(app).get('[data-testid="ship-lot-select"]').setValue('lot-thin');
    await row(app).get('[data-testid="ship-lot-quantity"]').setValue('1');
    await row(app).get('[data-testid="ship-lot-add"]').trigger('click');
    const selects = row(app).findAll('[data-testid="ship-lot-select"]');
    expect(selects).toHaveLength(2);
    expect((selects[1]!.element as HTMLSelectElement).value).toBe('lot-old');
    await row(app).findAll('[data-testid="ship-lot-quantity"]')[1]!.setValue('3');
    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();

    expect(row(app).get('[data-testid="ship-lot-error"]').text()).toBe('各批次合计 4 件，要等于要发的 2 件。');
    expect(server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')).toHaveLength(0);

    await row(app).findAll('[data-testid="ship-lot-quantity"]')[1]!.setValue('1');
    await row(app).get('form').trigger('submit');
    await settle();

    expect((await server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')[0]!.json()).lots).toEqual([
      { lineId: cherryLine.id, lotId: 'lot-thin', quantity: 1 },
      { lineId: cherryLine.id, lotId: 'lot-old', quantity: 1 },
    ]);
  });

  it('says at once when all the product’s lots hold too few units, with the way to record one', async () => {
    const { app, server } = await openFulfillments(withLots([lot({ id: 'lot-thin', code: 'THINLOT2', quantity: 10, shippedQuantity: 9 })]));

    const problem = row(app).get('[data-testid="ship-lot-error"]');
    expect(problem.text()).toContain('这件商品的可发货批次一共只剩 1 件，不够发 2 件：请先登记新批次。');
    expect(problem.get('a').attributes('href')).toBe('/coop/lots');

    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();
    expect(server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')).toHaveLength(0);
  });

  it('ships without lots when the product has none, with a link to record them', async () => {
    const { app, server } = await openFulfillments({
      ...withLots([LOTS[3]!]),
      'POST /api/coop/fulfillments/f-1/ship': () => jsonResponse(200, coopFulfillment({ status: 'SHIPPED' })),
    });

    expect(row(app).find('[data-testid="ship-lot-select"]').exists()).toBe(false);
    const hint = row(app).get('[data-testid="ship-lot-none"]');
    expect(hint.text()).toContain('这个包裹的商品还没有可发货的批次，这次发货不记录批次。');
    expect(hint.get('[data-testid="ship-lot-record"]').attributes('href')).toBe('/coop/lots');

    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();
    expect(await server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')[0]!.json()).toEqual({
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890123',
    });
  });

  it('names lots for the products that have them and says which product has none', async () => {
    const twoProducts = coopFulfillment({
      lines: [
        cherryLine,
        { ...cherryLine, id: 'ol-2', productSlug: 'huazuo-eggs', titleZh: '化作村土鸡蛋', labelZh: '20枚装', quantity: 1 },
      ],
    });
    const { app, server } = await openFulfillments({
      ...withLots(),
      'GET /api/coop/fulfillments': () => jsonResponse(200, { items: [twoProducts], nextCursor: null }),
      'POST /api/coop/fulfillments/f-1/ship': () => jsonResponse(200, coopFulfillment({ status: 'SHIPPED' })),
    });

    expect(
      row(app)
        .findAll('[data-testid="ship-lots"]')
        .map((set) => set.attributes('data-line-id')),
    ).toEqual([cherryLine.id]);
    expect(row(app).get('[data-testid="ship-lot-none"]').text()).toContain('化作村土鸡蛋 · 20枚装 还没有可发货的批次');

    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();
    const sent = await server.callsTo('POST', '/api/coop/fulfillments/f-1/ship')[0]!.json();
    expect(sent.lots.map((lot: { lineId: string }) => lot.lineId)).toEqual(expect.arrayContaining([cherryLine.id]));
    expect(sent.lots.map((lot: { lineId: string }) => lot.lineId)).not.toContain('ol-2');
  });

  it('says why the API refused the lots, and offers them as they are now', async () => {
    const { app, server } = await openFulfillments({
      ...withLots(),
      'POST /api/coop/fulfillments/f-1/ship': () => errorResponse(409, 'LOT_OVERDRAWN'),
    });

    await fillCarrier(app);
    await row(app).get('form').trigger('submit');
    await settle();

    expect(row(app).get('[data-testid="ship-error"]').text()).toBe(
      '所选批次剩下的数量不够（可能刚有其他包裹从这个批次发货）。批次已刷新，请重新选择。',
    );
    expect(server.callsTo('GET', '/api/coop/lots')).toHaveLength(2);
  });

  it('reads the lots once for all the shipments on the page', async () => {
    const { server } = await openFulfillments({
      ...withLots(),
      'GET /api/coop/fulfillments': () =>
        jsonResponse(200, {
          items: [coopFulfillment(), coopFulfillment({ id: 'f-2', orderNumber: 'QH20261129-000124' })],
          nextCursor: null,
        }),
    });

    expect(server.callsTo('GET', '/api/coop/lots')).toHaveLength(1);
  });

  it('links a shipped part’s box labels and shows which lots its lines came from', async () => {
    const { app } = await openFulfillments({
      'GET /api/coop/fulfillments': () =>
        jsonResponse(200, {
          items: [
            coopFulfillment({
              status: 'SHIPPED',
              carrier: '顺丰速运',
              trackingNo: 'SF1234567890123',
              lines: [{ ...cherryLine, lots: [{ code: 'OLDLOT22', quantity: 2 }] }],
            }),
          ],
          nextCursor: null,
        }),
    });

    const link = row(app).get('[data-testid="labels-link"]');
    expect(link.text()).toBe('打印箱贴');
    expect(link.attributes('href')).toBe('/coop/fulfillments/f-1/labels');
    expect(row(app).get('[data-testid="fulfillment-line-lots"]').text()).toBe('批次：OLDLOT22 × 2');
  });
});
