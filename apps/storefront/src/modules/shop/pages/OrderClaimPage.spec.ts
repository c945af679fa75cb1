import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { fulfillment, order } from '../../../testing/orders';
import { buyerIn, myOrganisation, orgOrder } from '../../org/testing/fixtures';
import type { Fulfillment, Order } from '../orders';
import { captureObjectUrls, claim, photoResponse } from '../testing/claim-fixtures';

let wrapper: VueWrapper | undefined;
let urls: ReturnType<typeof captureObjectUrls>;

beforeEach(() => {
  urls = captureObjectUrls();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  urls.restore();
});

type Handler = (request: Request) => Response | Promise<Response>;

const NUMBER = 'QH20261129-000123';

/** The egg cooperative's parcel, shipped: 3 boxes of eggs (one refunded already) and 2 trays of duck eggs. */
const eggParcel = (overrides: Partial<Fulfillment> = {}): Fulfillment =>
  fulfillment({
    id: 'f-1',
    status: 'SHIPPED',
    carrier: '顺丰速运',
    trackingNo: 'SF1400238877661',
    shippedAt: '2026-12-12T02:00:00Z',
    lines: [
      {
        ...fulfillment().lines[0]!,
        id: 'ol-1',
        titleZh: '化作村林下土鸡蛋 20枚',
        labelZh: '20枚装',
        unitPriceFen: 4_600,
        quantity: 3,
        refundedQuantity: 1,
        lineTotalFen: 13_800,
      },
      {
        ...fulfillment().lines[0]!,
        id: 'ol-3',
        titleZh: '化作村鸭蛋',
        labelZh: '30枚托',
        unitPriceFen: 5_800,
        quantity: 2,
        lineTotalFen: 11_600,
      },
    ],
    ...overrides,
  });

/** The egg parcel shipped, the tea cooperative's part still waiting. */
const shippedOrder = (overrides: Partial<Order> = {}) =>
  order({ status: 'PARTIALLY_SHIPPED', fulfillments: [eggParcel(), order().fulfillments[1]!], ...overrides });

async function openForm(shown: Order, path = `/orders/${NUMBER}/claim?line=ol-1`, routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    [`GET /api/orders/${NUMBER}`]: () => jsonResponse(200, shown),
    ...routes,
  });
  let router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

const text = (app: VueWrapper, id: string) => app.get(`[data-testid="${id}"]`).text();
const quantityOf = (app: VueWrapper, lineId: string) =>
  app.get(`[data-testid="claim-line"][data-line-id="${lineId}"] [data-testid="claim-quantity"]`);

