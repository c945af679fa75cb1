import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from 'vue-router';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { productDetail, productItem, variant } from '../../../testing/catalog';
import { QUOTE_DELAY_MS } from '../composables/useBulkOrder';
import type { MyOrganisation, OrgOrderRequest, OrgQuoteRequest } from '../org-api';
import { buyerIn, deliverySite, myOrganisation, orgOrder, orgQuote, quoteLine } from '../testing/fixtures';
import { invoiceProfile, specialInvoiceProfile } from '../../shop/testing/invoice-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const purchaserOrg = (overrides: Partial<MyOrganisation> = {}) =>
  myOrganisation({ status: 'VERIFIED', verifiedAt: '2026-03-05T02:00:00.000Z', roles: ['PURCHASER'], ...overrides });

const CHERRIES = productDetail({
  slug: 'cherry-case',
  titleZh: '厍东关玛瑙红樱桃',
  titleEn: 'Shedongguan agate-red cherries',
  variants: [
    variant({
      id: 'v-case',
      labelZh: '5 kg 整箱',
      labelEn: '5 kg case',
      priceFen: 45_800,
      priceBreaks: [
        { minQuantity: 20, priceFen: 41_800 },
        { minQuantity: 50, priceFen: 39_800 },
      ],
    }),
  ],
});

/** The quote of what was asked, as the API prices it: ¥458.00 a case, ¥418.00 from 20, ¥398.00 from 50. */
function quoteOf(body: OrgQuoteRequest, stock = 200) {
  const lines = body.lines.map(({ quantity }) =>
    quoteLine({ quantity, unitPriceFen: quantity >= 50 ? 39_800 : quantity >= 20 ? 41_800 : 45_800, stock }),
  );
  return orgQuote(lines);
}

async function openForm(routes: Record<string, Handler> = {}, organisation = purchaserOrg()) {
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    'GET /api/org/sites': () => jsonResponse(200, { items: [deliverySite()] }),
    'GET /api/products': () =>
      jsonResponse(200, { items: [productItem({ slug: 'cherry-case', titleZh: CHERRIES.titleZh })], nextCursor: null }),
    'GET /api/products/cherry-case': () => jsonResponse(200, CHERRIES),
    'POST /api/org/orders/quote': async (request) => jsonResponse(200, quoteOf((await request.json()) as OrgQuoteRequest)),
    ...routes,
  });
  let router: Router;
  ({ wrapper, router } = await mountApp({ path: '/org/orders/new' }));
  await settle();
  return { app: wrapper!, api, router };
}

