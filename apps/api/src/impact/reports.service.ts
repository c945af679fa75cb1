import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MIN_PUBLIC_HOUSEHOLDS,
  NAYONG_TOWNSHIPS,
  PRODUCT_CATEGORY_NAMES,
  publicFigures,
  type ProductCategory,
  type PublicFigures,
} from '@qh/domain';
import { DataSource } from 'typeorm';
import { rows } from '../database/sql';
import { ImpactCatchUp } from './impact-catch-up.service';
import { and, GROUP_EXPRESSION, reachPeriods, Statement, sumsSource, wholeMonths, type Grouping, type ImpactFilters } from './report-sql';

export type { Grouping, ImpactFilters };

export interface Figures {
  gmvFen: number;
  linkedSalesFen: number;
  poolFen: number;
  /** Distinct households linked to the cooperatives behind the poverty-linked sales, while they sold. */
  households: number;
  /** The members of those households. */
  people: number;
  /** Distinct paid orders (not refunded in full), and their distinct buyers. */
  orders: number;
  buyers: number;
  /**
   * Of the pool, what was pledged on days its cooperative had no household linked: settled to nobody
   * (`settlement_run.unallocated_fen`). Null where settlements cannot be split: by category or by the
   * township the goods come from (a settlement is one cooperative's day).
   */
  unallocatedFen: number | null;
}

export interface GroupFigures extends Figures {
  key: string;
  nameZh: string;
  nameEn: string;
  /** A cooperative's unified social credit code, as officials file it (grouping by cooperative only). */
  creditCode?: string;
}

/** Counts and money of fewer than 5 households are null: shown, they could point at a family. */
export interface PublicGroup extends PublicFigures {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface PublicImpact extends PublicFigures {
  byCategory: PublicGroup[];
  byTownship: PublicGroup[];
}

const ZERO: Omit<Figures, 'unallocatedFen'> = { gmvFen: 0, linkedSalesFen: 0, poolFen: 0, households: 0, people: 0, orders: 0, buyers: 0 };

/** Settlements are one cooperative's day: they add up by day and by cooperative, not by category or the goods' township. */
const SETTLEMENT_KEY: Partial<Record<Grouping, string>> = {
  all: `'all'`,
  year: `to_char(s.day, 'YYYY')`,
  month: `to_char(s.day, 'YYYY-MM')`,
  cooperative: 's.cooperative_id::text',
};

/**
 * The officials' figures, from rollups that take in what every payment and refund left pending
 * before they are read (ImpactCatchUp), never from the ledger itself: sums from impact_monthly and
 * impact_daily, orders and buyers from impact_reach and impact_buyer_months, or, for a range cut
 * inside a month, from its order groups,
 * households from the days each cooperative had poverty-linked sales and its household links. A
 * household is counted once however many groups or links it appears in.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly impact: ImpactCatchUp,
  ) {}

  async summary(filters: ImpactFilters): Promise<Figures> {
    const [row] = await this.grouped('all', filters);
    if (!row) return { ...ZERO, unallocatedFen: splitsSettlements('all', filters) ? 0 : null };
    const { key: _key, nameZh: _zh, nameEn: _en, ...figures } = row;
    return figures;
  }

  /**
   * For the public page: poverty-linked sales, pool, households and people, in total and by category
   * and township, where any group of fewer than 5 households is merged into OTHER (its households
   * counted once across the merged groups). Should OTHER itself stay under 5, it takes the smallest
   * shown groups too, until it reaches 5: otherwise its money would be the total less the groups
   * shown. Figures of fewer than 5 households are not shown at all, money included.
   */
  async publicImpact(): Promise<PublicImpact> {
    const total = await this.summary({});
    const [byCategory, byTownship] = await Promise.all([this.anonymised('category'), this.anonymised('township')]);
    return { ...publicFigures(total), byCategory, byTownship };
  }

