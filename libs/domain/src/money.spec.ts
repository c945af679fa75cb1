import fc from 'fast-check';
import { assertFen, formatFen, isFen, parseYuan, sumFen } from './money';

describe(formatFen.name, () => {
  it('formats fen as yuan with a yuan sign, thousands separators and two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
  });

  it('formats zero as ¥0.00', () => {
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('pads single fen to two decimals', () => {
    expect(formatFen(7)).toBe('¥0.07');
  });

  it('puts the minus sign before the yuan sign for negative amounts', () => {
    expect(formatFen(-123450)).toBe('-¥1,234.50');
  });

  it('formats negative zero as ¥0.00', () => {
    expect(formatFen(-0)).toBe('¥0.00');
  });

  it('does not add a separator to amounts under a thousand yuan', () => {
    expect(formatFen(99999)).toBe('¥999.99');
  });

  it('formats the largest safe integer exactly', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('formats bigint sums beyond 2^53 exactly', () => {
    expect(formatFen(2n ** 64n)).toBe('¥184,467,440,737,095,516.16');
  });

  it('formats a negative bigint with the minus sign first', () => {
    expect(formatFen(-100000000000000000001n)).toBe('-¥1,000,000,000,000,000,000.01');
  });

  it('rejects a number of fen that is not an integer', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('rejects a number of fen beyond the safe integers', () => {
    expect(() => formatFen(2 ** 53)).toThrow(RangeError);
  });

  it('formats a number and the same bigint identically', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (fen) => {
        expect(formatFen(fen)).toBe(formatFen(BigInt(fen)));
      }),
    );
  });

  it('shows every digit of any bigint, in order, after the yuan sign', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), (fen) => {
        const text = formatFen(fen);
        expect(text).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
        const digits = text.replace(/[-¥,.]/g, '');
        const sign = text.startsWith('-') ? -1n : 1n;
        expect(sign * BigInt(digits)).toBe(fen);
      }),
    );
  });
});

describe(parseYuan.name, () => {
  it('parses plain yuan to fen', () => {
    expect(parseYuan('12')).toBe(1200);
  });

  it('parses one decimal as tenths of a yuan', () => {
    expect(parseYuan('1234.5')).toBe(123450);
  });

  it('parses a formatted amount with yuan sign and separators', () => {
    expect(parseYuan('¥1,234.50')).toBe(123450);
  });

  it('accepts the full-width yuan sign', () => {
    expect(parseYuan('￥8.80')).toBe(880);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseYuan('  30.00 ')).toBe(3000);
  });

  it('parses amounts that floats get wrong exactly', () => {
    expect([parseYuan('0.29'), parseYuan('1.15'), parseYuan('4.35')]).toEqual([29, 115, 435]);
  });

  it('parses a negative formatted amount', () => {
    expect(parseYuan('-¥1,234.50')).toBe(-123450);
  });

  it('parses negative zero as zero rather than -0', () => {
    expect(Object.is(parseYuan('-0.00'), 0)).toBe(true);
  });

  it('rejects more than two decimals', () => {
    expect(() => parseYuan('1.234')).toThrow(/at most 2 decimals/);
  });

  it.each(['', ' ', 'abc', '12a', '1.2.3', '.5', '12.', '1,23.00', '12,34', '¥ 12', '+12', '1e3', '¥-12'])(
    'rejects %p as not an amount',
    (text) => {
      expect(() => parseYuan(text)).toThrow(RangeError);
    },
  );

  it('rejects amounts beyond a safe integer of fen', () => {
    expect(() => parseYuan('90071992547409.92')).toThrow(/too large/);
  });

  it('accepts the largest safe integer of fen', () => {
    expect(parseYuan('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('gives back any safe integer of fen that formatFen printed', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
      }),
    );
  });

  it('parses yuan and up to two decimals into yuan * 100 + decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.stringMatching(/^\d{0,2}$/), (yuan, decimals) => {
        const text = decimals === '' ? `${yuan}` : `${yuan}.${decimals}`;
        expect(parseYuan(text)).toBe(yuan * 100 + Number(decimals.padEnd(2, '0')));
      }),
    );
  });
});

describe(isFen.name, () => {
  it.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts %p', (value) => {
    expect(isFen(value)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53, '100', 100n, null])('rejects %p', (value) => {
    expect(isFen(value)).toBe(false);
  });
});

describe(assertFen.name, () => {
  it('accepts a non-negative safe integer', () => {
    expect(() => assertFen(12345)).not.toThrow();
  });

  it('names the offending field in the error', () => {
    expect(() => assertFen(-5, 'priceFen')).toThrow('priceFen must be a non-negative safe integer');
  });

  it.each([-1, 0.5, Number.NaN, 2 ** 53, '1'])('throws a RangeError for %p', (value) => {
    expect(() => assertFen(value)).toThrow(RangeError);
  });
});

describe('sumFen', () => {
  it('adds amounts in fen exactly', () => {
    expect(sumFen([19800, 1, 0])).toBe(19801);
    expect(sumFen([])).toBe(0);
  });

  it('refuses fractional or negative amounts and sums past 2^53', () => {
    expect(() => sumFen([1.5])).toThrow(RangeError);
    expect(() => sumFen([-1])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
