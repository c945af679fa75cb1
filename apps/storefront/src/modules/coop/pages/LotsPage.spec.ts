import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { Lot } from '../lots';
import { CHERRY_BOX, FREE_RANGE_EGGS, lot } from '../testing/lot-fixtures';
import { managedProduct, ownCooperative } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const PRODUCTS = [
  managedProduct({ id: CHERRY_BOX.id, titleZh: CHERRY_BOX.titleZh, category: 'CHERRY', status: 'PUBLISHED' }),
  managedProduct({ id: FREE_RANGE_EGGS.id, titleZh: FREE_RANGE_EGGS.titleZh, category: 'EGG', status: 'PUBLISHED' }),
  managedProduct({ id: 'p-old', titleZh: '去年的樱桃', status: 'ARCHIVED' }),
];

const EGG_LOT = lot({
  id: 'lot-eggs',
  code: 'EGGS2345',
  product: FREE_RANGE_EGGS,
  quantity: 40,
  shippedQuantity: 12,
  quarantineNo: '5205252026120300173',
  hasReport: true,
  producedOn: '2026-12-02',
  bestBefore: '2099-12-26',
});

async function openLots(routes: Record<string, Handler> = {}, lots: Lot[] = [EGG_LOT, lot()], path = '/coop/lots') {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    'GET /api/coop/cooperative': () => jsonResponse(200, ownCooperative()),
    'GET /api/coop/products': () => jsonResponse(200, { items: PRODUCTS, nextCursor: null }),
    'GET /api/coop/lots': (request) => {
      const productId = new URL(request.url).searchParams.get('productId');
      return jsonResponse(200, { items: lots.filter((item) => !productId || item.product.id === productId) });
    },
    ...routes,
  });
  let router;
  ({ wrapper, router } = await mountApp({ path }));
  await settle();
  return { app: wrapper!, api, router: router! };
}

const rowOf = (app: VueWrapper, code: string) => app.get(`[data-testid="lot-row"][data-code="${code}"]`);
const form = (app: VueWrapper) => app.get('[data-testid="lot-form"]');

async function fillEggLot(app: VueWrapper, quarantine = '5205252026120300173') {
  await form(app).get('[data-testid="lot-product"]').setValue(FREE_RANGE_EGGS.id);
  await form(app).get('[data-testid="lot-village"]').setValue(' 化作村 ');
  await form(app).get('[data-testid="lot-produced-on"]').setValue('2026-12-02');
  await form(app).get('[data-testid="lot-quantity"]').setValue('40');
  await form(app).get('[data-testid="lot-certificate"]').setValue('HGZ-520525-20261');
  await form(app).get('[data-testid="lot-quarantine"]').setValue(quarantine);
}

const submit = async (app: VueWrapper) => {
  await form(app).trigger('submit');
  await settle();
};