  private async anonymised(grouping: 'category' | 'township'): Promise<PublicGroup[]> {
    const groups = (await this.grouped(grouping, {})).filter((group) => group.linkedSalesFen > 0);
    const shown = groups.filter((group) => group.households >= MIN_PUBLIC_HOUSEHOLDS);
    const merged = groups.filter((group) => group.households < MIN_PUBLIC_HOUSEHOLDS);
    const countMerged = async () => {
      const [counts] = await this.householdCounts('all', {}, { grouping, keys: merged.map((group) => group.key) });
      return counts ?? { households: 0, people: 0 };
    };
    let other = merged.length ? await countMerged() : undefined;
    while (other && other.households < MIN_PUBLIC_HOUSEHOLDS && shown.length) {
      const smallest = shown.reduce((min, group) => (group.households < min.households ? group : min));
      shown.splice(shown.indexOf(smallest), 1);
      merged.push(smallest);
      other = await countMerged();
    }
    const rows: PublicGroup[] = shown.map((group) => ({
      key: group.key,
      nameZh: group.nameZh,
      nameEn: group.nameEn,
      ...publicFigures(group),
    }));
    if (other) {
      const sum = (money: (group: GroupFigures) => number) => merged.reduce((total, group) => total + money(group), 0);
      rows.push({
        key: 'OTHER',
        nameZh: '其他',
        nameEn: 'Other',
        ...publicFigures({ ...other, linkedSalesFen: sum((g) => g.linkedSalesFen), poolFen: sum((g) => g.poolFen) }),
      });
    }
    return rows;
  }

