import { describe, expect, it } from 'vitest';
import { leagueCsvName, leagueQueryFrom, leagueYears } from './institutions';

describe('leagueQueryFrom', () => {
  it('reads the year, district and type from the address', () => {
    expect(leagueQueryFrom({ year: '2025', districtCode: '440106', type: 'SCHOOL' })).toEqual({
      year: 2025,
      districtCode: '440106',
      type: 'SCHOOL',
    });
  });

  it('leaves out what was edited into something that is not one', () => {
    expect(leagueQueryFrom({ year: '2015', districtCode: '440199', type: 'school', organisation: 'x' })).toEqual({});
  });
});

describe('leagueYears', () => {
  it('offers this year back to the pairing’s first', () => {
    expect(leagueYears(2026)[0]).toBe(2026);
    expect(leagueYears(2026).at(-1)).toBe(2016);
  });
});

describe('leagueCsvName', () => {
  it('names the year and the filters’ codes', () => {
    expect(leagueCsvName(2026, {})).toBe('qianhuo-reserved-share-2026.csv');
    expect(leagueCsvName(2026, { districtCode: '440106', type: 'SCHOOL' })).toBe('qianhuo-reserved-share-2026-440106-SCHOOL.csv');
  });
});
