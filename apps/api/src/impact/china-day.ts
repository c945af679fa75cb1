/**
 * The last day that is over, as `YYYY-MM-DD`, in SQL: yesterday in China, once ten minutes of today
 * have passed, so that a transaction that began before midnight has committed before its day is
 * digested or settled. (Today is `qh_today()`, the day an entry written now counts for.)
 */
export const LAST_FINISHED_DAY = `to_char(((qh_now() - interval '10 minutes') AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD')`;
