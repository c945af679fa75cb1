import { addDays, isMonthEnd, nextMonthStart } from '@qh/domain';

/**
 * The SQL the officials' reports are built from: which rollup rows a range and filters read, and the
 * key of each grouping. Kept apart from ReportsService, which runs it and shapes the answers.
 */

export interface ImpactFilters {
  from?: string;
  to?: string;
  townshipCode?: string;
  cooperativeId?: string;
  category?: string;
}

export type Grouping = 'all' | 'year' | 'month' | 'category' | 'township' | 'cooperative';

/** The key of a row's group, over a source aliased `x` with a `day` (impact_daily, impact_monthly, impact_order_group). */
export const GROUP_EXPRESSION: Record<Grouping, string> = {
  all: `'all'`,
  year: `to_char(x.day, 'YYYY')`,
  month: `to_char(x.day, 'YYYY-MM')`,
  category: 'x.category',
  township: 'x.township_code',
  cooperative: 'x.cooperative_id::text',
};

/** The filters on cooperative, township and category, and the column each reads. */
const DIMENSIONS = [
  { grouping: 'cooperative', filter: 'cooperativeId', column: 'cooperative_id', cast: '::uuid' },
  { grouping: 'township', filter: 'townshipCode', column: 'township_code', cast: '' },
  { grouping: 'category', filter: 'category', column: 'category', cast: '' },
] as const;

/** SQL with numbered parameters, built up as conditions are added. */
export class Statement {
  readonly values: unknown[] = [];

  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** The filters on cooperative, township and category as conditions on `x`. */
  dimensions(filters: ImpactFilters): string[] {
    return DIMENSIONS.filter((d) => filters[d.filter]).map((d) => `x.${d.column} = ${this.bind(filters[d.filter])}${d.cast}`);
  }

  /**
   * The one key of a rollup whose NULLs mean "any" (impact_reach, impact_buyer_months) that each
   * group reads: the filtered columns hold their value, the grouped one any value, the others NULL.
   */
  rollupKey(grouping: Grouping, filters: ImpactFilters): string[] {
    return DIMENSIONS.map((d) =>
      filters[d.filter]
        ? `x.${d.column} = ${this.bind(filters[d.filter])}${d.cast}`
        : `x.${d.column} IS ${d.grouping === grouping ? 'NOT NULL' : 'NULL'}`,
    );
  }
}

export const and = (conditions: string[]) => (conditions.length ? conditions.join(' AND ') : 'true');

/**
 * The sums of the filtered days, as rows aliased `x`: whole months from impact_monthly, and the days
 * of a partly covered first or last month from impact_daily. Some thousand rows for any range.
 */
export function sumsSource(statement: Statement, filters: ImpactFilters): string {
  const { from, to } = filters;
  // Whole months are those from `monthsFrom` up to (not including) `monthsTo`.
  const monthsFrom = !from ? '-infinity' : from.endsWith('-01') ? from : nextMonthStart(from);
  let monthsTo = !to ? 'infinity' : isMonthEnd(to) ? addDays(to, 1) : `${to.slice(0, 7)}-01`;
  if (monthsTo !== 'infinity' && monthsFrom !== '-infinity' && monthsTo < monthsFrom) monthsTo = monthsFrom;
  const days: string[] = [];
  if (from && from < monthsFrom) {
    const last = to && to < addDays(monthsFrom, -1) ? to : addDays(monthsFrom, -1);
    days.push(`d.day BETWEEN ${statement.bind(from)}::date AND ${statement.bind(last)}::date`);
  }
  if (to && monthsTo !== 'infinity' && monthsTo <= to) {
    days.push(`d.day BETWEEN ${statement.bind(monthsTo)}::date AND ${statement.bind(to)}::date`);
  }
  const linkedDay = `CASE WHEN d.linked_sales_fen > 0 THEN d.day END`;
  return `SELECT m.month AS day, m.cooperative_id, m.township_code, m.category, m.gmv_fen, m.linked_sales_fen, m.pool_fen,
                 m.first_linked_day, m.last_linked_day
            FROM impact_monthly m WHERE m.month >= ${statement.bind(monthsFrom)}::date AND m.month < ${statement.bind(monthsTo)}::date
          UNION ALL
          SELECT d.day, d.cooperative_id, d.township_code, d.category, d.gmv_fen, d.linked_sales_fen, d.pool_fen, ${linkedDay}, ${linkedDay}
            FROM impact_daily d WHERE ${days.length ? days.join(' OR ') : 'false'}`;
}

/** Whether the range starts on the first of a month and ends on the last of one (or is open). */
export function wholeMonths({ from, to }: ImpactFilters): boolean {
  return (!from || from.endsWith('-01')) && (!to || isMonthEnd(to));
}

/**
 * Which impact_reach periods answer the question exactly, as a condition on `x.period`; none when
 * the range is not made of the question's own periods (then orders and buyers are added up over
 * whole months, or counted from the order groups of a range cut inside a month). All time, one whole
 * year or one whole month is always answered; a yearly or monthly series, over any range of whole
 * years or months.
 */
export function reachPeriods(statement: Statement, grouping: Grouping, { from, to }: ImpactFilters): string | null {
  if (grouping === 'year' || grouping === 'month') {
    const length = grouping === 'year' ? 4 : 7;
    const starts = (day: string) => (grouping === 'year' ? day.endsWith('-01-01') : day.endsWith('-01'));
    const ends = (day: string) => (grouping === 'year' ? day.endsWith('-12-31') : isMonthEnd(day));
    if ((from && !starts(from)) || (to && !ends(to))) return null;
    const conditions = [`char_length(x.period) = ${length}`];
    if (from) conditions.push(`x.period >= ${statement.bind(from.slice(0, length))}`);
    if (to) conditions.push(`x.period <= ${statement.bind(to.slice(0, length))}`);
    return and(conditions);
  }
  if (!from && !to) return `x.period = 'all'`;
  if (!from || !to) return null;
  if (from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31'))
    return `x.period = ${statement.bind(from.slice(0, 4))}`;
  if (from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01') && isMonthEnd(to)) {
    return `x.period = ${statement.bind(from.slice(0, 7))}`;
  }
  return null;
}
