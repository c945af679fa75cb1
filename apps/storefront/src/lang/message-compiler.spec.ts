import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from './en.json';
import { compileMessage, parseMessage } from './message-compiler';
import zhCN from './zh-CN.json';
import zhPortals from './zh-CN.portals.json';

type Messages = { [key: string]: string | Messages };

function leaves(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const messages = { 'zh-CN': { ...zhCN, ...zhPortals } as Messages, en: en as Messages };

/** The same messages with vue-i18n's own compiler (there in tests: the build alone leaves it out) and with the app's. */
const withTheirs = createI18n({ legacy: false, locale: 'zh-CN', messages });
const withOurs = createI18n({ legacy: false, locale: 'zh-CN', messages, messageCompiler: compileMessage });

describe.each(Object.keys(messages) as (keyof typeof messages)[])('every %s message', (locale) => {
  it('reads the same as vue-i18n’s own compiler makes it, with its values and for each plural', () => {
    withTheirs.global.locale.value = locale;
    withOurs.global.locale.value = locale;
    const all = leaves(messages[locale]);
    expect(all.length).toBeGreaterThan(500);
    const differing: string[] = [];
    for (const [key, message] of all) {
      // A new object for each call: vue-i18n writes the plural count into the values it is given.
      const values = () => Object.fromEntries([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map(([, name]) => [name, `«${name}»`]));
      for (const count of [0, 1, 2, 5]) {
        const theirs = withTheirs.global.t(key, values(), count);
        const ours = withOurs.global.t(key, values(), count);
        if (ours !== theirs) differing.push(`${key} (${count}): ${ours} ≠ ${theirs}`);
      }
      if (withOurs.global.t(key, values()) !== withTheirs.global.t(key, values())) differing.push(key);
    }
    expect(differing).toEqual([]);
  });
});

describe('the message compiler', () => {
  const render = (message: string, named: Record<string, unknown>, count?: number) => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { m: message } }, messageCompiler: compileMessage });
    return count === undefined ? i18n.global.t('m', named) : i18n.global.t('m', named, count);
  };

  it('puts in named values, literals, and picks a plural case without the spaces around its bar', () => {
    expect(render('Hello {name}, { name }!', { name: 'Li' })).toBe('Hello Li, Li!');
    expect(render("name{'@'}example.com", {})).toBe('name@example.com');
    expect(render('{n} box | {n} boxes', {}, 1)).toBe('1 box');
    expect(render('{n} box | {n} boxes', {}, 3)).toBe('3 boxes');
    expect(render('none | one | {n} many', {}, 0)).toBe('none');
  });

  it('refuses what it does not support, naming the message', () => {
    for (const message of ['@:other.key', 'see @.lower:key', '{0} items', 'open { brace', 'close } brace', 'back\\slash', '{a-b}'])
      expect(() => parseMessage(message), message).toThrow(
        new RegExp(`^Message ${JSON.stringify(message).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`),
      );
  });

  it('makes one function for each text', () => {
    const context = { key: 'a' } as Parameters<typeof compileMessage>[1];
    expect(compileMessage('{n} box | {n} boxes', context)).toBe(compileMessage('{n} box | {n} boxes', { ...context, key: 'b' }));
  });
});
