import { parseYuan } from '@qh/domain';

/** Fen as the plain yuan text an input holds (`1234.50`); integer arithmetic, so no float ever rounds a price. */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Phone keyboards in Chinese mode may type full-width digits and points (１２．５): read them as ASCII. */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，]/g, ',')
    .replace(/[－]/g, '-')
    .trim();
}

/**
 * An amount typed in yuan (`5000`, `¥5,000.00`, `５０００．５`) as integer fen, by string arithmetic,
 * or null when it is not an amount of at most two decimals.
 */
export function yuanTextToFen(text: string): number | null {
  try {
    return parseYuan(normalizeDigits(text));
  } catch {
    return null;
  }
}
