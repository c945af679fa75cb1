import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function fillAndSubmit(app: VueWrapper, email: string, password: string) {
  await app.get('[data-testid="login-email"]').setValue(email);
  await app.get('[data-testid="login-password"]').setValue(password);
  await app.get('main form').trigger('submit');
  await settle();
}

describe('LoginPage', () => {
  it('labels both fields', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/login' }));

    expect(wrapper.get('h1').text()).toBe('登录');
    expect(wrapper.get('label[for="login-email"]').text()).toBe('邮箱');
    expect(wrapper.get('label[for="login-password"]').text()).toBe('密码');
    expect(wrapper.get('#login-email').attributes('data-testid')).toBe('login-email');
    expect(wrapper.get('#login-password').attributes('type')).toBe('password');
  });

  it('asks for the missing email and password without calling the server', async () => {
    const api = fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/login' }));

    await wrapper.get('[data-testid="login-submit"]').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="login-email-error"]').text()).toBe('请输入邮箱。');
    expect(wrapper.get('[data-testid="login-password-error"]').text()).toBe('请输入密码。');
    expect(wrapper.get('[data-testid="login-email"]').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('rejects an email without a domain', async () => {
    const api = fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/login' }));

    await fillAndSubmit(wrapper, 'chen.li', 'secret-pass');

    expect(wrapper.get('[data-testid="login-email-error"]').text()).toBe('邮箱格式不正确，例如 name@example.com。');
    expect(wrapper.find('[data-testid="login-password-error"]').exists()).toBe(false);
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('shows the validation messages in English after switching language', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/login' }));

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    await wrapper.get('main form').trigger('submit');
    await settle();

    expect(wrapper.get('h1').text()).toBe('Log in');
    expect(wrapper.get('label[for="login-email"]').text()).toBe('Email');
    expect(wrapper.get('[data-testid="login-email-error"]').text()).toBe('Enter your email address.');
    expect(wrapper.get('[data-testid="login-password-error"]').text()).toBe('Enter your password.');
  });

  it('shows the message for wrong credentials and stays on the page', async () => {
    const api = fakeSessionApi(null, {
      'POST /api/auth/login': () => errorResponse(401, 'INVALID_CREDENTIALS'),
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/login' }));

    await fillAndSubmit(wrapper, 'chen.li@example.com', 'wrong-pass');

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe('邮箱或密码不正确。');
    expect(wrapper.get('[data-testid="login-error"]').attributes('role')).toBe('alert');
    expect(router.currentRoute.value.path).toBe('/login');
    // A failed login is not retried through the refresh cookie.
    expect(api.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('shows the message for too many attempts, in the current language', async () => {
    fakeSessionApi(null, {
      'POST /api/auth/login': () => errorResponse(429, 'TOO_MANY_ATTEMPTS'),
    });
    ({ wrapper } = await mountApp({ path: '/login', locale: 'en' }));

    await fillAndSubmit(wrapper, 'chen.li@example.com', 'secret-pass');

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe('Too many attempts. Please try again later.');
  });

  it('shows a general message for an error code it does not know', async () => {
    fakeSessionApi(null, {
      'POST /api/auth/login': () => errorResponse(503, 'MAINTENANCE'),
    });
    ({ wrapper } = await mountApp({ path: '/login' }));

    await fillAndSubmit(wrapper, 'chen.li@example.com', 'secret-pass');

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe('出了点问题，请稍后再试。');
  });

  it('signs in and goes to the page that asked for the login', async () => {
    const cooperative = userWithRole('cooperative');
    const api = fakeSessionApi(null, {
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: cooperative }),
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/coop' }));
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/coop');

    await fillAndSubmit(wrapper, ' cooperative@example.com ', 'secret-pass');

    const [login] = api.callsTo('POST', '/api/auth/login');
    expect(await login!.json()).toEqual({ email: 'cooperative@example.com', password: 'secret-pass' });
    expect(router.currentRoute.value.path).toBe('/coop');
    expect(wrapper.get('h1').text()).toBe('合作社后台');
    expect(wrapper.find('[data-testid="account-menu"]').exists()).toBe(true);
  });

  it('goes home after signing in without a redirect, and never to another site', async () => {
    fakeSessionApi(null, {
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: userWithRole('buyer') }),
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/login?redirect=//evil.example.com' }));

    await fillAndSubmit(wrapper, 'buyer@example.com', 'secret-pass');

    expect(router.currentRoute.value.path).toBe('/');
    expect(wrapper.get('[data-testid="home-title"]').text()).toBe('纳雍好物，直达广州');
  });

  it('lands an official on the dashboard when signing in without a redirect', async () => {
    fakeSessionApi(null, {
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: userWithRole('official') }),
      'GET /api/impact/summary': () => errorResponse(503, 'DATABASE_UNAVAILABLE'),
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/login' }));

    await fillAndSubmit(wrapper, 'official@example.com', 'secret-pass');

    expect(router.currentRoute.value.path).toBe('/gov');
  });

  it('speaks to officials who come from /gov, and to shoppers otherwise', async () => {
    fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/gov' }));
    expect(wrapper.get('[data-testid="login-intro"]').text()).toMatch(/^帮扶工作人员登录后查看消费帮扶成效/);
    wrapper.unmount();
    ({ wrapper } = await mountApp({ path: '/login' }));
    expect(wrapper.get('[data-testid="login-intro"]').text()).toBe('登录后可以下单、查看订单和帮扶成效。');
  });

  it('tells a buyer who opens /gov that the page is for officials, on a 403 page', async () => {
    fakeSessionApi(userWithRole('buyer'));
    let router;
    ({ wrapper, router } = await mountApp({ path: '/gov' }));

    expect(router.currentRoute.value.name).toBe('forbidden');
    expect(wrapper.get('[data-testid="forbidden-title"]').text()).toBe('无权访问这个页面');
    expect(wrapper.get('[data-testid="forbidden-body"]').text()).toBe('这个页面只对帮扶工作人员、平台管理员开放，你现在以买家身份登录。');
  });
});
