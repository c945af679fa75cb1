import { addDays, chinaDay, isAcceptedDateTime, isAcceptedDay, isMonthEnd, isRealDay, monthEnd, nextMonthStart } from './days';

describe('calendar days', () => {
  it('steps over month, year and leap-day edges', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(nextMonthStart('2024-12-15')).toBe('2025-01-01');
    expect(nextMonthStart('2024-01-31')).toBe('2024-02-01');
  });

  it('knows the last day of each month, February included', () => {
    expect(['2024-02', '2023-02-10', '2026-12-31'].map(monthEnd)).toEqual(['2024-02-29', '2023-02-28', '2026-12-31']);
    expect(['2024-02-29', '2023-02-28', '2026-04-30', '2026-12-31'].every(isMonthEnd)).toBe(true);
    expect(['2024-02-28', '2026-04-29', '2026-12-01'].some(isMonthEnd)).toBe(false);
  });

  it('counts the day in China, eight hours ahead of UTC', () => {
    expect(chinaDay(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(chinaDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });

  it('refuses a day the calendar does not have', () => {
    expect(isRealDay('2026-02-29')).toBe(false);
    expect(isRealDay('2024-02-29')).toBe(true);
  });

  it('accepts only real days of this century, written YYYY-MM-DD', () => {
    expect(['2000-01-01', '2024-02-29', '2026-12-31', '2099-12-31'].filter(isAcceptedDay)).toHaveLength(4);
    for (const day of [
      '0000-01-01',
      '1999-12-31',
      '2100-01-01',
      '9999-12-31',
      '2026-02-30',
      '2026-04-31',
      '2026-W01-1',
      '2026-001',
      '2026-1-1',
    ])
      expect([day, isAcceptedDay(day)]).toEqual([day, false]);
  });

  it('accepts an instant only with its date, time and offset, as RFC 3339 writes it', () => {
    for (const at of ['2027-04-10T08:00:00Z', '2027-04-10T08:00:00.123456+08:00', '2027-04-10T08:00-05:30', '2027-04-10T23:59:59.9Z'])
      expect([at, isAcceptedDateTime(at)]).toEqual([at, true]);
    for (const at of [
      '2026-W01-1',
      '2026-W01-1T10:00:00Z',
      '2026-001T00:00:00Z',
      '2026',
      '2027-04-10',
      '2027-04-10T08:00:00',
      '2027-04-10 08:00:00Z',
      '2026-02-30T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:00:00+25:00',
      '2026-01-01T10:00:00.1234567Z',
    ])
      expect([at, isAcceptedDateTime(at)]).toEqual([at, false]);
  });
});
