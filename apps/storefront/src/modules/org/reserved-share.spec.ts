import { describe, expect, it } from 'vitest';
import { monthsSoFar, planYears, yearFromQuery } from './reserved-share';

describe('planYears', () => {
  it('offers next year back to the pairing’s first, newest first', () => {
    const years = planYears(2026);
    expect(years.slice(0, 2)).toEqual([2027, 2026]);
    expect(years.at(-1)).toBe(2016);
  });
});

describe('yearFromQuery', () => {
  it('takes a year a plan may have, and nothing else', () => {
    expect(yearFromQuery('2025', 2026)).toBe(2025);
    expect(yearFromQuery('2027', 2026)).toBe(2027);
    for (const value of ['2015', '2028', '25', 'abc', undefined, ['2025']]) expect(yearFromQuery(value, 2026)).toBeNull();
  });
});

describe('monthsSoFar', () => {
  it('counts the months of the year that have begun by today', () => {
    expect(monthsSoFar(2025, '2026-03-31')).toBe(12);
    expect(monthsSoFar(2026, '2026-03-31')).toBe(3);
    expect(monthsSoFar(2026, '2026-01-01')).toBe(1);
    expect(monthsSoFar(2027, '2026-12-31')).toBe(0);
  });
});
