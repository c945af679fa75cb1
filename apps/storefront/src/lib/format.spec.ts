import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatBasisPoints,
  formatDate,
  formatDateTime,
  formatMonthDay,
  formatPrice,
  formatPriceRange,
  formatShareBp,
  formatWeight,
} from './format';

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

describe('formatBasisPoints', () => {
  it('shows basis points as a percentage with two decimals', () => {
    expect(formatBasisPoints(1234)).toBe('12.34%');
    expect(formatBasisPoints(1000)).toBe('10.00%');
    expect(formatBasisPoints(5)).toBe('0.05%');
    expect(formatBasisPoints(0)).toBe('0.00%');
    expect(formatBasisPoints(12_345)).toBe('123.45%');
    expect(formatBasisPoints(-5)).toBe('-0.05%');
  });

  it('keeps every basis point: the digits read back are the number given', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (bp) => {
        expect(Math.round(Number(formatBasisPoints(bp).slice(0, -1)) * 100)).toBe(bp);
      }),
    );
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

describe('formatWeight', () => {
  it('shows grams below a kilogram', () => {
    expect(formatWeight(850)).toBe('850 g');
  });

  it('shows kilograms with only the decimals that matter', () => {
    expect(formatWeight(1000)).toBe('1 kg');
    expect(formatWeight(3300)).toBe('3.3 kg');
    expect(formatWeight(1250)).toBe('1.25 kg');
    expect(formatWeight(11505)).toBe('11.505 kg');
  });
});

describe('formatDate', () => {
  it("shows a calendar day in the reader's language", () => {
    expect(formatDate('2027-06-30', 'zh-CN')).toBe('2027年6月30日');
    expect(formatDate('2027-06-30', 'en')).toBe('June 30, 2027');
  });

  it('keeps the day of a timestamp whatever the time zone', () => {
    expect(formatDate('2026-01-10T23:30:00.000Z', 'en')).toBe('January 10, 2026');
  });

  // Spelled out by hand for the app's languages (Intl's first use is slow on a phone): exactly as Intl spells them.
  it('writes every day as Intl does, in both languages, with or without a time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('zh-CN', 'en', 'en-GB'),
        fc.boolean(),
        (moment, locale, withTime) => {
          const iso = withTime ? moment.toISOString() : moment.toISOString().slice(0, 10);
          const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
          expect(formatDate(iso, locale)).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day));
          expect(formatMonthDay(iso, locale)).toBe(
            new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(day),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatDateTime', () => {
  it('shows the day and the time where the reader is, in their language', () => {
    expect(formatDateTime('2026-04-01T08:05:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年4月1日 16:05');
    // Some ICU versions put a narrow no-break space before PM.
    expect(formatDateTime('2026-04-01T08:05:00.000Z', 'en', 'Asia/Shanghai').replace(/\s/g, ' ')).toBe('Apr 1, 2026, 4:05 PM');
  });
});

describe('formatShareBp', () => {
  it('shows basis points as a percentage with one decimal, rounded half up', () => {
    expect(formatShareBp(9850)).toBe('98.5%');
    expect(formatShareBp(1234)).toBe('12.3%');
    expect(formatShareBp(1235)).toBe('12.4%');
    expect(formatShareBp(5)).toBe('0.1%');
    expect(formatShareBp(0)).toBe('0.0%');
    expect(formatShareBp(10000)).toBe('100.0%');
  });
});