describe('a cooperative’s lots page', () => {
  it('is in the portal’s nav and lists the lots with their product, village, dates, units and papers', async () => {
    const { app, api } = await openLots();

    expect(app.get('h1').text()).toBe('批次');
    expect(app.get('[data-testid="coop-nav-lots"]').attributes('aria-current')).toBe('page');
    expect(new URL(api.callsTo('GET', '/api/coop/lots')[0]!.url).searchParams.get('productId')).toBeNull();
    expect(app.findAll('[data-testid="lot-row"]').map((row) => row.attributes('data-code'))).toEqual(['EGGS2345', 'K7QX3M9A']);

    const eggs = rowOf(app, 'EGGS2345');
    expect(eggs.get('[data-testid="lot-code"]').text()).toBe('EGGS2345');
    expect(eggs.get('[data-testid="lot-row-product"]').text()).toBe('化作村林下土鸡蛋 20枚');
    expect(eggs.get('[data-testid="lot-row-village"]').text()).toBe('化作村');
    expect(eggs.text()).toContain('2026年12月2日');
    expect(eggs.get('[data-testid="lot-row-best-before"]').text()).toBe('2099年12月26日');
    expect(eggs.get('[data-testid="lot-row-units"]').text()).toBe('已发 12 / 共 40 件');
    expect(eggs.get('[data-testid="lot-row-certificate"]').text()).toBe('HGZ-520525-20261');
    expect(eggs.get('[data-testid="lot-row-quarantine"]').text()).toBe('5205252026120300173');
    expect(eggs.get('[data-testid="lot-row-report"]').text()).toBe('已上传');
    expect(eggs.get('[data-testid="lot-state"]').text()).toBe('可发货');
    // It has shipped: its report can no longer change.
    expect(eggs.find('[data-testid="lot-report-input"]').exists()).toBe(false);

    const cherries = rowOf(app, 'K7QX3M9A');
    expect(cherries.get('[data-testid="lot-row-quarantine"]').text()).toBe('无');
    expect(cherries.get('[data-testid="lot-row-report"]').text()).toBe('未上传');
    expect(cherries.find('[data-testid="lot-report-input"]').exists()).toBe(true);
  });

  it('shows closed, recalled and out-of-date lots as such', async () => {
    const { app } = await openLots({}, [
      lot({ id: 'a', code: 'CLOSED22', closedAt: '2026-12-10T00:00:00Z' }),
      lot({ id: 'b', code: 'RECALL22', recalledAt: '2026-12-11T00:00:00Z', recallNotice: '检出问题，请停止食用。' }),
      lot({ id: 'c', code: 'EXPIRED2', bestBefore: '2020-01-01' }),
      lot({ id: 'd', code: 'USEDUP22', quantity: 5, shippedQuantity: 5 }),
    ]);

    expect(rowOf(app, 'CLOSED22').get('[data-testid="lot-state"]').text()).toBe('已关闭');
    expect(rowOf(app, 'CLOSED22').find('[data-testid="lot-close"]').exists()).toBe(false);
    expect(rowOf(app, 'RECALL22').get('[data-testid="lot-state"]').text()).toBe('已召回');
    const recall = rowOf(app, 'RECALL22').findAll('[data-testid="lot-row-recall"] p');
    expect(recall.map((line) => line.text())).toEqual(['已于 2026年12月11日 召回', '检出问题，请停止食用。']);
    expect(rowOf(app, 'EXPIRED2').get('[data-testid="lot-state"]').text()).toBe('已过保质期');
    expect(rowOf(app, 'USEDUP22').get('[data-testid="lot-state"]').text()).toBe('已发完');
  });

  it('offers the cooperative’s products, not the archived ones, and checks the form before sending', async () => {
    const { app, api } = await openLots();

    const options = form(app).findAll('[data-testid="lot-product"] option');
    expect(options.map((option) => option.text())).toEqual(['请选择', '厍东关玛瑙红樱桃礼盒', '化作村林下土鸡蛋 20枚']);

    await form(app).get('[data-testid="lot-produced-on"]').setValue('2999-01-01');
    await form(app).get('[data-testid="lot-quantity"]').setValue('2.5');
    await form(app).get('[data-testid="lot-certificate"]').setValue('合格');
    await submit(app);

    expect(form(app).get('[data-testid="lot-product-error"]').text()).toBe('请选择商品。');
    expect(form(app).get('[data-testid="lot-village-error"]').text()).toBe('请填写村名（1–40 个字）。');
    expect(form(app).get('[data-testid="lot-produced-on-error"]').text()).toBe('生产日期不能晚于今天。');
    expect(form(app).get('[data-testid="lot-quantity-error"]').text()).toBe('请填写 1–1000000 之间的整数。');
    expect(form(app).get('[data-testid="lot-certificate-error"]').text()).toBe('编号须为 4–40 位字母、数字或短横线。');
    expect(api.callsTo('POST', '/api/coop/lots')).toHaveLength(0);
  });

  it('requires the quarantine certificate for eggs, and says so at the field', async () => {
    const { app, api } = await openLots();

    expect(form(app).get('label[for="lot-quarantine"]').text()).toBe('动物检疫合格证明编号（选填）');
    await fillEggLot(app, '');
    expect(form(app).get('label[for="lot-quarantine"]').text()).toBe('动物检疫合格证明编号（必填）');
    expect(form(app).get('[data-testid="lot-quarantine"]').attributes('required')).toBeDefined();
    await submit(app);

    expect(form(app).get('[data-testid="lot-quarantine-error"]').text()).toBe('这件商品是鸡、蛋或猪肉，必须填写动物检疫合格证明编号。');
    expect(form(app).get('[data-testid="lot-quarantine"]').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/coop/lots')).toHaveLength(0);
  });

  it('records a lot and shows it on top of the list with its code', async () => {
    const recorded = lot({ id: 'lot-new', code: 'NEWEGG23', product: FREE_RANGE_EGGS, quarantineNo: '5205252026120300173' });
    const { app, api } = await openLots({ 'POST /api/coop/lots': () => jsonResponse(201, recorded) });

    await fillEggLot(app);
    await submit(app);

    expect(await api.callsTo('POST', '/api/coop/lots')[0]!.json()).toEqual({
      productId: FREE_RANGE_EGGS.id,
      village: '化作村',
      producedOn: '2026-12-02',
      quantity: 40,
      certificateNo: 'HGZ-520525-20261',
      quarantineNo: '5205252026120300173',
    });
    expect(app.findAll('[data-testid="lot-row"]')[0]!.attributes('data-code')).toBe('NEWEGG23');
    expect(app.get('[data-testid="lot-recorded"]').text()).toBe('已登记批次 NEWEGG23。');
    // The product and village stay for the next lot; its papers and units start empty.
    expect((form(app).get('[data-testid="lot-village"]').element as HTMLInputElement).value).toBe(' 化作村 ');
    expect((form(app).get('[data-testid="lot-certificate"]').element as HTMLInputElement).value).toBe('');
  });

  it('shows what the API refused at the field it concerns', async () => {
    const { app } = await openLots({
      'POST /api/coop/lots': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: [{ field: 'village', problems: ['village must be shorter'], rules: ['length'] }],
        }),
    });

    await fillEggLot(app);
    await submit(app);

    expect(app.get('[data-testid="lot-form-error"]').text()).toBe('有信息不完整或格式不正确，请查看标出的项目。');
    expect(form(app).get('[data-testid="lot-village-error"]').text()).toContain('服务器未接受此项：');
  });

  it('shows the API’s quarantine refusal at the quarantine field', async () => {
    const { app } = await openLots({ 'POST /api/coop/lots': () => errorResponse(422, 'QUARANTINE_CERTIFICATE_REQUIRED') });

    await fillEggLot(app);
    await submit(app);

    expect(app.get('[data-testid="lot-form-error"]').text()).toBe('鸡、蛋、猪肉必须填写动物检疫合格证明编号。');
    expect(form(app).get('[data-testid="lot-quarantine-error"]').text()).toBe('这件商品是鸡、蛋或猪肉，必须填写动物检疫合格证明编号。');
  });

  it('uploads a test report as multipart form data and shows it on file', async () => {
    const { app, api } = await openLots({
      'POST /api/coop/lots/lot-1/report': () => jsonResponse(200, lot({ hasReport: true })),
    });

    const input = rowOf(app, 'K7QX3M9A').get<HTMLInputElement>('[data-testid="lot-report-input"]');
    Object.defineProperty(input.element, 'files', {
      value: [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'report.pdf', { type: 'application/pdf' })],
    });
    await input.trigger('change');
    await settle();

    const sent = await api.callsTo('POST', '/api/coop/lots/lot-1/report')[0]!.formData();
    expect(sent.get('file')).toBeInstanceOf(File);
    expect(rowOf(app, 'K7QX3M9A').get('[data-testid="lot-row-report"]').text()).toBe('已上传');
    expect(rowOf(app, 'K7QX3M9A').get('[data-testid="lot-row-done"]').text()).toBe('检测报告已上传。');
  });

  it('says when a test report is neither a PDF nor a photo', async () => {
    const { app } = await openLots({ 'POST /api/coop/lots/lot-1/report': () => errorResponse(415, 'UNSUPPORTED_REPORT_FILE') });

    const input = rowOf(app, 'K7QX3M9A').get<HTMLInputElement>('[data-testid="lot-report-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['hello'], 'report.txt', { type: 'text/plain' })] });
    await input.trigger('change');
    await settle();

    expect(rowOf(app, 'K7QX3M9A').get('[data-testid="lot-row-error"]').text()).toBe('检测报告只能是 PDF 或照片（JPEG、PNG、WebP）。');
  });

  it('closes a lot after asking', async () => {
    const { app, api } = await openLots({
      'POST /api/coop/lots/lot-1/close': () => jsonResponse(200, lot({ closedAt: '2026-12-12T02:00:00Z' })),
    });

    await rowOf(app, 'K7QX3M9A').get('[data-testid="lot-close"]').trigger('click');
    expect(rowOf(app, 'K7QX3M9A').get('[data-testid="lot-close-question"]').text()).toContain(
      '关闭后，批次 K7QX3M9A 不能再发货。确定关闭吗？',
    );
    expect(api.callsTo('POST', '/api/coop/lots/lot-1/close')).toHaveLength(0);
    await rowOf(app, 'K7QX3M9A').get('[data-testid="lot-close-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/coop/lots/lot-1/close')).toHaveLength(1);
    expect(rowOf(app, 'K7QX3M9A').get('[data-testid="lot-state"]').text()).toBe('已关闭');
    expect(rowOf(app, 'K7QX3M9A').find('[data-testid="lot-close"]').exists()).toBe(false);
  });

  it('shows one product’s lots, the filter in the address', async () => {
    const { app, api, router } = await openLots();

    await app.get('[data-testid="lots-filter"]').setValue(FREE_RANGE_EGGS.id);
    await settle();

    expect(router.currentRoute.value.query.product).toBe(FREE_RANGE_EGGS.id);
    expect(new URL(api.callsTo('GET', '/api/coop/lots').at(-1)!.url).searchParams.get('productId')).toBe(FREE_RANGE_EGGS.id);
    expect(app.findAll('[data-testid="lot-row"]').map((row) => row.attributes('data-code'))).toEqual(['EGGS2345']);
  });

  it('says when there are no lots yet', async () => {
    const { app } = await openLots({}, []);

    expect(app.get('[data-testid="lots-empty"]').text()).toBe('还没有批次。在上方登记第一个批次。');
  });
});
