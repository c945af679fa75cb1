import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function fillAndSubmit(app: VueWrapper, fields: { email: string; password: string; name?: string }) {
  await app.get('[data-testid="register-email"]').setValue(fields.email);
  await app.get('[data-testid="register-password"]').setValue(fields.password);
  if (fields.name !== undefined) await app.get('[data-testid="register-name"]').setValue(fields.name);
  await app.get('main form').trigger('submit');
  await settle();
}

describe('RegisterPage', () => {
  it('is reached from the login page, keeping where the buyer was going', async () => {
    fakeSessionApi(null);
    let router;
    ({ wrapper, router } = await mountApp({ path: '/login?redirect=/cart' }));

    await wrapper.get('[data-testid="to-register"]').trigger('click');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/register?redirect=/cart');
    expect(wrapper.get('h1').text()).toBe('注册');
    expect(wrapper.get('label[for="register-password"]').text()).toBe('密码');
    expect(wrapper.get('#register-password').attributes('autocomplete')).toBe('new-password');
  });

  it('asks for an email and a password of 10 characters without calling the server', async () => {
    const api = fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/register' }));

    await fillAndSubmit(wrapper, { email: '', password: 'short-pw' });

    expect(wrapper.get('[data-testid="register-email-error"]').text()).toBe('请输入邮箱。');
    expect(wrapper.get('[data-testid="register-password-error"]').text()).toBe('密码至少需要 10 个字符。');
    expect(wrapper.get('[data-testid="register-email"]').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/auth/register')).toHaveLength(0);
  });

  it('opens the account, signs the buyer in and goes on to the page that sent them', async () => {
    const api = fakeSessionApi(null, {
      'POST /api/auth/register': () => jsonResponse(201, { accessToken: 'token-1', user: userWithRole('buyer') }),
    });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/register?redirect=/cart' }));

    await fillAndSubmit(wrapper, { email: ' Chen.Li@example.com ', password: 'ten-chars-ok', name: ' 陈丽 ' });

    const [call] = api.callsTo('POST', '/api/auth/register');
    expect(await call!.json()).toEqual({ email: 'Chen.Li@example.com', password: 'ten-chars-ok', displayName: '陈丽' });
    expect(router.currentRoute.value.path).toBe('/cart');
    expect(wrapper.find('[data-testid="account-menu"]').exists()).toBe(true);
  });

  it('says when the email already has an account and offers the login, in English too', async () => {
    fakeSessionApi(null, { 'POST /api/auth/register': () => errorResponse(409, 'EMAIL_TAKEN') });
    let router;
    ({ wrapper, router } = await mountApp({ path: '/register', locale: 'en' }));

    await fillAndSubmit(wrapper, { email: 'buyer@example.com', password: 'ten-chars-ok' });

    const error = wrapper.get('[data-testid="register-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('This email already has an account. Log in instead.');
    await error.get('a').trigger('click');
    await settle();
    expect(router.currentRoute.value.path).toBe('/login');
  });

  it('sends a signed-in visitor on instead of showing the form', async () => {
    fakeSessionApi(userWithRole('buyer'));
    let router;
    ({ wrapper, router } = await mountApp({ path: '/register' }));

    expect(router.currentRoute.value.path).toBe('/');
  });
});
