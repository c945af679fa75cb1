import { useLocale } from '../i18n';

/**
 * Picks the API's Chinese or English text for the current language, e.g.
 * `localized(product.titleZh, product.titleEn)`. An empty English text falls back to Chinese.
 * Call it in the template (or a computed) so it follows a language switch.
 */
export function useLocalized() {
  const { locale } = useLocale();
  return (zh: string, en: string): string => (locale.value === 'en' && en ? en : zh);
}