  /** One row per group that had any sales, in key order (years and months ascending). */
  async grouped(grouping: Grouping, filters: ImpactFilters): Promise<GroupFigures[]> {
    await this.impact.catchUp();
    const [sums, reach, households, unallocated] = await Promise.all([
      this.sums(grouping, filters),
      this.reach(grouping, filters),
      this.householdCounts(grouping, filters),
      this.unallocated(grouping, filters),
    ]);
    const byKey = new Map<string, Figures>();
    const entry = (key: string) =>
      byKey.get(key) ?? byKey.set(key, { ...ZERO, unallocatedFen: unallocated ? (unallocated.get(key) ?? 0) : null }).get(key)!;
    for (const row of sums) Object.assign(entry(row.key), { gmvFen: row.gmvFen, linkedSalesFen: row.linkedSalesFen, poolFen: row.poolFen });
    for (const row of reach) Object.assign(entry(row.key), { orders: row.orders, buyers: row.buyers });
    for (const row of households) Object.assign(entry(row.key), { households: row.households, people: row.people });
    const names = await this.names(grouping, [...byKey.keys()]);
    return [...byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, figures]) => ({ key, ...(names.get(key) ?? { nameZh: key, nameEn: key }), ...figures }));
  }

  private sums(grouping: Grouping, filters: ImpactFilters) {
    const statement = new Statement();
    const source = sumsSource(statement, filters);
    return this.dataSource.query(
      `SELECT ${GROUP_EXPRESSION[grouping]} AS key, sum(x.gmv_fen) AS "gmvFen", sum(x.linked_sales_fen) AS "linkedSalesFen",
              sum(x.pool_fen) AS "poolFen"
         FROM (${source}) x WHERE ${and(statement.dimensions(filters))} GROUP BY 1`,
      statement.values,
    ) as Promise<{ key: string; gmvFen: number; linkedSalesFen: number; poolFen: number }[]>;
  }

  /** What settlements left unallocated per group, or null where they cannot be split that way. */
  private async unallocated(grouping: Grouping, filters: ImpactFilters): Promise<Map<string, number> | null> {
    if (!splitsSettlements(grouping, filters)) return null;
    const statement = new Statement();
    const conditions = ['s.unallocated_fen <> 0'];
    if (filters.from) conditions.push(`s.day >= ${statement.bind(filters.from)}::date`);
    if (filters.to) conditions.push(`s.day <= ${statement.bind(filters.to)}::date`);
    if (filters.cooperativeId) conditions.push(`s.cooperative_id = ${statement.bind(filters.cooperativeId)}::uuid`);
    const found = await rows<{ key: string; fen: number }>(
      this.dataSource,
      `SELECT ${SETTLEMENT_KEY[grouping]} AS key, sum(s.unallocated_fen) AS fen FROM settlement_run s WHERE ${and(conditions)} GROUP BY 1`,
      statement.values,
    );
    return new Map(found.map((row) => [row.key, row.fen]));
  }

  /** Paid orders and their distinct buyers per group: read from impact_reach when its periods fit the range. */
  private async reach(grouping: Grouping, filters: ImpactFilters): Promise<{ key: string; orders: number; buyers: number }[]> {
    const statement = new Statement();
    const periods = reachPeriods(statement, grouping, filters);
    if (periods === null && !wholeMonths(filters)) return this.reachOfRange(grouping, filters);
    if (periods === null) return this.reachOfMonths(grouping, filters);
    // Each row of impact_reach is one group already.
    const key = grouping === 'year' || grouping === 'month' ? 'x.period' : GROUP_EXPRESSION[grouping];
    return rows<{ key: string; orders: number; buyers: number }>(
      this.dataSource,
      `SELECT ${key} AS key, x.orders, x.buyers FROM impact_reach x WHERE ${periods} AND ${and(statement.rollupKey(grouping, filters))}`,
      statement.values,
    );
  }

  /**
   * Paid orders and their distinct buyers per group over a run of whole months: the orders of each
   * month add up; a buyer counts at the first month of the run (or of the group's year) in which
   * they bought, found as the month whose previous month with an order lies before that.
   */
  private async reachOfMonths(grouping: Grouping, filters: ImpactFilters): Promise<{ key: string; orders: number; buyers: number }[]> {
    const monthKey: Partial<Record<Grouping, string>> = { year: `to_char(x.month, 'YYYY')`, month: `to_char(x.month, 'YYYY-MM')` };
    const periodKey: Partial<Record<Grouping, string>> = { year: 'substr(x.period, 1, 4)', month: 'x.period' };
    const orders = new Statement();
    const months = [`char_length(x.period) = 7`];
    if (filters.from) months.push(`x.period >= ${orders.bind(filters.from.slice(0, 7))}`);
    if (filters.to) months.push(`x.period <= ${orders.bind(filters.to.slice(0, 7))}`);
    const buyers = new Statement();
    const first = filters.from ? `${buyers.bind(filters.from)}::date` : `'-infinity'::date`;
    const last = filters.to ? `${buyers.bind(`${filters.to.slice(0, 7)}-01`)}::date` : `'infinity'::date`;
    const runStart =
      grouping === 'year' ? `greatest(${first}, date_trunc('year', x.month)::date)` : grouping === 'month' ? 'x.month' : first;
    const [orderRows, buyerRows] = await Promise.all([
      this.dataSource.query(
        `SELECT ${periodKey[grouping] ?? GROUP_EXPRESSION[grouping]} AS key, sum(x.orders)::int AS orders
           FROM impact_reach x WHERE ${and([...months, ...orders.rollupKey(grouping, filters)])} GROUP BY 1`,
        orders.values,
      ) as Promise<{ key: string; orders: number }[]>,
      this.dataSource.query(
        `SELECT ${monthKey[grouping] ?? GROUP_EXPRESSION[grouping]} AS key, sum(x.buyers)::int AS buyers
           FROM impact_buyer_months x
          WHERE x.month BETWEEN ${first} AND ${last} AND (x.previous_month IS NULL OR x.previous_month < ${runStart})
            AND ${and(buyers.rollupKey(grouping, filters))}
          GROUP BY 1`,
        buyers.values,
      ) as Promise<{ key: string; buyers: number }[]>,
    ]);
    const byKey = new Map(buyerRows.map((row) => [row.key, row.buyers]));
    return orderRows.map((row) => ({ key: row.key, orders: row.orders, buyers: byKey.get(row.key) ?? 0 }));
  }

  /** Paid orders and their distinct buyers per group in any range of days, counted from the order groups of the range. */
  private reachOfRange(grouping: Grouping, filters: ImpactFilters) {
    const statement = new Statement();
    const conditions = statement.dimensions(filters);
    if (filters.from) conditions.push(`x.day >= ${statement.bind(filters.from)}::date`);
    if (filters.to) conditions.push(`x.day <= ${statement.bind(filters.to)}::date`);
    return this.dataSource.query(
      `SELECT ${GROUP_EXPRESSION[grouping]} AS key, count(DISTINCT x.order_id)::int AS orders, count(DISTINCT x.buyer_id)::int AS buyers
         FROM impact_order_group x WHERE ${and(conditions)} GROUP BY 1`,
      statement.values,
    ) as Promise<{ key: string; orders: number; buyers: number }[]>;
  }

  /** Distinct households linked to the cooperatives with poverty-linked sales in each group, while those sold; `within` keeps only some groups. */
  private householdCounts(grouping: Grouping, filters: ImpactFilters, within?: { grouping: Grouping; keys: string[] }) {
    const statement = new Statement();
    const source = sumsSource(statement, filters);
    const conditions = [...statement.dimensions(filters), 'x.first_linked_day IS NOT NULL'];
    if (within) conditions.push(`${GROUP_EXPRESSION[within.grouping]} = ANY(${statement.bind(within.keys)})`);
    return this.dataSource.query(
      `WITH sold AS (
         SELECT ${GROUP_EXPRESSION[grouping]} AS key, x.cooperative_id, min(x.first_linked_day) AS first_day, max(x.last_linked_day) AS last_day
           FROM (${source}) x WHERE ${and(conditions)} GROUP BY 1, 2)
       SELECT key, count(*)::int AS households, sum(members)::int AS people FROM (
         SELECT DISTINCT s.key, h.id, h.members
           FROM sold s JOIN household_link l ON l.cooperative_id = s.cooperative_id
                 AND l.valid_from <= s.last_day AND (l.valid_to IS NULL OR l.valid_to >= s.first_day)
           JOIN household h ON h.id = l.household_id) linked
       GROUP BY key`,
      statement.values,
    ) as Promise<{ key: string; households: number; people: number }[]>;
  }

  private async names(grouping: Grouping, keys: string[]): Promise<Map<string, { nameZh: string; nameEn: string; creditCode?: string }>> {
    switch (grouping) {
      case 'category':
        return new Map(
          keys.map((key) => [
            key,
            {
              nameZh: PRODUCT_CATEGORY_NAMES[key as ProductCategory]?.zh ?? key,
              nameEn: PRODUCT_CATEGORY_NAMES[key as ProductCategory]?.en ?? key,
            },
          ]),
        );
      case 'township':
        return new Map(
          NAYONG_TOWNSHIPS.filter((township) => keys.includes(township.code)).map((township) => [
            township.code,
            { nameZh: township.name, nameEn: township.nameEn },
          ]),
        );
      case 'cooperative': {
        const names = await rows<{ id: string; nameZh: string; nameEn: string; creditCode: string }>(
          this.dataSource,
          `SELECT id, name_zh AS "nameZh", name_en AS "nameEn", credit_code AS "creditCode" FROM cooperative WHERE id = ANY($1)`,
          [keys],
        );
        return new Map(names.map(({ id, ...name }) => [id, name]));
      }
      default:
        return new Map(keys.map((key) => [key, { nameZh: key === 'all' ? '合计' : key, nameEn: key === 'all' ? 'Total' : key }]));
    }
  }
}

/** Whether settlements (one cooperative's day each) can answer this grouping under these filters. */
function splitsSettlements(grouping: Grouping, filters: ImpactFilters): boolean {
  return SETTLEMENT_KEY[grouping] !== undefined && !filters.category && !filters.townshipCode;
}
