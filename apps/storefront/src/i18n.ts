import { computed } from 'vue';
import { createI18n, useI18n, type Composer } from 'vue-i18n';
import { compileMessage } from './lang/message-compiler';
import zhCN from './lang/zh-CN.json';
import type zhPortals from './lang/zh-CN.portals.json';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
/** localStorage key holding the visitor's language choice. */
export const LOCALE_STORAGE_KEY = 'qh.locale';

/** zh-CN is the source of truth: en.json must have exactly its keys (checked by the type below). */
export type MessageSchema = typeof zhCN & typeof zhPortals;

type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** Every translatable key, e.g. `nav.cart`; lets routes name their titles type-safely. */
export type MessageKey = LeafPaths<MessageSchema>;

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): AppLocale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to Chinese.
    return DEFAULT_LOCALE;
  }
}

function applyDocumentLocale(locale: AppLocale): void {
  document.documentElement.lang = locale;
}

/** Messages by language: Chinese comes with the app; English, which few visitors read, is loaded when first wanted. */
export type LocaleMessages = { 'zh-CN': MessageSchema } & Partial<Record<AppLocale, MessageSchema>>;

/**
 * The Chinese the app starts with: the shop's and what every page shares. The portals' part
 * (cooperatives, institutions, officials, administration: two thirds of it) is merged in by
 * withPortalMessages when a portal page first opens, so a buyer's first download goes without it.
 */
const startingChinese = zhCN as MessageSchema;

async function messagesOf(locale: AppLocale): Promise<MessageSchema> {
  if (locale === DEFAULT_LOCALE) return startingChinese;
  // Typed as the schema, so that en.json missing a key of zh-CN.json fails the type check.
  const english: MessageSchema = (await import('./lang/en.json')).default;
  return english;
}

/**
 * The app's i18n in `locale`, which must be among `messages` (the app starts in Chinese and switches
 * with switchLocale; the tests hand in every language at once).
 */
export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE, messages: LocaleMessages = { 'zh-CN': startingChinese }) {
  applyDocumentLocale(locale);
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    // vue-i18n's type wants every language at once; one not loaded yet falls back to Chinese.
    messages: messages as Record<AppLocale, MessageSchema>,
    messageCompiler: compileMessage,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Loads the portals' Chinese into `i18n` unless it is there already: before a portal page opens (English comes whole). */
export async function withPortalMessages(i18n: AppI18n['global']): Promise<void> {
  if ('org' in i18n.getLocaleMessage(DEFAULT_LOCALE)) return;
  i18n.mergeLocaleMessage(DEFAULT_LOCALE, (await import('./lang/zh-CN.portals.json')).default);
}

/** Shows `locale`, its messages loaded first if they are not yet; sets `<html lang>`. */
export async function switchLocale(i18n: Pick<Composer, 'locale' | 'availableLocales' | 'setLocaleMessage'>, locale: AppLocale) {
  if (!i18n.availableLocales.includes(locale)) i18n.setLocaleMessage(locale, await messagesOf(locale));
  i18n.locale.value = locale;
  applyDocumentLocale(locale);
}

/** The current language and a switch that is remembered across visits and sets `<html lang>`. */
export function useLocale() {
  const composer = useI18n({ useScope: 'global' });
  const locale = computed<AppLocale>(() => (isAppLocale(composer.locale.value) ? composer.locale.value : DEFAULT_LOCALE));

  async function setLocale(next: AppLocale): Promise<void> {
    await switchLocale(composer, next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
  }

  function toggleLocale(): Promise<void> {
    return setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  }

  return { locale, setLocale, toggleLocale };
}
