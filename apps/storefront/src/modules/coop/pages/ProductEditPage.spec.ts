import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { ManagedProduct } from '../product-form';
import { managedProduct, managedVariant, ownCooperative } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const staff = userWithRole('cooperative');
const byTestId = (app: VueWrapper, id: string) => app.findAll(`[data-testid="${id}"]`);

/** The portal's API holding one product that every write updates, as the server would. */
function portalApi(start: ManagedProduct, routes: Parameters<typeof fakeSessionApi>[1] = {}) {
  let current = start;
  const answer = (next: Partial<ManagedProduct>) => {
    current = { ...current, ...next };
    return jsonResponse(200, current);
  };
  const api = fakeSessionApi(staff, {
    'GET /api/coop/cooperative': () => jsonResponse(200, ownCooperative()),
    [`GET /api/coop/products/${start.id}`]: () => jsonResponse(200, current),
    [`POST /api/coop/products/${start.id}/submit`]: () => answer({ status: 'PENDING_REVIEW', rejectReason: null }),
    [`POST /api/coop/products/${start.id}/archive`]: () => answer({ status: 'ARCHIVED' }),
    ...routes,
  });
  return { ...api, current: () => current, answer };
}

async function openProduct(product: ManagedProduct, routes: Parameters<typeof fakeSessionApi>[1] = {}, locale?: 'en') {
  const api = portalApi(product, routes);
  ({ wrapper } = await mountApp({ path: `/coop/products/${product.id}`, locale }));
  await settle();
  return { app: wrapper!, api };
}

/** Adds a second variant, 5 kg at ¥368, 6.2 kg shipped, and saves the form. */
async function addFiveKiloVariantAndSave(app: VueWrapper) {
  await app.get('[data-testid="add-variant"]').trigger('click');
  await byTestId(app, 'variant-label-zh')[1]!.setValue('5公斤');
  await byTestId(app, 'variant-label-en')[1]!.setValue('5 kg');
  await byTestId(app, 'variant-price')[1]!.setValue('368');
  await byTestId(app, 'variant-weight')[1]!.setValue('6200');
  await app.get('[data-testid="product-save"]').trigger('submit');
  await settle();
}

async function fillNewProduct(app: VueWrapper) {
  await app.get('[data-testid="product-category"]').setValue('CHERRY');
  await app.get('[data-testid="product-title-zh"]').setValue('玛瑙红樱桃 尝鲜装');
  await app.get('[data-testid="product-title-en"]').setValue('Agate-red cherries, taster box');
  await app.get('[data-testid="product-township"]').setValue('520525202');
  await app.get('[data-testid="product-shelf-life"]').setValue('7');
  await app.get('[data-testid="variant-label-zh"]').setValue('1公斤');
  await app.get('[data-testid="variant-label-en"]').setValue('1 kg');
  await app.get('[data-testid="variant-price"]').setValue('88.5');
  await app.get('[data-testid="variant-weight"]').setValue('1400');
  await app.get('[data-testid="variant-stock"]').setValue('30');
}