const byTestId = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`);

/** The quote is asked for once typing pauses. */
async function quoted(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, QUOTE_DELAY_MS + 50));
  await settle();
}

/** Finds the cherries by pinyin and adds `quantity` cases of the 5 kg case. */
async function addCherries(app: VueWrapper, quantity: string) {
  await byTestId(app, 'picker-query').setValue('yingtao');
  await byTestId(app, 'picker-search').trigger('submit');
  await settle();
  await byTestId(app, 'picker-choose').trigger('click');
  await settle();
  await byTestId(app, 'picker-quantity').setValue(quantity);
  await byTestId(app, 'picker-chosen').trigger('submit');
  await quoted();
}

async function submit(app: VueWrapper) {
  await byTestId(app, 'bulk-form').trigger('submit');
  await settle();
}

describe('OrgOrderNewPage', () => {
  it('quotes a line at the break it reaches, says it will wait for approval, and places exactly that order with an Idempotency-Key', async () => {
    const { app, api, router } = await openForm({
      'POST /api/org/orders': () => jsonResponse(201, orgOrder({ status: 'AWAITING_APPROVAL' })),
      'GET /api/org/orders/QH20261129-000123': () => jsonResponse(200, orgOrder({ status: 'AWAITING_APPROVAL' })),
    });

    expect(app.get('h1').text()).toBe('新建采购单');
    await addCherries(app, '30');

    expect(new URL(api.callsTo('GET', '/api/products')[0]!.url).searchParams.get('q')).toBe('yingtao');
    // The one site is chosen, and the quote asks for the earliest day itself.
    expect(await api.callsTo('POST', '/api/org/orders/quote').at(-1)!.json()).toEqual({
      siteId: 'site-1',
      lines: [{ variantId: 'v-case', quantity: 30 }],
    });
    const line = byTestId(app, 'bulk-line');
    expect(line.get('[data-testid="bulk-unit"]').text()).toBe('¥418.00');
    expect(line.get('[data-testid="bulk-base-price"]').text()).toBe('¥458.00');
    expect(line.findAll('[data-testid="bulk-breaks"] li').map((step) => step.text())).toEqual([
      '满20件 ¥418.00/件（已享受）',
      '满50件 ¥398.00/件',
    ]);
    expect(line.get('[data-testid="bulk-line-total"]').text()).toBe('¥12,540.00');

    const part = byTestId(app, 'bulk-part');
    expect(part.get('h3').text()).toBe('厍东关樱桃合作社');
    expect(part.get('[data-testid="bulk-part-items"]').text()).toBe('¥12,540.00');
    expect(part.get('[data-testid="bulk-part-fee"]').text()).toBe('¥120.00');
    expect(part.get('[data-testid="bulk-part-earliest"]').text()).toBe('2026年12月3日');
    expect(byTestId(app, 'bulk-total').text()).toBe('¥12,660.00');
    expect((byTestId(app, 'bulk-day').element as HTMLInputElement).value).toBe('2026-12-03');
    expect(byTestId(app, 'bulk-approval-notice').text()).toContain('合计达到单位的审批金额 ¥5,000.00');
    expect(byTestId(app, 'bulk-approval-notice').text()).toContain('保留 48 小时');
    expect(byTestId(app, 'bulk-submit').text()).toBe('提交审批');

    await byTestId(app, 'bulk-note').setValue(' 请走东门卸货 ');
    await submit(app);

    const placed = api.callsTo('POST', '/api/org/orders');
    expect(placed).toHaveLength(1);
    expect((await placed[0]!.json()) as OrgOrderRequest).toEqual({
      siteId: 'site-1',
      deliveryOn: '2026-12-03',
      lines: [{ variantId: 'v-case', quantity: 30 }],
      note: '请走东门卸货',
    });
    expect(placed[0]!.headers.get('Idempotency-Key')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(router.currentRoute.value.path).toBe('/org/orders/QH20261129-000123');
    expect(byTestId(app, 'org-order-notice').text()).toBe('采购单已提交，等待审批人审批；审批通过后再付款或记账。');
  });

  it('sends the same Idempotency-Key again when the answer to a submission was lost', async () => {
    let attempts = 0;
    const { app, api } = await openForm({
      'POST /api/org/orders': () => (++attempts === 1 ? errorResponse(503, 'DATABASE_UNAVAILABLE') : jsonResponse(201, orgOrder())),
      'GET /api/org/orders/QH20261129-000123': () => jsonResponse(200, orgOrder()),
    });
    await addCherries(app, '10');

    await submit(app);
    expect(byTestId(app, 'bulk-error').text()).toBe('出了点问题，请稍后再试。');
    await submit(app);

    const keys = api.callsTo('POST', '/api/org/orders').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows the day the API refused at the delivery day, in words, with the earliest day', async () => {
    const { app, api } = await openForm({
      'POST /api/org/orders': () =>
        jsonResponse(422, {
          statusCode: 422,
          code: 'DELIVERY_DATE_UNAVAILABLE',
          message: '2026-12-02 does not work for this order; the earliest day every cooperative can deliver is 2026-12-03.',
          requestId: 'req-test',
          details: [{ field: 'deliveryOn', problems: ['2026-12-02 is too soon'], rules: ['TOO_SOON', 'SITE_CLOSED'] }],
        }),
    });
    await addCherries(app, '30');
    await byTestId(app, 'bulk-day').setValue('2026-12-02');
    await quoted();
    expect(await api.callsTo('POST', '/api/org/orders/quote').at(-1)!.json()).toMatchObject({ deliveryOn: '2026-12-02' });

    await submit(app);

    expect((await api.callsTo('POST', '/api/org/orders')[0]!.json()) as OrgOrderRequest).toMatchObject({ deliveryOn: '2026-12-02' });
    const day = byTestId(app, 'bulk-day');
    expect(byTestId(app, 'bulk-day-error').text()).toBe('太早了：最早 2026年12月3日 才能送到；收货点这一天不收货');
    expect(day.attributes('aria-invalid')).toBe('true');
    expect(day.attributes('aria-describedby')).toContain('bulk-day-error');
    expect(document.activeElement).toBe(day.element);
    expect(byTestId(app, 'bulk-error').text()).toBe('这一天送不到，采购单没有提交。请按送达日期下方的说明换一天。');
  });

  it('says why a chosen day does not work as soon as the quote does, and does not send the order', async () => {
    const { app, api } = await openForm({
      'POST /api/org/orders/quote': async (request) => {
        const body = (await request.json()) as OrgQuoteRequest;
        return jsonResponse(200, { ...quoteOf(body), deliveryProblems: body.deliveryOn ? ['SITE_CLOSED'] : [] });
      },
    });
    await addCherries(app, '30');
    await byTestId(app, 'bulk-day').setValue('2026-12-05');
    await quoted();

    expect(byTestId(app, 'bulk-day-error').text()).toBe('收货点这一天不收货');
    await submit(app);
    expect(api.callsTo('POST', '/api/org/orders')).toHaveLength(0);
  });

  it('warns of a line beyond the stock, and marks it when the API refuses it as out of stock', async () => {
    const { app } = await openForm({
      'POST /api/org/orders/quote': async (request) => jsonResponse(200, quoteOf((await request.json()) as OrgQuoteRequest, 12)),
      'POST /api/org/orders': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'OUT_OF_STOCK',
          message: 'Not enough stock',
          requestId: 'req-test',
          details: [{ field: 'lines.0', problems: ['厍东关玛瑙红樱桃 5 kg 整箱: only 12 left'] }],
        }),
    });
    await addCherries(app, '30');
    expect(byTestId(app, 'bulk-line-warning').text()).toBe('现有库存 12 件，不够这个数量。');

    await submit(app);

    expect(byTestId(app, 'bulk-error').text()).toBe('标出的商品库存不足，采购单没有提交。请减少数量后再提交。');
    expect(byTestId(app, 'bulk-line-error').text()).toBe('库存不足：现有 12 件。');
    expect(byTestId(app, 'bulk-quantity').attributes('aria-invalid')).toBe('true');
  });

  it('checks quantities before asking the API, and adding a variant again adds to its line', async () => {
    const { app, api } = await openForm();
    await addCherries(app, '5');
    await addCherries(app, '20');

    expect(app.findAll('[data-testid="bulk-line"]')).toHaveLength(1);
    expect((byTestId(app, 'bulk-quantity').element as HTMLInputElement).value).toBe('25');
    expect(byTestId(app, 'bulk-added').text()).toBe('厍东关玛瑙红樱桃 · 5 kg 整箱 已在采购单里，数量增加 20。');

    const asked = api.callsTo('POST', '/api/org/orders/quote').length;
    await byTestId(app, 'bulk-quantity').setValue('10000');
    await quoted();
    expect(byTestId(app, 'bulk-line-error').text()).toBe('请填写 1–9999 之间的整数。');
    expect(api.callsTo('POST', '/api/org/orders/quote')).toHaveLength(asked);
    await submit(app);
    expect(api.callsTo('POST', '/api/org/orders')).toHaveLength(0);
    expect(document.activeElement).toBe(byTestId(app, 'bulk-quantity').element);
  });

  it('tells a member who is not a purchaser that only purchasers place orders', async () => {
    const { app } = await openForm({}, purchaserOrg({ roles: ['APPROVER'] }));

    expect(byTestId(app, 'bulk-not-purchaser').text()).toContain('只有采购员可以提交采购单');
    expect(app.find('[data-testid="product-picker"]').exists()).toBe(false);
    expect(app.find('[data-testid="org-nav-new-order"]').exists()).toBe(false);
  });

  it('lets a purchaser of an organisation not yet verified build a quote but not place it', async () => {
    const { app } = await openForm({}, purchaserOrg({ status: 'PENDING', verifiedAt: null }));
    await addCherries(app, '30');

    expect(byTestId(app, 'bulk-not-verified').text()).toContain('单位通过平台审核后才能提交采购单');
    expect(byTestId(app, 'bulk-total').text()).toBe('¥12,660.00');
    expect(byTestId(app, 'bulk-submit').attributes('disabled')).toBeDefined();
  });

  it('offers the organisation’s default invoice profile, and sends the one chosen, or none', async () => {
    const { app, api } = await openForm({
      'GET /api/org/invoice-profiles': () =>
        jsonResponse(200, { items: [specialInvoiceProfile({ isDefault: true }), invoiceProfile({ isDefault: false })] }),
      'POST /api/org/orders': () => jsonResponse(201, orgOrder({ status: 'AWAITING_APPROVAL' })),
      'GET /api/org/orders/QH20261129-000123': () => jsonResponse(200, orgOrder({ status: 'AWAITING_APPROVAL' })),
    });
    await addCherries(app, '30');

    const select = byTestId(app, 'bulk-invoice');
    expect((select.element as HTMLSelectElement).value).toBe('ip-2');
    expect(select.findAll('option').map((option) => option.text())).toEqual([
      '不需要发票',
      '广州市天河区机关事务管理局饭堂（增值税专用发票）',
      '广州市天河区机关事务管理局（普通发票）',
    ]);
    await submit(app);
    expect(await api.callsTo('POST', '/api/org/orders')[0]!.json()).toMatchObject({ invoiceProfileId: 'ip-2' });
  });

  it('leaves the invoice out when the purchaser chooses none, and points to the profiles when there are none', async () => {
    const { app, api } = await openForm({
      'GET /api/org/invoice-profiles': () => jsonResponse(200, { items: [invoiceProfile()] }),
      'POST /api/org/orders': () => jsonResponse(201, orgOrder({ status: 'AWAITING_APPROVAL' })),
      'GET /api/org/orders/QH20261129-000123': () => jsonResponse(200, orgOrder({ status: 'AWAITING_APPROVAL' })),
    });
    await addCherries(app, '30');
    await byTestId(app, 'bulk-invoice').setValue('');
    await submit(app);
    expect(await api.callsTo('POST', '/api/org/orders')[0]!.json()).not.toHaveProperty('invoiceProfileId');
    app.unmount();

    const { app: none } = await openForm({ 'GET /api/org/invoice-profiles': () => jsonResponse(200, { items: [] }) });
    expect(byTestId(none, 'bulk-invoice-none').text()).toContain('单位还没有开票信息');
    expect(byTestId(none, 'bulk-invoice-none').get('a').attributes('href')).toBe('/org/invoices');
  });
});
