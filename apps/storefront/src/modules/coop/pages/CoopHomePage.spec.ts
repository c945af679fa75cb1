import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import { managedProduct, managedVariant, ownCooperative } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const products = [
  managedProduct({
    id: 'p-1',
    status: 'PUBLISHED',
    variants: [managedVariant({ id: 'v-1', priceFen: 19800, stock: 20 }), managedVariant({ id: 'v-2', priceFen: 36800, stock: 5 })],
  }),
  managedProduct({ id: 'p-2', status: 'DRAFT', titleZh: '纳雍高山绿茶', category: 'TEA', rejectReason: '请补充实拍图' }),
];

describe('CoopHomePage', () => {
  it("lists the cooperative's products with status, price range, stock and why one was sent back", async () => {
    fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': () => jsonResponse(200, { items: products, nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/coop' }));
    await settle();

    expect(wrapper.get('h1').text()).toBe('合作社后台');
    expect(wrapper.get('[data-testid="coop-new-product"]').attributes('href')).toBe('/coop/products/new');
    const rows = wrapper.findAll('[data-testid="coop-product-row"]');
    expect(rows.map((row) => [row.attributes('data-id'), row.attributes('data-status')])).toEqual([
      ['p-1', 'PUBLISHED'],
      ['p-2', 'DRAFT'],
    ]);
    expect(rows[0]!.text()).toContain('已上架');
    expect(rows[0]!.get('[data-testid="coop-product-price"]').text()).toBe('¥198.00–¥368.00');
    expect(rows[0]!.get('[data-testid="coop-product-stock"]').text()).toBe('25 件');
    expect(rows[0]!.find('a').attributes('href')).toBe('/coop/products/p-1');
    expect(rows[1]!.get('[data-testid="coop-product-reject-reason"]').text()).toBe('审核未通过：请补充实拍图');
  });

  it('filters by status through the URL and asks the API for that status only', async () => {
    const api = fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': (request) => {
        const status = new URL(request.url).searchParams.get('status');
        return jsonResponse(200, { items: products.filter((p) => !status || p.status === status), nextCursor: null });
      },
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/coop' }));
    await settle();

    await wrapper.get('[data-testid="coop-filter-DRAFT"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/coop?status=DRAFT');
    const last = api.callsTo('GET', '/api/coop/products').at(-1)!;
    expect(new URL(last.url).searchParams.get('status')).toBe('DRAFT');
    expect(wrapper.findAll('[data-testid="coop-product-row"]').map((row) => row.attributes('data-id'))).toEqual(['p-2']);
    expect(wrapper.get('[data-testid="coop-filter-DRAFT"]').attributes('aria-current')).toBe('page');
  });

  it('says so when there are no products yet', async () => {
    fakeSessionApi(userWithRole('cooperative'), { 'GET /api/coop/products': () => jsonResponse(200, { items: [], nextCursor: null }) });
    ({ wrapper } = await mountApp({ path: '/coop', locale: 'en' }));
    await settle();

    expect(wrapper.get('[data-testid="coop-list-empty"]').text()).toBe('No products yet. Choose “New product” to add your first one.');
  });

  it('appends the next page after the products shown', async () => {
    const api = fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? jsonResponse(200, { items: [products[1]], nextCursor: null })
          : jsonResponse(200, { items: [products[0]], nextCursor: 'page-2' }),
    });
    ({ wrapper } = await mountApp({ path: '/coop' }));
    await settle();

    await wrapper.get('[data-testid="coop-load-more"]').trigger('click');
    await settle();

    expect(wrapper.findAll('[data-testid="coop-product-row"]').map((row) => row.attributes('data-id'))).toEqual(['p-1', 'p-2']);
    expect(wrapper.find('[data-testid="coop-load-more"]').exists()).toBe(false);
    expect(api.callsTo('GET', '/api/coop/products')).toHaveLength(2);
  });

  it('says what went wrong and tries again on request', async () => {
    let failing = true;
    fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': () =>
        failing ? errorResponse(403, 'FORBIDDEN') : jsonResponse(200, { items: products, nextCursor: null }),
    });
    ({ wrapper } = await mountApp({ path: '/coop' }));
    await settle();
    expect(wrapper.get('[data-testid="coop-list-error"]').text()).toContain('你没有权限执行此操作。');

    failing = false;
    await wrapper.get('[data-testid="coop-list-error"] button').trigger('click');
    await settle();

    expect(wrapper.find('[data-testid="coop-list-error"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="coop-product-row"]')).toHaveLength(2);
  });
});

