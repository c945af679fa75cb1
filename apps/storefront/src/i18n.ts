import { computed } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import en from './lang/en.json';
import zhCN from './lang/zh-CN.json';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
/** localStorage key holding the visitor's language choice. */
export const LOCALE_STORAGE_KEY = 'qh.locale';

/** zh-CN is the source of truth: en.json must have exactly its keys (checked by the type below). */
export type MessageSchema = typeof zhCN;

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

export function createAppI18n(locale: AppLocale = readStoredLocale()) {
  applyDocumentLocale(locale);
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, en },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** The current language and a switch that is remembered across visits and sets `<html lang>`. */
export function useLocale() {
  const { locale: i18nLocale } = useI18n({ useScope: 'global' });
  const locale = computed<AppLocale>(() => (isAppLocale(i18nLocale.value) ? i18nLocale.value : DEFAULT_LOCALE));

  function setLocale(next: AppLocale): void {
    i18nLocale.value = next;
    applyDocumentLocale(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
  }

  function toggleLocale(): void {
    setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  }

  return { locale, setLocale, toggleLocale };
}