describe('ProductEditPage: a new product', () => {
  it('labels every field and offers the Nayong townships by their Chinese names', async () => {
    fakeSessionApi(staff);
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));

    expect(wrapper.get('h1').text()).toBe('新建商品');
    for (const id of ['product-category', 'product-title-zh', 'product-township', 'product-shipping-class', 'product-shelf-life']) {
      const input = wrapper.get(`[data-testid="${id}"]`);
      expect(wrapper.find(`label[for="${input.attributes('id')}"]`).exists()).toBe(true);
    }
    const townships = wrapper.findAll('[data-testid="product-township"] option').map((option) => option.text());
    expect(townships).toContain('厍东关彝族白族苗族乡');
    expect(townships).toHaveLength(30);
    // Nothing to submit or archive before the product exists.
    expect(wrapper.find('[data-testid="product-submit"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="product-save"]').text()).toBe('保存为草稿');
  });

  it('offers only the shipping classes the chosen category allows', async () => {
    fakeSessionApi(staff);
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));
    const shipping = () => wrapper!.get<HTMLSelectElement>('[data-testid="product-shipping-class"]');
    const offered = () =>
      shipping()
        .findAll('option')
        .filter((option) => option.attributes('value') !== '')
        .map((option) => option.text());

    expect(shipping().attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="product-shipping-class-hint"]').text()).toBe('请先选择品类。');

    await wrapper.get('[data-testid="product-category"]').setValue('CHERRY');
    expect(offered()).toEqual(['冷藏配送']);
    expect(shipping().element.value).toBe('CHILLED');

    await wrapper.get('[data-testid="product-category"]').setValue('PORK');
    expect(offered()).toEqual(['冷藏配送', '冷冻配送']);
    await shipping().setValue('FROZEN');

    await wrapper.get('[data-testid="product-category"]').setValue('TEA');
    expect(offered()).toEqual(['常温配送']);
    expect(shipping().element.value).toBe('AMBIENT');
  });

  it('explains every problem in Chinese without calling the server', async () => {
    const api = fakeSessionApi(staff);
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));

    await wrapper.get('[data-testid="product-title-zh"]').setValue('樱');
    await wrapper.get('[data-testid="variant-price"]').setValue('1.999');
    await wrapper.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="form-error"]').text()).toMatch(/^有 \d+ 处需要修改/);
    expect(wrapper.get('[data-testid="product-title-zh-error"]').text()).toBe('至少 2 个字。');
    expect(wrapper.get('[data-testid="variant-price-error"]').text()).toBe('价格最多两位小数（精确到分）。');
    const title = wrapper.get('[data-testid="product-title-zh"]');
    expect(title.attributes('aria-invalid')).toBe('true');
    expect(title.attributes('aria-describedby')).toContain('product-title-zh-error');
    expect(api.callsTo('POST', '/api/coop/products')).toHaveLength(0);
  });

  it('explains the problems in English after switching language', async () => {
    fakeSessionApi(staff);
    ({ wrapper } = await mountApp({ path: '/coop/products/new', locale: 'en' }));

    await wrapper.get('[data-testid="variant-price"]').setValue('0');
    await wrapper.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(wrapper.get('h1').text()).toBe('New product');
    expect(wrapper.get('[data-testid="product-title-zh-error"]').text()).toBe('Fill in this field.');
    // English is optional: left empty, it is filled from the Chinese.
    expect(wrapper.find('[data-testid="product-title-en-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="variant-price-error"]').text()).toBe('The price must be more than 0.');
  });

  it('adds and removes variant rows before the product is created', async () => {
    fakeSessionApi(staff);
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));

    expect(byTestId(wrapper, 'variant-price')).toHaveLength(1);
    expect(wrapper.find('[data-testid="remove-variant"]').exists()).toBe(false);
    await wrapper.get('[data-testid="add-variant"]').trigger('click');
    expect(byTestId(wrapper, 'variant-price')).toHaveLength(2);
    expect(byTestId(wrapper, 'variant-stock')).toHaveLength(2);
    expect(wrapper.findAll('[data-testid="variant-row"] legend').map((legend) => legend.text())).toEqual(['规格 1', '规格 2']);

    await byTestId(wrapper, 'remove-variant')[1]!.trigger('click');
    expect(byTestId(wrapper, 'variant-price')).toHaveLength(1);
  });

  it('creates a draft with prices in fen and opens it, ready to submit', async () => {
    const created = managedProduct({
      id: 'p-new',
      titleZh: '玛瑙红樱桃 尝鲜装',
      variants: [managedVariant({ labelZh: '1公斤', priceFen: 8850, stock: 30 })],
    });
    const api = portalApi(created, { 'POST /api/coop/products': () => jsonResponse(201, created) });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/coop/products/new' }));

    await fillNewProduct(wrapper);
    await wrapper.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    const [request] = api.callsTo('POST', '/api/coop/products');
    expect(await request!.json()).toEqual({
      category: 'CHERRY',
      titleZh: '玛瑙红樱桃 尝鲜装',
      titleEn: 'Agate-red cherries, taster box',
      originTownshipCode: '520525202',
      shippingClass: 'CHILLED',
      shelfLifeDays: 7,
      variants: [{ labelZh: '1公斤', labelEn: '1 kg', priceFen: 8850, weightG: 1400, stock: 30 }],
    });
    expect(router.currentRoute.value.path).toBe('/coop/products/p-new');
    expect(wrapper.get('h1').text()).toBe('玛瑙红樱桃 尝鲜装');
    expect(wrapper.get('[data-testid="product-status"]').text()).toBe('草稿');
    expect(wrapper.get('[data-testid="form-notice"]').text()).toMatch(/^已保存为草稿/);
    expect(wrapper.get('[data-testid="product-submit"]').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="variant-stock-value"]').text()).toBe('30');
    expect(wrapper.find('[data-testid="image-input"]').exists()).toBe(true);
  });

  it('shows the problem the server found next to the field it names', async () => {
    fakeSessionApi(staff, {
      'POST /api/coop/products': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          requestId: 'req-1',
          details: [{ field: 'variants.0.weightG', problems: ['weightG must not be greater than 100000'], rules: ['max'] }],
        }),
    });
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));

    await fillNewProduct(wrapper);
    await wrapper.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="form-error"]').text()).toBe('有信息不完整或格式不正确，请查看标出的项目。');
    // In the reader's language, not the API's English.
    expect(wrapper.get('[data-testid="variant-weight-error"]').text()).toBe('服务器未接受此项：数值太大');
  });

  it('says so when the cooperative is suspended', async () => {
    fakeSessionApi(staff, { 'POST /api/coop/products': () => errorResponse(403, 'COOPERATIVE_SUSPENDED') });
    ({ wrapper } = await mountApp({ path: '/coop/products/new' }));

    await fillNewProduct(wrapper);
    await wrapper.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="form-error"]').text()).toBe('本社已被平台暂停，暂时不能修改商品。请联系平台。');
  });
});

