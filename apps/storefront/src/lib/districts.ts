import { districtByCode } from '@qh/domain';

/** A Guangzhou district's name in the reader's language, or its code if unknown. */
export function districtName(code: string, locale: string): string {
  const district = districtByCode(code);
  if (!district) return code;
  return locale === 'en' ? district.nameEn : district.name;
}
