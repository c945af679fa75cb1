import { describe, expect, it } from 'vitest';
import { createAppI18n, switchLocale } from './i18n';

describe('languages', () => {
  it('starts in Chinese with only the Chinese messages, and loads English when the visitor switches to it', async () => {
    const i18n = createAppI18n();
    expect(i18n.global.availableLocales).toEqual(['zh-CN']);
    expect(i18n.global.t('nav.cart')).toBe('购物车');

    await switchLocale(i18n.global, 'en');

    expect(i18n.global.locale.value).toBe('en');
    expect(i18n.global.t('nav.cart')).toBe('Cart');
    expect(document.documentElement.lang).toBe('en');

    await switchLocale(i18n.global, 'zh-CN');
    expect(i18n.global.t('nav.cart')).toBe('购物车');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
