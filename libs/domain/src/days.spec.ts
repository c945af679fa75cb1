import { addDays, chinaDay, isMonthEnd, isRealDay, monthEnd, nextMonthStart } from './days';

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
});