describe('ProductEditPage: buttons by status', () => {
  const buttons = (app: VueWrapper) => ({
    submit: app.get('[data-testid="product-submit"]').attributes('disabled') === undefined,
    archive: app.get('[data-testid="product-archive"]').attributes('disabled') === undefined,
  });

  it('lets a draft be submitted or archived', async () => {
    const { app } = await openProduct(managedProduct({ status: 'DRAFT' }));
    expect(buttons(app)).toEqual({ submit: true, archive: true });
  });

  it('lets a product in review or on sale be archived but not submitted again', async () => {
    let { app } = await openProduct(managedProduct({ status: 'PENDING_REVIEW' }));
    expect(app.get('[data-testid="product-status"]').text()).toBe('审核中');
    expect(buttons(app)).toEqual({ submit: false, archive: true });
    app.unmount();

    ({ app } = await openProduct(managedProduct({ status: 'PUBLISHED' })));
    expect(app.get('[data-testid="product-status"]').text()).toBe('已上架');
    expect(buttons(app)).toEqual({ submit: false, archive: true });
  });

  it('keeps an archived product read-only, except for its stock', async () => {
    const { app } = await openProduct(managedProduct({ status: 'ARCHIVED' }));
    expect(buttons(app)).toEqual({ submit: false, archive: false });
    expect(app.find('[data-testid="product-save"]').exists()).toBe(false);
    expect(app.get('[data-testid="product-title-zh"]').element.closest('fieldset')!.disabled).toBe(true);
    expect(app.find('[data-testid="image-input"]').exists()).toBe(false);
    expect(app.get('[data-testid="stock-apply"]').attributes('disabled')).toBeUndefined();
  });

  it('shows why a rejected product came back, and submits it again', async () => {
    const { app, api } = await openProduct(managedProduct({ status: 'DRAFT', rejectReason: '图片与实物不符，请补充实拍图' }));
    expect(app.get('[data-testid="reject-reason-notice"]').text()).toContain('图片与实物不符，请补充实拍图');

    await app.get('[data-testid="product-submit"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/coop/products/p-1/submit')).toHaveLength(1);
    expect(app.get('[data-testid="product-status"]').text()).toBe('审核中');
    expect(app.find('[data-testid="reject-reason-notice"]').exists()).toBe(false);
    expect(buttons(app).submit).toBe(false);
  });

  it('asks before archiving for good', async () => {
    const { app, api } = await openProduct(managedProduct({ status: 'PUBLISHED' }));

    await app.get('[data-testid="product-archive"]').trigger('click');
    expect(app.get('#archive-question').text()).toBe('下架后不能再修改或重新上架。确定下架吗？');
    expect(api.callsTo('POST', '/api/coop/products/p-1/archive')).toHaveLength(0);
    await app.get('[data-testid="product-archive-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/coop/products/p-1/archive')).toHaveLength(1);
    expect(app.get('[data-testid="product-status"]').text()).toBe('已下架');
  });
});

