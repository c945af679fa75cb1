import { describe, expect, it } from 'vitest';
import { formatPrice, formatPriceRange } from './format';

describe('formatPrice', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatPrice(123450)).toBe('¥1,234.50');
  });

  it('shows zero and single fen exactly', () => {
    expect(formatPrice(0)).toBe('¥0.00');
    expect(formatPrice(1)).toBe('¥0.01');
  });

  it('shows sums beyond 2^53 fen exactly when given a bigint', () => {
    // ¥180 million is 1.8e10 fen; a bigint far beyond that must not lose digits.
    expect(formatPrice(18_000_000_000n)).toBe('¥180,000,000.00');
    expect(formatPrice(9_007_199_254_740_993n)).toBe('¥90,071,992,547,409.93');
  });
});

describe('formatPriceRange', () => {
  it('shows one price when the range is a single price', () => {
    expect(formatPriceRange(2500, 2500)).toBe('¥25.00');
  });

  it('shows both ends of a range', () => {
    expect(formatPriceRange(2500, 8800)).toBe('¥25.00–¥88.00');
  });
});
