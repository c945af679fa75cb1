import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { fakeSessionApi, mountApp, settle, userWithRole } from '../testing/app';
import { LOCALE_STORAGE_KEY } from '../i18n';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function openAccountMenu(app: VueWrapper) {
  await app.get('[data-testid="account-menu"] button[aria-expanded]').trigger('click');
  return app.get('[data-testid="account-menu"]');
}

describe('AppHeader', () => {
  it('shows the brand, the eight categories, the cart and a login link to a guest', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp());

    const header = wrapper.get('header');
    expect(header.get('a[href="/"]').text()).toBe('黔货入粤');
    const categories = header
      .get('nav')
      .findAll('a')
      .map((a) => a.text());
    expect(categories).toEqual(['茶叶', '玛瑙红樱桃', '土鸡', '土鸡蛋', '食用菌', '糯谷猪肉', '百兴面条', '冷凉蔬菜']);
    expect(header.get('nav a').attributes('href')).toBe('/category/TEA');
    expect(header.get('[data-testid="cart-link"]').attributes('aria-label')).toBe('购物车');
    expect(header.get('[data-testid="login-link"]').text()).toBe('登录');
    expect(header.find('[data-testid="account-menu"]').exists()).toBe(false);
  });

  it('shows a cooperative its email, role and the cooperative portal only', async () => {
    fakeSessionApi(userWithRole('cooperative'));
    ({ wrapper } = await mountApp());

    expect(wrapper.find('[data-testid="login-link"]').exists()).toBe(false);
    const menu = await openAccountMenu(wrapper);
    expect(menu.text()).toContain('cooperative@example.com');
    expect(menu.text()).toContain('身份：合作社');
    const links = menu.findAll('a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([['合作社后台', '/coop']]);
    expect(menu.get('[data-testid="logout"]').isVisible()).toBe(true);
  });

  it('gives each back office its own header: its name, no shop search, cart or categories', async () => {
    fakeSessionApi(userWithRole('official'), { 'GET /api/impact/summary': () => new Response(null, { status: 503 }) });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/gov' }));

    const header = wrapper.get('header');
    expect(header.get('[data-testid="header-portal"]').text()).toBe('帮扶数据');
    expect(header.find('[data-testid="cart-link"]').exists()).toBe(false);
    expect(header.find('input[type="search"]').exists()).toBe(false);
    expect(header.find('[data-testid="category-link-TEA"]').exists()).toBe(false);

    await router.push('/');
    await settle();
    expect(wrapper.get('header').find('[data-testid="header-portal"]').exists()).toBe(false);
    expect(wrapper.get('header').find('[data-testid="category-link-TEA"]').exists()).toBe(true);
  });

  it('shows an official the assistance data only', async () => {
    fakeSessionApi(userWithRole('official'));
    ({ wrapper } = await mountApp());

    const menu = await openAccountMenu(wrapper);
    expect(menu.text()).toContain('身份：帮扶工作人员');
    expect(menu.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([['帮扶数据', '/gov']]);
  });

  it('shows an admin the assistance data and the administration', async () => {
    fakeSessionApi(userWithRole('admin'));
    ({ wrapper } = await mountApp());

    const menu = await openAccountMenu(wrapper);
    expect(menu.text()).toContain('身份：平台管理员');
    expect(menu.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['帮扶数据', '/gov'],
      ['管理后台', '/admin'],
    ]);
  });

  it('shows a buyer their orders, the way to register an organisation, and no back-office links', async () => {
    fakeSessionApi(userWithRole('buyer'));
    ({ wrapper } = await mountApp());

    const menu = await openAccountMenu(wrapper);
    expect(menu.text()).toContain('buyer@example.com');
    expect(menu.text()).toContain('身份：买家');
    expect(menu.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['我的订单', '/orders'],
      ['我的售后', '/claims'],
      ['单位采购入驻', '/org'],
    ]);
  });

  it('shows a buyer who belongs to an organisation a link to it', async () => {
    const organisation = {
      id: 'org-1',
      name: '天河区机关饭堂',
      nameEn: 'Tianhe Canteen',
      status: 'VERIFIED' as const,
      roles: ['PURCHASER' as const],
    };
    fakeSessionApi(userWithRole('buyer', { organisation }));
    ({ wrapper } = await mountApp());

    const menu = await openAccountMenu(wrapper);
    expect(menu.get('[data-testid="account-link-org"]').text()).toBe('我的单位');
    expect(menu.get('[data-testid="account-link-org"]').attributes('href')).toBe('/org');
  });

  it('keeps the account menu closed until it is opened', async () => {
    fakeSessionApi(userWithRole('buyer'));
    ({ wrapper } = await mountApp());

    const toggle = wrapper.get('[data-testid="account-menu"] button[aria-expanded]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(wrapper.get('[data-testid="logout"]').isVisible()).toBe(false);
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(wrapper.get('[data-testid="logout"]').isVisible()).toBe(true);
  });

  it('logs out, tells the server, and leaves a back-office page for home', async () => {
    const api = fakeSessionApi(userWithRole('cooperative'));
    let router;
    ({ wrapper, router } = await mountApp({ path: '/coop' }));
    expect(wrapper.get('h1').text()).toBe('合作社后台');

    const menu = await openAccountMenu(wrapper);
    await menu.get('[data-testid="logout"]').trigger('click');
    await settle();

    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(wrapper.find('[data-testid="account-menu"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="login-link"]').text()).toBe('登录');
    expect(router.currentRoute.value.path).toBe('/');
  });
});

describe('language switch', () => {
  it('offers English in Chinese and switches the visible text to English', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp());

    const button = wrapper.get('[data-testid="lang-switch"]');
    expect(button.text()).toBe('English');
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('纳雍好物，直达广州');

    await button.trigger('click');

    expect(button.text()).toBe('中文');
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('From Nayong farms to Guangzhou tables');
    expect(wrapper.get('header nav a').text()).toBe('Tea');
    expect(wrapper.get('[data-testid="login-link"]').text()).toBe('Log in');
    expect(wrapper.get('[data-testid="cart-link"]').attributes('aria-label')).toBe('Cart');
    expect(document.documentElement.lang).toBe('en');
  });

  it('remembers the choice for the next visit', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp());
    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    wrapper.unmount();

    ({ wrapper } = await mountApp());
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('From Nayong farms to Guangzhou tables');
    expect(wrapper.get('[data-testid="lang-switch"]').text()).toBe('中文');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('纳雍好物，直达广州');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
