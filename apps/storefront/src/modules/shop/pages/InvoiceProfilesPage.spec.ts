import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { InvoiceProfile } from '../invoices';
import { invoiceProfile, specialInvoiceProfile, TAX_NUMBER } from '../testing/invoice-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const LIST = '/api/invoice-profiles';

async function openProfiles(profiles: () => InvoiceProfile[], routes: Record<string, Handler> = {}) {
  const api = fakeSessionApi(userWithRole('buyer'), {
    'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
    [`GET ${LIST}`]: () => jsonResponse(200, { items: profiles() }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/account/invoices' }));
  await settle();
  return { app: wrapper!, api };
}

const field = (app: VueWrapper, name: string) => app.find(`[data-testid="invoice-profile-${name}"]`);
const errorOf = (app: VueWrapper, name: string) => app.get(`[data-testid="invoice-profile-${name}-error"]`).text();
const submit = async (app: VueWrapper) => {
  await app.get('[data-testid="invoice-profile-form"]').trigger('submit');
  await settle();
};

describe('the buyer’s invoice profiles page', () => {
  it('is linked from the orders page and lists the profiles, the default first, with a special one’s bank details', async () => {
    fakeSessionApi(userWithRole('buyer'), {
      'GET /api/cart': () => jsonResponse(200, { lines: [], itemsFen: 0, maxLineQuantity: 99 }),
      'GET /api/orders': () => jsonResponse(200, { items: [], nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/orders' }));
    await settle();
    expect(wrapper.get('[data-testid="orders-invoice-profiles"]').attributes('href')).toBe('/account/invoices');
    wrapper.unmount();

    const { app } = await openProfiles(() => [invoiceProfile(), specialInvoiceProfile()]);

    expect(app.get('h1').text()).toBe('我的开票信息');
    const [ordinary, special] = app.findAll('[data-testid="invoice-profile"]');
    expect(ordinary!.get('[data-testid="invoice-profile-name"]').text()).toBe('广州市天河区机关事务管理局');
    expect(ordinary!.get('[data-testid="invoice-profile-kind"]').text()).toBe('普通发票');
    expect(ordinary!.get('[data-testid="invoice-profile-default"]').text()).toBe('默认');
    expect(ordinary!.get('[data-testid="invoice-profile-tax-number"]').text()).toBe(TAX_NUMBER);
    expect(ordinary!.find('[data-testid="invoice-profile-make-default"]').exists()).toBe(false);
    expect(special!.get('[data-testid="invoice-profile-kind"]').text()).toBe('增值税专用发票');
    expect(special!.get('[data-testid="invoice-profile-address"]').text()).toBe('广州市天河区天府路 1 号 020-38880000');
    expect(special!.get('[data-testid="invoice-profile-bank"]').text()).toBe('中国工商银行广州天河支行 3602 0000 0920 0123 456');
    expect(special!.find('[data-testid="invoice-profile-default"]').exists()).toBe(false);
  });

  it('shows a special invoice’s fields once it is chosen, and requires every one of them before asking the API', async () => {
    const { app, api } = await openProfiles(() => []);
    expect(app.get('[data-testid="invoice-profiles-empty"]').text()).toBe('还没有开票信息。添加一条，下单时就可以直接选用。');

    await app.get('[data-testid="invoice-profile-add"]').trigger('click');
    expect(field(app, 'address').exists()).toBe(false);
    await app.get('[data-testid="invoice-profile-kind-SPECIAL"]').setValue(true);
    expect(field(app, 'address').exists()).toBe(true);
    await field(app, 'title').setValue('广州市天河区机关事务管理局饭堂');
    await field(app, 'tax-number').setValue(`${TAX_NUMBER.slice(0, 17)}${TAX_NUMBER.endsWith('0') ? '1' : '0'}`);

    await submit(app);

    expect(app.get('[data-testid="invoice-profile-error"]').text()).toBe('有 5 处需要修改，请查看标出的项目。');
    expect(errorOf(app, 'tax-number')).toContain(`第 18 位应为 ${TAX_NUMBER[17]}`);
    expect(errorOf(app, 'address')).toBe('请填写此项。');
    expect(errorOf(app, 'phone')).toBe('请填写此项。');
    expect(errorOf(app, 'bank-name')).toBe('请填写此项。');
    expect(errorOf(app, 'bank-account')).toBe('请填写此项。');
    expect(field(app, 'tax-number').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', LIST)).toHaveLength(0);

    // Back to an ordinary invoice: the special fields go, and an empty tax number is fine (a person's invoice).
    await app.get('[data-testid="invoice-profile-kind-ORDINARY"]').setValue(true);
    await field(app, 'tax-number').setValue('');
    expect(field(app, 'address').exists()).toBe(false);
    expect(app.find('[data-testid="invoice-profile-error"]').exists()).toBe(false);
  });

  it('shows what the API refused next to each field', async () => {
    const { app } = await openProfiles(() => [], {
      [`POST ${LIST}`]: () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'A special invoice (专票) needs the tax number, address, phone, bank and account.',
          details: [{ field: 'bankAccount', problems: ['bankAccount must be 8–40 digits, spaces allowed'], rules: ['matches'] }],
        }),
    });
    await app.get('[data-testid="invoice-profile-add"]').trigger('click');
    await app.get('[data-testid="invoice-profile-kind-SPECIAL"]').setValue(true);
    await field(app, 'title').setValue('广州市天河区机关事务管理局饭堂');
    await field(app, 'tax-number').setValue(TAX_NUMBER);
    await field(app, 'address').setValue('广州市天河区天府路 1 号');
    await field(app, 'phone').setValue('020-38880000');
    await field(app, 'bank-name').setValue('中国工商银行广州天河支行');
    await field(app, 'bank-account').setValue('3602 0000 0920 0123 456');

    await submit(app);

    expect(app.get('[data-testid="invoice-profile-error"]').attributes('data-code')).toBe('VALIDATION_FAILED');
    expect(errorOf(app, 'bank-account')).toBe('服务器未接受此项：格式不正确');
    expect(field(app, 'title').attributes('aria-invalid')).toBeUndefined();
  });

  it('adds a special invoice with every field, and lists it', async () => {
    let profiles = [invoiceProfile()];
    const created = specialInvoiceProfile();
    const { app, api } = await openProfiles(() => profiles, {
      [`POST ${LIST}`]: () => {
        profiles = [...profiles, created];
        return jsonResponse(201, created);
      },
    });
    await app.get('[data-testid="invoice-profile-add"]').trigger('click');
    await app.get('[data-testid="invoice-profile-kind-SPECIAL"]').setValue(true);
    await field(app, 'title').setValue(' 广州市天河区机关事务管理局饭堂 ');
    await field(app, 'tax-number').setValue(TAX_NUMBER.toLowerCase());
    await field(app, 'address').setValue('广州市天河区天府路 1 号');
    await field(app, 'phone').setValue('020-38880000');
    await field(app, 'bank-name').setValue('中国工商银行广州天河支行');
    await field(app, 'bank-account').setValue('3602 0000 0920 0123 456');

    await submit(app);

    expect(await api.callsTo('POST', LIST)[0]!.json()).toEqual({
      kind: 'SPECIAL',
      title: '广州市天河区机关事务管理局饭堂',
      taxNumber: TAX_NUMBER,
      address: '广州市天河区天府路 1 号',
      phone: '020-38880000',
      bankName: '中国工商银行广州天河支行',
      bankAccount: '3602 0000 0920 0123 456',
    });
    expect(app.get('[data-testid="invoice-profiles-notice"]').text()).toBe('已添加开票信息“广州市天河区机关事务管理局饭堂”。');
    expect(app.findAll('[data-testid="invoice-profile"]').map((item) => item.attributes('data-id'))).toEqual(['ip-1', 'ip-2']);
  });

  it('makes another profile the default, and removes one after asking', async () => {
    let profiles = [invoiceProfile(), specialInvoiceProfile()];
    const { app, api } = await openProfiles(() => profiles, {
      [`PUT ${LIST}/ip-2`]: () => {
        profiles = [specialInvoiceProfile({ isDefault: true }), invoiceProfile({ isDefault: false })];
        return jsonResponse(200, profiles[0]);
      },
      [`DELETE ${LIST}/ip-1`]: () => {
        profiles = profiles.filter((profile) => profile.id !== 'ip-1');
        return new Response(null, { status: 204 });
      },
    });

    await app.get('[data-testid="invoice-profile"][data-id="ip-2"] [data-testid="invoice-profile-make-default"]').trigger('click');
    await settle();

    expect(await api.callsTo('PUT', `${LIST}/ip-2`)[0]!.json()).toMatchObject({ kind: 'SPECIAL', isDefault: true });
    expect(app.findAll('[data-testid="invoice-profile"]').map((item) => item.attributes('data-id'))).toEqual(['ip-2', 'ip-1']);
    expect(app.find('[data-testid="invoice-profile"][data-id="ip-2"] [data-testid="invoice-profile-default"]').exists()).toBe(true);

    const ordinary = () => app.get('[data-testid="invoice-profile"][data-id="ip-1"]');
    await ordinary().get('[data-testid="invoice-profile-remove"]').trigger('click');
    expect(ordinary().text()).toContain('删除开票信息“广州市天河区机关事务管理局”？');
    await ordinary().get('[data-testid="invoice-profile-remove-confirm"]').trigger('click');
    await settle();

    expect(api.callsTo('DELETE', `${LIST}/ip-1`)).toHaveLength(1);
    expect(app.findAll('[data-testid="invoice-profile"]').map((item) => item.attributes('data-id'))).toEqual(['ip-2']);
    expect(app.get('[data-testid="invoice-profiles-notice"]').text()).toBe('已删除开票信息“广州市天河区机关事务管理局”。');
  });
});
