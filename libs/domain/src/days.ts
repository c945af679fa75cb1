/** A calendar day as the API takes it: `2026-11-29`. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `2026-02-31` has the right shape but is no day: the calendar must give it back unchanged. */
export function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * The days the API takes: wide enough for any record of the programme (registrations since 2014,
 * sales since 2016, certificates valid for years), narrow enough that PostgreSQL and the reports'
 * month arithmetic never leave their range (`9999-12-31` has no next month, `0000-01-01` no year).
 */
export const ACCEPTED_DAYS = { from: '2000-01-01', to: '2099-12-31' } as const;

/** A real calendar day, written `YYYY-MM-DD`, within ACCEPTED_DAYS. */
export function isAcceptedDay(day: string): boolean {
  return DAY_PATTERN.test(day) && isRealDay(day) && day >= ACCEPTED_DAYS.from && day <= ACCEPTED_DAYS.to;
}

/** RFC 3339: a full date, a time (seconds and fraction optional) and always the offset from UTC. */
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/**
 * An instant as the API takes it, e.g. `2027-04-10T08:00:00+08:00`: no week dates (`2026-W01-1`),
 * ordinal dates or bare years that ISO 8601 also allows, and no local time without its offset,
 * which the database would read in its own time zone. The day must be an accepted one.
 */
export function isAcceptedDateTime(text: string): boolean {
  const match = DATE_TIME_PATTERN.exec(text);
  return match !== null && isAcceptedDay(match[1]) && !Number.isNaN(Date.parse(text));
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
