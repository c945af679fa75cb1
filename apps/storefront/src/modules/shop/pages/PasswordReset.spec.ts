import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, mountApp, settle } from '../../../testing/app';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const text = (app: VueWrapper, testid: string) => app.get(`[data-testid="${testid}"]`).text();

describe('forgot password', () => {
  it('is one click from the login page, and says a link is on its way without telling whether the email has an account', async () => {
    const server = fakeSessionApi(null, { 'POST /api/auth/password-reset': () => new Response(null, { status: 202 }) });
    ({ wrapper } = await mountApp({ path: '/login' }));
    await wrapper.get('[data-testid="to-forgot-password"]').trigger('click');
    await settle();
    expect(wrapper.vm.$route.name).toBe('forgot-password');

    await wrapper.get('[data-testid="forgot-email"]').setValue(' chen@example.cn ');
    await wrapper.get('[data-testid="forgot-submit"]').trigger('submit');
    await settle();

    const [sent] = server.callsTo('POST', '/api/auth/password-reset');
    expect(await sent!.json()).toEqual({ email: 'chen@example.cn' });
    expect(text(wrapper, 'forgot-sent')).toBe('如果 chen@example.cn 已注册，我们已发出一封邮件，请在 30 分钟内打开其中的链接设置新密码。');
  });

  it('checks the email before asking the server', async () => {
    const server = fakeSessionApi(null);
    ({ wrapper } = await mountApp({ path: '/forgot-password' }));
    await wrapper.get('[data-testid="forgot-email"]').setValue('not-an-email');
    await wrapper.get('[data-testid="forgot-submit"]').trigger('submit');
    await settle();
    expect(server.callsTo('POST', '/api/auth/password-reset')).toHaveLength(0);
    expect(wrapper.find('#forgot-email[aria-invalid="true"]').exists()).toBe(true);
  });
});

describe('reset password', () => {
  it('sets the new password with the token from the link', async () => {
    const server = fakeSessionApi(null, { 'POST /api/auth/password-reset/confirm': () => new Response(null, { status: 204 }) });
    ({ wrapper } = await mountApp({ path: '/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }));

    await wrapper.get('[data-testid="reset-password"]').setValue('a-new-long-password');
    await wrapper.get('[data-testid="reset-repeat"]').setValue('a-new-long-password');
    await wrapper.get('[data-testid="reset-submit"]').trigger('submit');
    await settle();

    const [sent] = server.callsTo('POST', '/api/auth/password-reset/confirm');
    expect(await sent!.json()).toEqual({ token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', password: 'a-new-long-password' });
    expect(text(wrapper, 'reset-done')).toContain('新密码已保存');
  });

  it('says when the two passwords differ, and when the link has expired, with a way to ask again', async () => {
    const server = fakeSessionApi(null, { 'POST /api/auth/password-reset/confirm': () => errorResponse(400, 'RESET_TOKEN_INVALID') });
    ({ wrapper } = await mountApp({ path: '/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }));

    await wrapper.get('[data-testid="reset-password"]').setValue('a-new-long-password');
    await wrapper.get('[data-testid="reset-repeat"]').setValue('a-new-long-passwor');
    await wrapper.get('[data-testid="reset-submit"]').trigger('submit');
    await settle();
    expect(server.callsTo('POST', '/api/auth/password-reset/confirm')).toHaveLength(0);
    expect(wrapper.text()).toContain('两次输入的密码不一样。');

    await wrapper.get('[data-testid="reset-repeat"]').setValue('a-new-long-password');
    await wrapper.get('[data-testid="reset-submit"]').trigger('submit');
    await settle();
    expect(text(wrapper, 'reset-error')).toContain('这个链接已失效或已经用过。');
    expect(wrapper.get('[data-testid="reset-error"] a').attributes('href')).toBe('/forgot-password');
  });
});
