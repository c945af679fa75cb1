import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials of a Chinese title, lower-case, for search by `yingtao` or `yt`. */
export function pinyinOf(text: string): { full: string; initials: string } {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}

/**
 * A readable, unique URL slug: the English title (else the pinyin) in lower-case words, then a random
 * suffix so that two cooperatives may sell "Old-tree black tea 250 g" without colliding.
 */
export function productSlug(titleEn: string, titleZh: string, suffix: string): string {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let base = words(titleEn);
  if (base.length === 0) base = words(pinyin(titleZh, { toneType: 'none', nonZh: 'consecutive' }));
  const head = base.join('-').slice(0, 80).replace(/-+$/, '');
  return head ? `${head}-${suffix}` : suffix;
}