describe('ProductEditPage: editing', () => {
  it('warns that changing the title of a published product sends it back to review, but not for a price', async () => {
    const { app } = await openProduct(managedProduct({ status: 'PUBLISHED' }));

    await app.get('[data-testid="variant-price"]').setValue('99');
    expect(app.find('[data-testid="review-warning"]').exists()).toBe(false);

    await app.get('[data-testid="product-title-zh"]').setValue('玛瑙红樱桃 新季');
    expect(app.get('[data-testid="review-warning"]').text()).toMatch(/保存后将重新进入审核/);
    expect(app.get('[data-testid="product-save"]').attributes('aria-describedby')).toBe('review-warning');
  });

  it('sends only the changed fields, the product and its variants in one request, and tells when the product went back to review', async () => {
    const product = managedProduct({ status: 'PUBLISHED' });
    const { app, api } = await openProduct(product, {
      'PATCH /api/coop/products/p-1': () =>
        api.answer({ titleZh: '玛瑙红樱桃 新季', status: 'PENDING_REVIEW', variants: [managedVariant({ priceFen: 9900 })] }),
    });

    await app.get('[data-testid="product-title-zh"]').setValue('玛瑙红樱桃 新季');
    await app.get('[data-testid="variant-price"]').setValue('99');
    await app.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(api.callsTo('PATCH', '/api/coop/products/p-1')).toHaveLength(1);
    expect(await api.callsTo('PATCH', '/api/coop/products/p-1')[0]!.json()).toEqual({
      titleZh: '玛瑙红樱桃 新季',
      variantChanges: [{ id: 'v-1', priceFen: 9900 }],
    });
    expect(api.callsTo('PATCH', '/api/coop/variants/v-1')).toHaveLength(0);
    expect(app.get('[data-testid="product-status"]').text()).toBe('审核中');
    expect(app.get('[data-testid="form-notice"]').text()).toMatch(/重新进入审核/);
  });

  it('shows a refusal of a new variant at that variant, with nothing saved', async () => {
    const { app, api } = await openProduct(managedProduct(), {
      'PATCH /api/coop/products/p-1': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'newVariants.0.weightG must not be greater than 50000',
          details: [{ field: 'newVariants.0.weightG', problems: ['weightG must not be greater than 50000'] }],
        }),
    });

    await addFiveKiloVariantAndSave(app);

    expect(api.callsTo('PATCH', '/api/coop/products/p-1')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/coop/products/p-1/variants')).toHaveLength(0);
    expect(byTestId(app, 'variant-weight')[1]!.attributes('aria-invalid')).toBe('true');
    expect(byTestId(app, 'variant-weight')[0]!.attributes('aria-invalid')).not.toBe('true');
    expect(app.find('[data-testid="form-notice"]').exists()).toBe(false);
  });

  it('adds a variant to a saved product in the same request', async () => {
    const { app, api } = await openProduct(managedProduct(), {
      'PATCH /api/coop/products/p-1': () =>
        api.answer({ variants: [managedVariant(), managedVariant({ id: 'v-2', labelZh: '5公斤', priceFen: 36800, stock: 0 })] }),
    });

    await addFiveKiloVariantAndSave(app);

    expect(await api.callsTo('PATCH', '/api/coop/products/p-1')[0]!.json()).toEqual({
      newVariants: [{ labelZh: '5公斤', labelEn: '5 kg', priceFen: 36800, weightG: 6200 }],
    });
    expect(byTestId(app, 'variant-stock-value').map((value) => value.text())).toEqual(['20', '0']);
    expect(app.get('[data-testid="form-notice"]').text()).toBe('修改已保存。');
  });

  it('adjusts stock with a reason and shows the new stock', async () => {
    const { app, api } = await openProduct(managedProduct(), {
      'PATCH /api/coop/variants/v-1/stock': () => jsonResponse(200, { variantId: 'v-1', stock: 45 }),
    });
    expect(app.get('[data-testid="variant-stock-value"]').text()).toBe('20');

    await app.get('[data-testid="stock-delta"]').setValue('25');
    await app.get('[data-testid="stock-apply"]').trigger('submit');
    expect(app.text()).toContain('请选择原因。');
    expect(api.callsTo('PATCH', '/api/coop/variants/v-1/stock')).toHaveLength(0);

    await app.get('[data-testid="stock-reason"]').setValue('HARVEST');
    await app.get('[data-testid="stock-apply"]').trigger('submit');
    await settle();

    expect(await api.callsTo('PATCH', '/api/coop/variants/v-1/stock')[0]!.json()).toEqual({ delta: 25, reason: 'HARVEST' });
    expect(app.get('[data-testid="variant-stock-value"]').text()).toBe('45');
    expect(app.get('[data-testid="stock-applied"]').text()).toBe('库存已调整，现在是 45 件。');
  });

  it('refuses to take away more stock than there is', async () => {
    const { app, api } = await openProduct(managedProduct());

    await app.get('[data-testid="stock-delta"]').setValue('-21');
    await app.get('[data-testid="stock-reason"]').setValue('DAMAGED');
    await app.get('[data-testid="stock-apply"]').trigger('submit');

    expect(app.text()).toContain('现有库存只有 20 件，不能减这么多。');
    expect(api.callsTo('PATCH', '/api/coop/variants/v-1/stock')).toHaveLength(0);
  });

  it('lists the photos and refuses a file that is not a photo before uploading it', async () => {
    const { app, api } = await openProduct(managedProduct({ images: ['/uploads/a.jpg', '/uploads/b.png'] }));
    const images = app.get('[data-testid="product-images"]').findAll('img');
    expect(images.map((image) => [image.attributes('src'), image.attributes('alt')])).toEqual([
      ['/uploads/a.jpg', '玛瑙红樱桃 2.5公斤，第 1 张图'],
      ['/uploads/b.png', '玛瑙红樱桃 2.5公斤，第 2 张图'],
    ]);

    const input = app.get<HTMLInputElement>('[data-testid="image-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['%PDF'], 'menu.pdf', { type: 'application/pdf' })] });
    await input.trigger('change');
    await settle();

    expect(app.get('[data-testid="image-error"]').text()).toBe('只能上传 JPEG、PNG 或 WebP 图片。');
    expect(api.callsTo('POST', '/api/coop/products/p-1/images')).toHaveLength(0);
  });

  it('uploads a photo as multipart form data with the bearer token', async () => {
    const { app, api } = await openProduct(managedProduct(), {
      'POST /api/coop/products/p-1/images': () => api.answer({ images: ['/uploads/new.jpg'] }),
    });

    const input = app.get<HTMLInputElement>('[data-testid="image-input"]');
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'cherries.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input.element, 'files', { value: [photo] });
    await input.trigger('change');
    await settle();

    const [upload] = api.callsTo('POST', '/api/coop/products/p-1/images');
    expect(upload!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(upload!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await upload!.formData()).get('image')).toBeInstanceOf(File);
    expect(app.get('[data-testid="product-images"] img').attributes('src')).toBe('/uploads/new.jpg');
  });

  it('says the product is not there when it belongs to another cooperative', async () => {
    fakeSessionApi(staff, { 'GET /api/coop/products/p-9': () => errorResponse(403, 'NOT_YOUR_COOPERATIVE') });
    ({ wrapper } = await mountApp({ path: '/coop/products/p-9' }));
    await settle();

    expect(wrapper.get('[role="alert"]').text()).toBe('没有找到这件商品，它可能不属于本社。');
    expect(wrapper.find('[data-testid="product-save"]').exists()).toBe(false);
  });
});

