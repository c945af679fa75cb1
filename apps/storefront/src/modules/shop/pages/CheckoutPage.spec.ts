import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { cartLine, cartOf, order } from '../../../testing/orders';
import { invoiceProfile, specialInvoiceProfile, TAX_NUMBER } from '../testing/invoice-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

async function openCheckout(checkout: Handler, routes: Record<string, Handler> = {}) {
  const placed = order();
  const server = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, cartOf([cartLine()])),
    'GET /api/addresses': () => jsonResponse(200, { items: [] }),
    'POST /api/checkout': checkout,
    [`GET /api/orders/${placed.number}`]: () => jsonResponse(200, placed),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/checkout' }));
  await settle();
  return { app: wrapper, server };
}

async function fillAddress(app: VueWrapper, district = '440106') {
  await app.get('[data-testid="checkout-name"]').setValue('陈晓岚');
  await app.get('[data-testid="checkout-mobile"]').setValue('13800138000');
  await app.get('[data-testid="checkout-district"]').setValue(district);
  await app.get('[data-testid="checkout-street"]').setValue('天河路 385 号 12 楼 1203 室');
}

async function submit(app: VueWrapper) {
  await app.get('[data-testid="checkout-form"]').trigger('submit');
  await settle();
}

describe('checkout page', () => {
  it('lets only buyers in', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/checkout' }));
    expect(wrapper.vm.$route.fullPath).toBe('/login?redirect=/checkout');
  });

  it('lists the Guangzhou districts by name in the reader’s language', async () => {
    const { app } = await openCheckout(() => jsonResponse(201, order()));

    const names = app.findAll('[data-testid="checkout-district"] option').map((option) => option.text());
    expect(names).toContain('天河区');
    expect(names).toContain('从化区');
    expect(app.findAll('h1')).toHaveLength(1);
  });

  it('says what is missing or wrong, next to each field, without calling the API', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()));
    await app.get('[data-testid="checkout-mobile"]').setValue('12345');

    await submit(app);

    expect(app.get('[data-testid="checkout-name-error"]').text()).toBe('请填写收货人。');
    expect(app.get('[data-testid="checkout-mobile-error"]').text()).toBe('手机号应为 1 开头的 11 位数字。');
    expect(app.get('[data-testid="checkout-district-error"]').text()).toBe('请选择所在区。');
    expect(app.get('[data-testid="checkout-street-error"]').text()).toBe('详细地址至少 4 个字。');
    const mobile = app.get('[data-testid="checkout-mobile"]');
    expect(mobile.attributes('aria-invalid')).toBe('true');
    expect(mobile.attributes('aria-describedby')).toContain('checkout-mobile-error');
    expect(server.callsTo('POST', '/api/checkout')).toHaveLength(0);
  });

  it('checks the invoice credit code when an invoice is wanted', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()));
    await fillAddress(app);
    await app.get('[data-testid="checkout-invoice-toggle"]').setValue(true);
    await app.get('[data-testid="checkout-invoice-title"]').setValue('广州市天河区某某中学工会委员会');
    await app.get('[data-testid="checkout-credit-code"]').setValue('91110000600037341X');

    await submit(app);

    expect(app.get('[data-testid="checkout-credit-code-error"]').text()).toBe('统一社会信用代码不正确，请核对。');
    expect(server.callsTo('POST', '/api/checkout')).toHaveLength(0);
  });

  it('places the order with an idempotency key and opens the order page', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()));
    await fillAddress(app);
    await app.get('[data-testid="checkout-note"]').setValue('工作日送达');

    await submit(app);

    const [sent] = server.callsTo('POST', '/api/checkout');
    expect(sent!.headers.get('Idempotency-Key')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await sent!.json()).toEqual({
      lineIds: ['line-1'],
      address: { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' },
      note: '工作日送达',
    });
    expect(app.vm.$route.fullPath).toBe('/orders/QH20261129-000123');
  });

  it('shows each parcel’s fee and the amount to pay as soon as the district is chosen, as the API quotes it', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()), {
      'POST /api/checkout/quote': () =>
        jsonResponse(200, {
          parts: [
            {
              cooperative: { id: 'coop-1', name: '厍东关樱桃合作社', nameEn: 'Shedongguan Cherry Cooperative' },
              shippingClass: 'CHILLED',
              weightG: 6600,
              itemsFen: 39600,
              feeFen: 2500,
              shipsFrom: null,
            },
          ],
          itemsFen: 39600,
          shippingFen: 2500,
          totalFen: 42100,
        }),
    });
    expect(app.get('[data-testid="checkout-quote-pending"]').text()).toBe('选择收货区后显示运费和应付金额。');

    await app.get('[data-testid="checkout-district"]').setValue('440106');
    await settle();

    const [asked] = server.callsTo('POST', '/api/checkout/quote');
    expect(await asked!.json()).toEqual({ districtCode: '440106', lineIds: ['line-1'] });
    expect(app.findAll('[data-testid="checkout-quote-fee"]').map((fee) => fee.text())).toEqual(['运费（厍东关樱桃合作社）¥25.00']);
    expect(app.get('[data-testid="checkout-pay-total"]').text()).toBe('¥421.00');
  });

  it('starts from the default saved address, and offers the others and a new one', async () => {
    const saved = (id: string, street: string, isDefault: boolean) => ({
      id,
      name: '陈晓岚',
      mobile: '13800138000',
      districtCode: '440106',
      street,
      isDefault,
      lastUsedAt: '2026-11-29T02:00:00Z',
    });
    const { app } = await openCheckout(() => jsonResponse(201, order()), {
      'GET /api/addresses': () =>
        jsonResponse(200, { items: [saved('a-1', '天河路 385 号 12 楼 1203 室', true), saved('a-2', '体育西路 1 号', false)] }),
    });

    expect((app.get('[data-testid="checkout-street"]').element as HTMLInputElement).value).toBe('天河路 385 号 12 楼 1203 室');
    expect((app.get('[data-testid="checkout-district"]').element as HTMLSelectElement).value).toBe('440106');
    const options = app.findAll('[data-testid="checkout-saved-address"]');
    expect(options.map((option) => option.text())).toEqual([
      '陈晓岚 13800138000 · 天河区 天河路 385 号 12 楼 1203 室 默认',
      '陈晓岚 13800138000 · 天河区 体育西路 1 号',
    ]);
    await options[1]!.get('input').setValue(true);
    expect((app.get('[data-testid="checkout-street"]').element as HTMLInputElement).value).toBe('体育西路 1 号');
    await app.get('[data-testid="checkout-new-address"]').setValue(true);
    expect((app.get('[data-testid="checkout-street"]').element as HTMLInputElement).value).toBe('');
  });

  it('sends the same idempotency key when the buyer retries the same order, and a new one for a changed order', async () => {
    let answer = () => errorResponse(503, 'DATABASE_UNAVAILABLE');
    const { app, server } = await openCheckout(() => answer());
    await fillAddress(app);

    await submit(app);
    expect(app.get('[data-testid="checkout-error"]').text()).toContain('出了点问题，请稍后再试。');
    await submit(app);
    await app.get('[data-testid="checkout-street"]').setValue('天河路 385 号 12 楼 1204 室');
    answer = () => jsonResponse(201, order());
    await submit(app);

    const keys = server.callsTo('POST', '/api/checkout').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('explains a district without cold chain and names the lines that need it', async () => {
    const { app } = await openCheckout(() =>
      jsonResponse(422, {
        statusCode: 422,
        code: 'COLD_CHAIN_UNAVAILABLE',
        message: 'Chilled and frozen goods cannot be delivered to this district yet',
        details: [{ field: 'cart.lines.line-1', problems: ['樱桃: chilled goods need cold-chain delivery'] }],
      }),
    );
    await fillAddress(app, '440117');

    await submit(app);

    const error = app.get('[data-testid="checkout-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('所选区暂不支持冷链配送');
    expect(error.findAll('li').map((li) => li.attributes('data-id'))).toEqual(['line-1']);
    const notice = app.get('[data-testid="checkout-cold-chain"]');
    expect(notice.text()).toContain('从化区暂不支持冷链配送');
    expect(notice.findAll('[data-testid="checkout-cold-line"]').map((li) => li.text())).toEqual(['厍东关玛瑙红樱桃礼盒 · 2.5 kg 礼盒']);
    expect(app.get('[data-testid="checkout-district"]').attributes('aria-describedby')).toContain('checkout-cold-chain');

    await app.get('[data-testid="checkout-district"]').setValue('440106');
    expect(app.find('[data-testid="checkout-cold-chain"]').exists()).toBe(false);
  });

  it('says when stock ran out, with a way back to the cart', async () => {
    const { app } = await openCheckout(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'OUT_OF_STOCK',
        message: 'Some products do not have enough stock left',
        details: [{ field: 'cart.lines.line-1', problems: ['only 1 left'] }],
      }),
    );
    await fillAddress(app);

    await submit(app);

    const error = app.get('[data-testid="checkout-error"]');
    expect(error.text()).toContain('以下商品库存不足');
    expect(error.get('a').attributes('href')).toBe('/cart');
  });

  it('offers the default invoice profile when an invoice is wanted, and names the one chosen', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()), {
      'GET /api/invoice-profiles': () => jsonResponse(200, { items: [invoiceProfile(), specialInvoiceProfile()] }),
    });
    await fillAddress(app);
    expect(app.find('[data-testid="checkout-invoice-profile"]').exists()).toBe(false);

    await app.get('[data-testid="checkout-invoice-toggle"]').setValue(true);

    const options = app.findAll('[data-testid="checkout-invoice-profile"]');
    expect(options.map((option) => option.text())).toEqual([
      `广州市天河区机关事务管理局 · 普通发票 · ${TAX_NUMBER} 默认`,
      `广州市天河区机关事务管理局饭堂 · 增值税专用发票 · ${TAX_NUMBER}`,
    ]);
    expect((options[0]!.get('input').element as HTMLInputElement).checked).toBe(true);
    expect(app.find('[data-testid="checkout-invoice-title"]').exists()).toBe(false);
    expect(app.get('[data-testid="checkout-invoice-profiles-link"]').attributes('href')).toBe('/account/invoices');

    await options[1]!.get('input').setValue(true);
    await submit(app);

    const sent = await server.callsTo('POST', '/api/checkout')[0]!.json();
    expect(sent).toMatchObject({ invoiceProfileId: 'ip-2' });
    expect(sent).not.toHaveProperty('invoice');
  });

  it('still takes a typed-in title and credit code, and keeps them as a profile when asked', async () => {
    const saved = invoiceProfile({ id: 'ip-9', title: '广州市天河区某某中学工会委员会' });
    const { app, server } = await openCheckout(() => jsonResponse(201, order()), {
      'GET /api/invoice-profiles': () => jsonResponse(200, { items: [] }),
      'POST /api/invoice-profiles': () => jsonResponse(201, saved),
    });
    await fillAddress(app);
    await app.get('[data-testid="checkout-invoice-toggle"]').setValue(true);
    await app.get('[data-testid="checkout-invoice-title"]').setValue('广州市天河区某某中学工会委员会');
    await app.get('[data-testid="checkout-credit-code"]').setValue(TAX_NUMBER.toLowerCase());
    await app.get('[data-testid="checkout-invoice-save"]').setValue(true);

    await submit(app);

    expect(await server.callsTo('POST', '/api/invoice-profiles')[0]!.json()).toEqual({
      kind: 'ORDINARY',
      title: '广州市天河区某某中学工会委员会',
      taxNumber: TAX_NUMBER,
    });
    expect(await server.callsTo('POST', '/api/checkout')[0]!.json()).toMatchObject({ invoiceProfileId: 'ip-9' });
    expect(app.vm.$route.fullPath).toBe('/orders/QH20261129-000123');
  });

  it('sends a typed-in title and credit code as they are when the buyer keeps no profile', async () => {
    const { app, server } = await openCheckout(() => jsonResponse(201, order()));
    await fillAddress(app);
    await app.get('[data-testid="checkout-invoice-toggle"]').setValue(true);
    await app.get('[data-testid="checkout-invoice-title"]').setValue('广州市天河区某某中学工会委员会');
    await app.get('[data-testid="checkout-credit-code"]').setValue(TAX_NUMBER);

    await submit(app);

    expect(await server.callsTo('POST', '/api/checkout')[0]!.json()).toMatchObject({
      invoice: { title: '广州市天河区某某中学工会委员会', creditCode: TAX_NUMBER },
    });
  });

  it('says when the chosen invoice profile was removed meanwhile, and offers the profiles as they are now', async () => {
    let profiles = [invoiceProfile(), specialInvoiceProfile()];
    const { app, server } = await openCheckout(
      () => {
        profiles = [specialInvoiceProfile({ isDefault: true })];
        return errorResponse(404, 'INVOICE_PROFILE_NOT_FOUND');
      },
      { 'GET /api/invoice-profiles': () => jsonResponse(200, { items: profiles }) },
    );
    await fillAddress(app);
    await app.get('[data-testid="checkout-invoice-toggle"]').setValue(true);

    await submit(app);

    expect(app.get('[data-testid="checkout-error"]').text()).toContain('所选的开票信息已被删除，请重新选择。');
    expect(server.callsTo('GET', '/api/invoice-profiles')).toHaveLength(2);
    const options = app.findAll('[data-testid="checkout-invoice-profile"]');
    expect(options.map((option) => option.attributes('data-id'))).toEqual(['ip-2']);
    expect((options[0]!.get('input').element as HTMLInputElement).checked).toBe(true);
  });
});
