import { PRODUCT_CATEGORIES, ROLES } from '@qh/domain';
import { describe, expect, it } from 'vitest';
import { KNOWN_ERROR_CODES } from '../api';
import en from './en.json';
import zhCN from './zh-CN.json';
import zhPortals from './zh-CN.portals.json';

type Messages = { [key: string]: string | Messages };

function lookup(messages: Messages, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Messages)[part] : undefined), messages);
}

const locales = { 'zh-CN': { ...zhCN, ...zhPortals } as Messages, en: en as Messages };

// Literal keys used in the source: t('a.b'), title-key="a.b", titleKey: 'a.b', navKey: 'a.b', 'a.b' as MessageKey.
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const KEY_PATTERNS = [/\bt\(\s*'([\w.]+)'/g, /-key="([\w.]+)"/g, /\b(?:titleKey|navKey|bodyKey):\s*'([\w.]+)'/g, /'(login\.[\w.]+)'/g];
const usedKeys = new Set<string>();
for (const text of Object.values(sources)) {
  for (const pattern of KEY_PATTERNS) {
    for (const match of text.matchAll(pattern)) usedKeys.add(match[1]!);
  }
}

describe.each(Object.entries(locales))('%s messages', (_locale, messages) => {
  it('have every key the source uses', () => {
    expect(usedKeys.size).toBeGreaterThan(20);
    const missing = [...usedKeys].filter((key) => typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('name every product category and role', () => {
    for (const code of PRODUCT_CATEGORIES) {
      expect(lookup(messages, `categories.${code}`)).toEqual(expect.any(String));
      expect(lookup(messages, `categoryBlurbs.${code}`)).toEqual(expect.any(String));
    }
    for (const role of ROLES) expect(lookup(messages, `roles.${role}`)).toEqual(expect.any(String));
  });

  it('have a message for every known error code', () => {
    for (const code of KNOWN_ERROR_CODES) expect(lookup(messages, `errors.${code}`)).toEqual(expect.any(String));
  });
});

// The portals' Chinese comes only with a portal page (i18n.ts, withPortalMessages): a shop page or a
// part that every page shows must not need it.
describe('the portals’ Chinese', () => {
  const portalModule = /^\.\.\/modules\/(org|coop|gov|admin)\//;

  it('is its own file, apart from the rest', () => {
    const portalSections = Object.keys(zhPortals);
    expect(portalSections.length).toBeGreaterThan(5);
    expect(portalSections.filter((section) => section in zhCN)).toEqual([]);
  });

  it('is used by the portals only', () => {
    const outside = Object.entries(sources)
      .filter(([file]) => !portalModule.test(file))
      .flatMap(([file, text]) =>
        Object.keys(zhPortals)
          .filter((section) => new RegExp(`['"\`]${section}\\.`).test(text))
          .map((section) => `${section} in ${file}`),
      );
    expect(outside).toEqual([]);
  });
});
