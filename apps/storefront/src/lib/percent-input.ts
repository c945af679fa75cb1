import { normalizeDigits } from './yuan-input';

// Digits, optionally a point and decimals, optionally a percent sign (half- or full-width).
const PERCENT_PATTERN = /^(\d+)(?:\.(\d*))?\s*[%％]?$/;

/**
 * A percentage typed by a person (`10`, `12.5`, `12.34%`, `１０％`) as integer basis points, by
 * string arithmetic so that `12.34` is exactly 1234; null when it is not a percentage of at most two
 * decimals (one basis point).
 */
export function percentTextToBp(text: string): number | null {
  const match = PERCENT_PATTERN.exec(normalizeDigits(text));
  if (match === null) return null;
  const [, whole = '', decimals = ''] = match;
  if (decimals.length > 2 || whole.length > 6) return null;
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Basis points as the plain percentage an input holds, without trailing zeros: 1000 → `10`, 1250 → `12.5`, 1234 → `12.34`. */
export function bpToPercentText(bp: number): string {
  const decimals = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return decimals ? `${Math.floor(bp / 100)}.${decimals}` : String(Math.floor(bp / 100));
}
