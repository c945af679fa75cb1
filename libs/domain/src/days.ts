/** A calendar day as the API takes it: `2026-11-29`. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `2026-02-31` has the right shape but is no day: the calendar must give it back unchanged. */
export function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The day `days` after (or before) `day`, both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day of the month after the one `day` is in. */
export function nextMonthStart(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** Whether `day` is the last of its month. */
export function isMonthEnd(day: string): boolean {
  return nextMonthStart(day) === addDays(day, 1);
}

/** The day in China (UTC+8) at `at`, as `YYYY-MM-DD`: the day the ledger, order numbers and the dashboard count in. */
export function chinaDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The last day of the month `day` (or `YYYY-MM`) is in. */
export function monthEnd(day: string): string {
  return addDays(nextMonthStart(day), -1);
}