describe('ProductEditPage: the cooperative banner', () => {
  it('shows the cooperative above the product and says when it is suspended', async () => {
    const { app } = await openProduct(managedProduct(), {
      'GET /api/coop/cooperative': () => jsonResponse(200, ownCooperative({ status: 'SUSPENDED', suspendedReason: '多次发货延误' })),
    });

    expect(app.get('[data-testid="coop-name"]').text()).toBe('厍东关樱桃合作社');
    expect(app.get('[data-testid="coop-banner"]').text()).toContain('暂停原因：多次发货延误');
  });
});

describe('ProductEditPage: stock history', () => {
  const movements = [
    { at: '2026-04-02T09:30:00.000Z', delta: -5, stockAfter: 45, reason: 'ORDER_RESERVED', note: null },
    { at: '2026-04-01T08:00:00.000Z', delta: 20, stockAfter: 50, reason: 'HARVEST', note: '第二批采摘' },
    { at: '2026-03-31T08:00:00.000Z', delta: -1, stockAfter: 30, reason: 'ORDER_LOST_IN_TRANSIT', note: null },
    { at: '2026-03-30T08:00:00.000Z', delta: 31, stockAfter: 31, reason: 'INITIAL', note: null },
  ];

  async function openHistory(app: VueWrapper) {
    await app.get('[data-testid="stock-history"] summary').trigger('click');
    await settle();
  }

  /** What each row says after its time: change, reason, note, stock after. */
  const rows = (app: VueWrapper) =>
    app.findAll('[data-testid="stock-movement"]').map((row) =>
      row
        .findAll('td')
        .slice(1)
        .map((cell) => cell.text()),
    );

  it('loads the history only when opened, and lists each change with its reason', async () => {
    const { app, api } = await openProduct(managedProduct(), {
      'GET /api/coop/variants/v-1/movements': () => jsonResponse(200, movements),
    });
    expect(api.callsTo('GET', '/api/coop/variants/v-1/movements')).toHaveLength(0);

    await openHistory(app);

    expect(api.callsTo('GET', '/api/coop/variants/v-1/movements')).toHaveLength(1);
    expect(rows(app)).toEqual([
      ['−5', '订单占用', '', '45'],
      ['+20', '新采收', '第二批采摘', '50'],
      // A reason the portal has no words for yet shows as the API's code.
      ['−1', 'ORDER_LOST_IN_TRANSIT', '', '30'],
      ['+31', '初始库存', '', '31'],
    ]);
    expect(app.get('[data-testid="stock-movement"] time').attributes('datetime')).toBe('2026-04-02T09:30:00.000Z');
  });

  it('speaks English in English', async () => {
    const { app } = await openProduct(
      managedProduct(),
      { 'GET /api/coop/variants/v-1/movements': () => jsonResponse(200, movements.slice(0, 2)) },
      'en',
    );

    await openHistory(app);

    expect(app.get('[data-testid="stock-history"] summary').text()).toBe('Stock history');
    expect(rows(app)).toEqual([
      ['−5', 'Reserved by an order', '', '45'],
      ['+20', 'New harvest', '第二批采摘', '50'],
    ]);
  });

  it('shows a new adjustment in the open history at once', async () => {
    let history = movements.slice(1, 2);
    const { app, api } = await openProduct(managedProduct(), {
      'GET /api/coop/variants/v-1/movements': () => jsonResponse(200, history),
      'PATCH /api/coop/variants/v-1/stock': () => {
        history = [{ at: '2026-04-03T08:00:00.000Z', delta: -3, stockAfter: 47, reason: 'DAMAGED', note: '运输压坏' }, ...history];
        return jsonResponse(200, { variantId: 'v-1', stock: 47 });
      },
    });
    await openHistory(app);

    await app.get('[data-testid="stock-delta"]').setValue('-3');
    await app.get('[data-testid="stock-reason"]').setValue('DAMAGED');
    await app.get('[data-testid="stock-note"]').setValue('运输压坏');
    await app.get('[data-testid="stock-apply"]').trigger('submit');
    await settle();

    expect(api.callsTo('GET', '/api/coop/variants/v-1/movements')).toHaveLength(2);
    expect(rows(app)[0]).toEqual(['−3', '损耗', '运输压坏', '47']);
  });

  it('says so when there are no changes yet', async () => {
    const { app } = await openProduct(managedProduct(), { 'GET /api/coop/variants/v-1/movements': () => jsonResponse(200, []) });

    await openHistory(app);

    expect(app.get('[data-testid="stock-history-empty"]').text()).toBe('还没有库存变动。');
  });
});