async function pickPhotos(app: VueWrapper, files: File[]): Promise<void> {
  const input = app.get<HTMLInputElement>('[data-testid="claim-photos"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
}
const png = (name = 'broken.png') => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

describe('OrderClaimPage', () => {
  it('explains the rules and offers the shipped parcel’s lines, each up to the units not yet refunded', async () => {
    const { app } = await openForm(shippedOrder());

    expect(app.get('h1').text()).toBe('申请售后');
    expect(text(app, 'claim-rules')).toContain('收货后 48 小时内');
    expect(text(app, 'claim-rules')).toContain('茶叶、挂面可在收货后 7 天内');
    expect(text(app, 'claim-rules')).toContain('24 小时内答复');
    // One parcel shipped: it is named, no choice to make; the tea still waiting is not offered.
    expect(app.find('[data-testid="claim-parcel"]').exists()).toBe(false);
    expect(text(app, 'claim-parcel-name')).toContain('厍东关樱桃合作社发出的包裹');
    const lines = app.findAll('[data-testid="claim-line"]');
    expect(lines.map((line) => line.attributes('data-line-id'))).toEqual(['ol-1', 'ol-3']);
    expect(lines[0]!.text()).toContain('单价 ¥46.00 · 购买 3 件 · 可申请 2 件');
    expect(quantityOf(app, 'ol-1').attributes('max')).toBe('2');
    expect(quantityOf(app, 'ol-3').attributes('max')).toBe('2');
    expect(text(app, 'claim-amount')).toBe('¥0.00');
    expect(
      app
        .get('[data-testid="claim-reason"]')
        .findAll('option')
        .map((option) => option.text()),
    ).toEqual(['请选择', '破损', '变质', '短少', '错发', '质量问题']);
  });

  it('shows the amount asked as the units change, and says when a line asks for more than is left', async () => {
    const { app } = await openForm(shippedOrder());

    await quantityOf(app, 'ol-1').setValue('2');
    await quantityOf(app, 'ol-3').setValue('1');
    expect(text(app, 'claim-amount')).toBe('¥150.00');

    await quantityOf(app, 'ol-1').setValue('3');
    expect(app.get('[data-testid="claim-line"][data-line-id="ol-1"] [data-testid="claim-quantity-error"]').text()).toBe(
      '最多可申请 2 件。',
    );
  });

  it('sends the claim, uploads each photo with the bearer token, and opens the claim', async () => {
    let photos = 0;
    const { app, api, router } = await openForm(shippedOrder(), undefined, {
      'POST /api/claims': () => jsonResponse(201, claim()),
      'POST /api/claims/claim-1/photos': () => jsonResponse(200, claim({ photos: (photos += 1) })),
      'GET /api/claims/claim-1': () => jsonResponse(200, claim({ photos })),
      'GET /api/claims/claim-1/photos/0': () => photoResponse(),
      'GET /api/claims/claim-1/photos/1': () => photoResponse(),
    });

    await quantityOf(app, 'ol-1').setValue('2');
    await app.get('[data-testid="claim-reason"]').setValue('DAMAGED');
    await app.get('[data-testid="claim-note"]').setValue(' 两盒鸡蛋运输中压碎 ');
    await pickPhotos(app, [png('a.png'), png('b.png')]);
    expect(app.findAll('[data-testid="claim-photo-preview"]').map((img) => img.attributes('src'))).toEqual([
      'blob:photo-1',
      'blob:photo-2',
    ]);
    expect(text(app, 'claim-amount')).toBe('¥92.00');

    await app.get('[data-testid="claim-form"]').trigger('submit');
    await settle();

    expect(await api.callsTo('POST', '/api/claims')[0]!.json()).toEqual({
      orderNumber: NUMBER,
      reason: 'DAMAGED',
      note: '两盒鸡蛋运输中压碎',
      lines: [{ lineId: 'ol-1', quantity: 2 }],
    });
    const uploads = api.callsTo('POST', '/api/claims/claim-1/photos');
    expect(uploads).toHaveLength(2);
    expect(uploads[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(uploads[0]!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await uploads[0]!.formData()).get('file')).toBeInstanceOf(File);
    expect(router.currentRoute.value.fullPath).toBe('/claims/claim-1');
    expect(app.get('[data-testid="claim-status"]').attributes('data-status')).toBe('OPEN');
    // The previews were released when the form went.
    expect(urls.revoked).toEqual(expect.arrayContaining(['blob:photo-1', 'blob:photo-2']));
  });

  it('says what is missing before sending anything', async () => {
    const { app, api } = await openForm(shippedOrder());

    await app.get('[data-testid="claim-form"]').trigger('submit');
    await settle();

    expect(text(app, 'claim-error')).toBe('请至少为一件商品填写申请件数。');
    expect(text(app, 'claim-reason-error')).toBe('请选择问题类型。');
    expect(api.callsTo('POST', '/api/claims')).toHaveLength(0);
  });

  it('words the API’s refusals: the window closed, and units already claimed elsewhere on their line', async () => {
    let answer = errorResponse(422, 'CLAIM_WINDOW_CLOSED');
    const { app } = await openForm(shippedOrder(), undefined, { 'POST /api/claims': () => answer });
    await quantityOf(app, 'ol-1').setValue('1');
    await app.get('[data-testid="claim-reason"]').setValue('SPOILED');

    await app.get('[data-testid="claim-form"]').trigger('submit');
    await settle();
    expect(text(app, 'claim-error')).toBe('已超过这件商品的售后申请期限（生鲜冷链收货后 48 小时，茶叶、挂面 7 天）。');

    answer = jsonResponse(422, {
      statusCode: 422,
      code: 'CLAIM_QUANTITY_TOO_LARGE',
      message: 'At most 0 unit(s) of this line can be claimed.',
      details: [{ field: 'lines.ol-1', problems: ['At most 0'] }],
    });
    await app.get('[data-testid="claim-form"]').trigger('submit');
    await settle();
    expect(app.get('[data-testid="claim-error"]').attributes('data-code')).toBe('CLAIM_QUANTITY_TOO_LARGE');
    expect(app.get('[data-testid="claim-line"][data-line-id="ol-1"] [data-testid="claim-quantity-error"]').text()).toContain(
      '申请件数超过了可申请的件数',
    );
    expect(app.find('[data-testid="claim-line"][data-line-id="ol-3"] [data-testid="claim-quantity-error"]').exists()).toBe(false);
  });

  it('takes up to five JPEG, PNG or WebP photos, and lets one be removed', async () => {
    const { app } = await openForm(shippedOrder());

    await pickPhotos(app, [new File(['%PDF'], 'note.pdf', { type: 'application/pdf' })]);
    expect(text(app, 'claim-photos-error')).toBe('“note.pdf”不是 JPEG、PNG 或 WebP 图片。');

    await pickPhotos(
      app,
      [1, 2, 3, 4, 5, 6].map((n) => png(`${n}.png`)),
    );
    expect(app.findAll('[data-testid="claim-photo-preview"]')).toHaveLength(5);
    expect(text(app, 'claim-photos-error')).toBe('最多上传 5 张照片。');
    expect(app.get('[data-testid="claim-photos"]').attributes('disabled')).toBeDefined();

    await app.findAll('[data-testid="claim-photo-remove"]')[1]!.trigger('click');
    expect(app.findAll('[data-testid="claim-photo-preview"]').map((img) => img.attributes('src'))).toEqual([
      'blob:photo-1',
      'blob:photo-3',
      'blob:photo-4',
      'blob:photo-5',
    ]);
    expect(urls.revoked).toEqual(['blob:photo-2']);
  });

  it('chooses the parcel of the line the buyer came from, and the other parcel’s lines on a switch', async () => {
    const teaShipped = { ...order().fulfillments[1]!, status: 'SHIPPED' as const, shippedAt: '2026-12-13T02:00:00Z' };
    const { app } = await openForm(
      order({ status: 'SHIPPED', fulfillments: [eggParcel(), teaShipped] }),
      `/orders/${NUMBER}/claim?line=ol-2`,
    );

    const radios = app.findAll<HTMLInputElement>('[data-testid="claim-parcel"]');
    expect(radios).toHaveLength(2);
    expect(radios[1]!.element.checked).toBe(true);
    expect(app.findAll('[data-testid="claim-line"]').map((line) => line.attributes('data-line-id'))).toEqual(['ol-2']);

    await radios[0]!.setValue(true);
    expect(app.findAll('[data-testid="claim-line"]').map((line) => line.attributes('data-line-id'))).toEqual(['ol-1', 'ol-3']);
  });

  it('says when nothing has shipped yet', async () => {
    const { app } = await openForm(order({ status: 'PAID' }));

    expect(text(app, 'claim-no-parcel')).toContain('还没有已发货的包裹');
    expect(app.find('[data-testid="claim-form"]').exists()).toBe(false);
  });

  it('opens an organisation’s order for its receiver, and leads back to the organisation’s order page', async () => {
    const organisation = myOrganisation({ status: 'VERIFIED', roles: ['RECEIVER'] });
    const api = fakeSessionApi(buyerIn(organisation), {
      'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
      [`GET /api/orders/${NUMBER}`]: () => errorResponse(404, 'ORDER_NOT_FOUND'),
      [`GET /api/org/orders/${NUMBER}`]: () => jsonResponse(200, orgOrder({ status: 'SHIPPED', fulfillments: [eggParcel()] })),
    });
    ({ wrapper } = await mountApp({ path: `/orders/${NUMBER}/claim?line=ol-3` }));
    await settle();

    expect(api.callsTo('GET', `/api/org/orders/${NUMBER}`)).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="claim-line"]')).toHaveLength(2);
    expect(wrapper.get('.claim-form__back').attributes('href')).toBe(`/org/orders/${NUMBER}`);
  });

  it('says the order is not there for someone else’s number', async () => {
    const { app } = await openForm(shippedOrder(), `/orders/${NUMBER}/claim`, {
      [`GET /api/orders/${NUMBER}`]: () => errorResponse(404, 'ORDER_NOT_FOUND'),
    });

    expect(text(app, 'claim-form-load-error')).toBe('没有找到这个订单。');
  });
});