describe('CoopHomePage: the cooperative banner', () => {
  async function openWith(cooperative: ReturnType<typeof ownCooperative>, locale?: 'en') {
    const api = fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': () => jsonResponse(200, { items: products, nextCursor: null }),
      'GET /api/coop/cooperative': () => jsonResponse(200, cooperative),
    });
    ({ wrapper } = await mountApp({ path: '/coop', locale }));
    await settle();
    return { app: wrapper!, api };
  }

  it('names the cooperative and shows no banner once it is verified', async () => {
    const { app, api } = await openWith(ownCooperative());

    expect(app.get('[data-testid="coop-name"]').text()).toBe('厍东关樱桃合作社');
    expect(app.find('[data-testid="coop-banner"]').exists()).toBe(false);
    expect(api.callsTo('GET', '/api/coop/cooperative')).toHaveLength(1);
  });

  it('says a suspended cooperative cannot change anything, and why', async () => {
    const { app } = await openWith(ownCooperative({ status: 'SUSPENDED', suspendedReason: '多次发货延误' }));

    const banner = app.get('[data-testid="coop-banner"]');
    expect(banner.attributes('data-status')).toBe('SUSPENDED');
    expect(banner.text()).toContain('本社已被平台暂停');
    expect(banner.text()).toContain('暂停期间不能修改商品');
    expect(banner.text()).toContain('暂停原因：多次发货延误');
  });

  it('tells a cooperative waiting for verification when its products will show, in English', async () => {
    const { app } = await openWith(ownCooperative({ status: 'PENDING', verifiedAt: null }), 'en');

    expect(app.get('[data-testid="coop-name"]').text()).toBe('Shedongguan Cherry Cooperative');
    expect(app.get('[data-testid="coop-banner"]').text()).toBe(
      'Your cooperative is waiting for verification: products will show in the shop once the platform verifies your cooperative.',
    );
  });
});

describe('CoopHomePage: lead days', () => {
  async function openHome(routes: Parameters<typeof fakeSessionApi>[1] = {}) {
    const api = fakeSessionApi(userWithRole('cooperative'), {
      'GET /api/coop/products': () => jsonResponse(200, { items: products, nextCursor: null }),
      'GET /api/coop/cooperative': () => jsonResponse(200, ownCooperative({ leadDays: 2 })),
      ...routes,
    });
    ({ wrapper } = await mountApp({ path: '/coop' }));
    await settle();
    return { app: wrapper!, api };
  }

  it('saves the days the cooperative needs before an organisation’s delivery', async () => {
    const { app, api } = await openHome({
      'PATCH /api/coop/cooperative': async (request) => jsonResponse(200, ownCooperative((await request.json()) as { leadDays: number })),
    });
    expect(app.get('[data-testid="coop-settings-summary"]').text()).toBe('单位订单备货天数：2 天');
    expect((app.get('[data-testid="lead-days-input"]').element as HTMLInputElement).value).toBe('2');

    await app.get('[data-testid="lead-days-input"]').setValue('3');
    await app.get('[data-testid="lead-days"]').trigger('submit');
    await settle();

    expect(await api.callsTo('PATCH', '/api/coop/cooperative')[0]!.json()).toEqual({ leadDays: 3 });
    expect(app.get('[data-testid="lead-days-saved"]').text()).toBe('已保存：单位订单最早在下单后第 3 天送达。');
    expect(app.get('[data-testid="coop-settings-summary"]').text()).toBe('单位订单备货天数：3 天');
  });

  it('takes 0 to 30 days only, before asking the API', async () => {
    const { app, api } = await openHome();

    await app.get('[data-testid="lead-days-input"]').setValue('31');
    await app.get('[data-testid="lead-days"]').trigger('submit');
    await settle();

    expect(app.get('[data-testid="lead-days-error"]').text()).toBe('请填写 0–30 之间的整数。');
    expect(app.get('[data-testid="lead-days-input"]').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('PATCH', '/api/coop/cooperative')).toHaveLength(0);
  });
});