describe('ProductEditPage: price breaks', () => {
  const refusal = (field: string) =>
    jsonResponse(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The price breaks do not fit: each break is cheaper than the price before it.',
      requestId: 'req-1',
      details: [{ field, problems: ['each break is cheaper than the price before it'], rules: ['priceBreaks'] }],
    });

  it('sends the whole ladder of a variant in fen and shows what the API saved', async () => {
    const { app, api } = await openProduct(managedProduct({ status: 'PUBLISHED' }), {
      'PUT /api/coop/variants/v-1/price-breaks': async (request) => {
        const { breaks } = (await request.json()) as { breaks: { minQuantity: number; priceFen: number }[] };
        return api.answer({ variants: [managedVariant({ priceBreaks: breaks })] });
      },
    });
    const editor = app.get('[data-testid="price-breaks"]');
    expect(editor.get('h3').text()).toBe('2.5公斤礼盒');
    expect(editor.get('[data-testid="price-breaks-base"]').text()).toBe('¥198.00');
    expect(editor.get('[data-testid="price-breaks-none"]').text()).toBe('还没有批量价，按规格价格销售。');

    await editor.get('[data-testid="price-break-add"]').trigger('click');
    await editor.get('[data-testid="price-break-add"]').trigger('click');
    const quantities = editor.findAll('[data-testid="price-break-quantity"]');
    const prices = editor.findAll('[data-testid="price-break-price"]');
    await quantities[0]!.setValue('20');
    await prices[0]!.setValue('188');
    await quantities[1]!.setValue('５０');
    await prices[1]!.setValue('178.50');
    await editor.trigger('submit');
    await settle();

    expect(await api.callsTo('PUT', '/api/coop/variants/v-1/price-breaks')[0]!.json()).toEqual({
      breaks: [
        { minQuantity: 20, priceFen: 18_800 },
        { minQuantity: 50, priceFen: 17_850 },
      ],
    });
    expect(app.get('[data-testid="price-breaks-saved"]').text()).toBe('阶梯价已保存。');
    expect(app.findAll('[data-testid="price-break-price"]').map((input) => (input.element as HTMLInputElement).value)).toEqual([
      '188.00',
      '178.50',
    ]);
  });

  it('checks each step against the one before without calling the API', async () => {
    const { app, api } = await openProduct(
      managedProduct({ variants: [managedVariant({ priceBreaks: [{ minQuantity: 20, priceFen: 18_800 }] })] }),
    );
    const editor = app.get('[data-testid="price-breaks"]');

    await editor.get('[data-testid="price-break-add"]').trigger('click');
    await editor.findAll('[data-testid="price-break-quantity"]')[1]!.setValue('10');
    await editor.findAll('[data-testid="price-break-price"]')[1]!.setValue('190');
    await editor.trigger('submit');
    await settle();

    expect(editor.get('[data-testid="price-break-quantity-error"]').text()).toBe('要比上一档的 20 件多。');
    expect(editor.get('[data-testid="price-break-price-error"]').text()).toBe('要低于上一档的 ¥188.00。');
    expect(document.activeElement).toBe(editor.findAll('[data-testid="price-break-quantity"]')[1]!.element);
    expect(api.callsTo('PUT', '/api/coop/variants/v-1/price-breaks')).toHaveLength(0);
  });

  it('shows the API’s refusal of the ladder at the ladder', async () => {
    const { app } = await openProduct(managedProduct(), {
      'PUT /api/coop/variants/v-1/price-breaks': () => refusal('breaks'),
    });
    const editor = app.get('[data-testid="price-breaks"]');

    await editor.get('[data-testid="price-break-add"]').trigger('click');
    await editor.get('[data-testid="price-break-quantity"]').setValue('20');
    await editor.get('[data-testid="price-break-price"]').setValue('188');
    await editor.trigger('submit');
    await settle();

    const error = editor.get('[data-testid="price-breaks-error"]');
    expect(error.text()).toBe('服务器未接受这组阶梯价：每一档的数量要比上一档多，单价要比上一档低，并且都要低于规格价格 ¥198.00。');
    expect(editor.get('fieldset').attributes('aria-describedby')).toContain(error.attributes('id'));
    expect(editor.get('[data-testid="price-breaks-alert"]').text()).toBe('阶梯价没有保存，请查看标出的项目。');
  });

  it('shows a new price that would undercut a price break at that price', async () => {
    const { app } = await openProduct(
      managedProduct({ variants: [managedVariant({ priceBreaks: [{ minQuantity: 20, priceFen: 18_800 }] })] }),
      {
        'PATCH /api/coop/products/p-1': () => refusal('priceFen'),
      },
    );

    await app.get('[data-testid="variant-price"]').setValue('180');
    await app.get('[data-testid="product-save"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="variant-price-error"]').text()).toBe(
      '这个价格不高于已设的批量价。请先在下方“批量价”里调低或删除阶梯价，再改价格。',
    );
    expect(app.get('[data-testid="variant-price"]').attributes('aria-invalid')).toBe('true');
  });
});
