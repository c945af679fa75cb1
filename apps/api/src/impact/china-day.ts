/** The ledger's days are days in China (UTC+8), in SQL. */

/** Today: the day an entry written now counts for. */
export const CHINA_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The last day that is over, as `YYYY-MM-DD`: yesterday, once ten minutes of today have passed, so
 * that a transaction that began before midnight has committed before its day is digested or settled.
 */
export const LAST_FINISHED_DAY = `to_char(((now() - interval '10 minutes') AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD')`;
