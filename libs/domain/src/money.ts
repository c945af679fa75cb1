/**
 * Money is held as integer fen (1 yuan = 100 fen) everywhere; floats never touch an amount.
 * Names carry the unit: `priceFen`, `totalFen`.
 */

const FEN_PER_YUAN = 100n;

/** True when `value` is a non-negative safe integer, i.e. a storable amount of fen. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Throws a RangeError unless `value` is a non-negative safe integer amount of fen. */
export function assertFen(value: unknown, name = 'amountFen'): asserts value is number {
  if (!isFen(value)) {
    throw new RangeError(`${name} must be a non-negative safe integer (fen), got ${String(value)}`);
  }
}

/** The sum of amounts in fen; refuses a fractional, negative or unsafe amount, or a sum past 2^53. */
export function sumFen(amountsFen: readonly number[]): number {
  const total = amountsFen.reduce((sum, amount, index) => {
    assertFen(amount, `amountsFen[${index}]`);
    return sum + amount;
  }, 0);
  assertFen(total, 'sum');
  return total;
}

/**
 * Formats fen as yuan for display: `¥1,234.50`, `-¥1,234.50`, `¥0.00`.
 * Takes a bigint too, so sums beyond 2^53 fen still print exactly.
 */
export function formatFen(fen: number | bigint): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
    throw new RangeError(`formatFen needs a safe integer amount of fen, got ${fen}`);
  }
  const value = BigInt(fen);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const yuan = (absolute / FEN_PER_YUAN).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = (absolute % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

// Optional minus, optional yuan sign (half- or full-width), digits either plain or grouped by
// commas in threes, then optionally a point and one or more decimals (more than 2 rejected below).
const YUAN_PATTERN = /^(-)?[¥￥]?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parses a yuan amount typed by a person (`1234.5`, `¥1,234.50`, `12`) into fen, by string
 * arithmetic so that `0.29` is exactly 29 fen. Surrounding whitespace is ignored; a leading minus
 * is accepted so that every `formatFen` output parses back. Throws a RangeError on anything else,
 * on more than 2 decimals (below one fen) and on amounts beyond a safe integer of fen.
 */
export function parseYuan(text: string): number {
  const match = YUAN_PATTERN.exec(text.trim());
  if (match === null) {
    throw new RangeError(`Not an amount in yuan: "${text}"`);
  }
  const [, minus, integerPart = '', decimals = ''] = match;
  if (decimals.length > 2) {
    throw new RangeError(`An amount in yuan has at most 2 decimals (1 fen), got "${text}"`);
  }
  const fen = BigInt(integerPart.replaceAll(',', '')) * FEN_PER_YUAN + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Amount too large to hold in fen: "${text}"`);
  }
  // "-0" and "-0.00" parse to 0, not to the number -0.
  return minus === undefined || fen === 0n ? Number(fen) : -Number(fen);
}
