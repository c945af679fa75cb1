import { formatFen } from '@qh/domain';

/**
 * The one place the storefront turns fen into a displayed price (`¥1,234.50`).
 * Components never divide by 100 themselves.
 */
export function formatPrice(fen: number | bigint): string {
  return formatFen(fen);
}

/**
 * An axis tick in yuan, short enough for a chart on a phone (`1200万`, `12M`); the axis is labelled
 * in yuan, and exact amounts are shown with `formatPrice`.
 */
export function formatYuanCompact(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

/**
 * Basis points as a percentage with two decimals, by integer arithmetic so nothing rounds:
 * 1234 → `12.34%`, 1000 → `10.00%`, 12345 → `123.45%`, -5 → `-0.05%`. The API's CSV writes the same digits.
 */
export function formatBasisPoints(bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`formatBasisPoints needs an integer of basis points, got ${bp}`);
  const absolute = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}%`;
}

/**
 * Basis points as a percentage with one decimal, for a share read at a glance (on-time shipping, claim
 * rate): 9850 → `98.5%`, 1234 → `12.3%`, 5 → `0.1%`, rounded half up by integer arithmetic.
 */
export function formatShareBp(bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`formatShareBp needs an integer of basis points, got ${bp}`);
  const tenths = Math.round(Math.abs(bp) / 10);
  return `${bp < 0 ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** A price range such as `¥25.00–¥88.00`, collapsing to one price when both ends agree. */
export function formatPriceRange(minFen: number | bigint, maxFen: number | bigint): string {
  return BigInt(minFen) === BigInt(maxFen) ? formatPrice(minFen) : `${formatPrice(minFen)}–${formatPrice(maxFen)}`;
}

/** A weight in grams as `850 g` or `2.5 kg`; digits only, so both languages read it the same. */
export function formatWeight(weightG: number): string {
  if (weightG < 1000) return `${weightG} g`;
  const kilograms = Math.floor(weightG / 1000);
  // Integer arithmetic, so 3300 g prints 3.3 and never 3.2999999.
  const grams = String(weightG % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return grams ? `${kilograms}.${grams} kg` : `${kilograms} kg`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The year, month and day of an API day (`2027-06-30`, or the date part of a timestamp), as numbers. */
function dayParts(isoDate: string): { year: number; month: number; day: number } {
  const [year = NaN, month = NaN, day = NaN] = isoDate.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

/**
 * A calendar day from the API (`2027-06-30`, or the date part of a timestamp) in the reader's
 * language: `2027年6月30日`, `June 30, 2027`; the day as written, so no time zone moves it. Spelled
 * out for the app's two languages as Intl spells them: the first Intl.DateTimeFormat of a page
 * loads the browser's calendar data, which cost a phone's first paint of a product page 80 ms.
 */
export function formatDate(isoDate: string, locale: string): string {
  const { year, month, day } = dayParts(isoDate);
  if (locale === 'zh-CN') return `${year}年${month}月${day}日`;
  if (locale === 'en') return `${MONTHS_EN[month - 1]} ${day}, ${year}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A day (`2026-04-01`) as month and day only, for a badge: `4月1日`, `Apr 1`; spelled out as formatDate. */
export function formatMonthDay(isoDate: string, locale: string): string {
  const { year, month, day } = dayParts(isoDate);
  if (locale === 'zh-CN') return `${month}月${day}日`;
  if (locale === 'en') return `${MONTHS_EN[month - 1]!.slice(0, 3)} ${day}`;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/**
 * A moment from the API (`2026-04-01T08:05:00Z`) as day and time in the reader's language and,
 * unless `timeZone` is given, the reader's time zone: `2026年4月1日 16:05`, `Apr 1, 2026, 4:05 PM`.
 */
export function formatDateTime(isoTime: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(isoTime));
}
