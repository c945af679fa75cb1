import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NAYONG_TOWNSHIPS, PRODUCT_CATEGORY_NAMES, type ProductCategory } from '@qh/domain';
import { DataSource } from 'typeorm';

export interface ImpactFilters {
  from?: string;
  to?: string;
  townshipCode?: string;
  cooperativeId?: string;
  category?: string;
}

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
}

export type Grouping = 'all' | 'year' | 'month' | 'category' | 'township' | 'cooperative';

export interface GroupFigures extends Figures {
  key: string;
  nameZh: string;
  nameEn: string;
}

const GROUP_EXPRESSION: Record<Grouping, string> = {
  all: `'all'`,
  year: `to_char(x.day, 'YYYY')`,
  month: `to_char(x.day, 'YYYY-MM')`,
  category: 'x.category',
  township: 'x.township_code',
  cooperative: 'x.cooperative_id::text',
};

export interface PublicGroup {
  key: string;
  nameZh: string;
  nameEn: string;
  linkedSalesFen: number;
  poolFen: number;
  households: number | null;
  people: number | null;
}

export interface PublicImpact {
  linkedSalesFen: number;
  poolFen: number;
  households: number | null;
  people: number | null;
  byCategory: PublicGroup[];
  byTownship: PublicGroup[];
}

/** Fewer households than this in a published group could point at a family. */
export const MIN_PUBLIC_HOUSEHOLDS = 5;

const atLeastFive = (counts: { households: number; people: number }) =>
  counts.households >= MIN_PUBLIC_HOUSEHOLDS
    ? { households: counts.households, people: counts.people }
    : { households: null, people: null };

const ZERO: Figures = { gmvFen: 0, linkedSalesFen: 0, poolFen: 0, households: 0, people: 0, orders: 0, buyers: 0 };

/** The filters as SQL over a rollup aliased `x` (impact_daily or impact_order_group share the columns); `within` keeps only some groups. */
function where(filters: ImpactFilters, within?: { grouping: Grouping; keys: string[] }): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const conditions = ['true'];
  const add = (condition: string, value: unknown) => {
    values.push(value);
    conditions.push(condition.replace('?', `$${values.length}`));
  };
  if (filters.from) add('x.day >= ?::date', filters.from);
  if (filters.to) add('x.day <= ?::date', filters.to);
  if (filters.townshipCode) add('x.township_code = ?', filters.townshipCode);
  if (filters.cooperativeId) add('x.cooperative_id = ?::uuid', filters.cooperativeId);
  if (filters.category) add('x.category = ?', filters.category);
  if (within) add(`${GROUP_EXPRESSION[within.grouping]} = ANY(?)`, within.keys);
  return { sql: conditions.join(' AND '), values };
}

/**
 * The officials' figures, read from rollups that change in the transaction of every payment and
 * refund (impact_daily for the sums, impact_order_group for distinct orders and buyers), never from
 * the ledger itself. Households are counted once however many groups or links they appear in.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(filters: ImpactFilters): Promise<Figures> {
    const [row] = await this.grouped('all', filters);
    if (!row) return { ...ZERO };
    const { key: _key, nameZh: _zh, nameEn: _en, ...figures } = row;
    return figures;
  }

  /**
   * For the public page: poverty-linked sales, pool, households and people, in total and by category
   * and township, where any group of fewer than 5 households is merged into OTHER (its households
   * counted once across the merged groups), and a count under 5 is not shown at all.
   */
  async publicImpact(): Promise<PublicImpact> {
    const total = await this.summary({});
    const [byCategory, byTownship] = await Promise.all([this.anonymised('category'), this.anonymised('township')]);
    return { linkedSalesFen: total.linkedSalesFen, poolFen: total.poolFen, ...atLeastFive(total), byCategory, byTownship };
  }

  private async anonymised(grouping: 'category' | 'township'): Promise<PublicGroup[]> {
    const groups = (await this.grouped(grouping, {})).filter((group) => group.linkedSalesFen > 0);
    const shown = groups.filter((group) => group.households >= MIN_PUBLIC_HOUSEHOLDS);
    const small = groups.filter((group) => group.households < MIN_PUBLIC_HOUSEHOLDS);
    const rows: PublicGroup[] = shown.map((group) => ({
      key: group.key,
      nameZh: group.nameZh,
      nameEn: group.nameEn,
      linkedSalesFen: group.linkedSalesFen,
      poolFen: group.poolFen,
      households: group.households,
      people: group.people,
    }));
    if (small.length) {
      const [other] = await this.householdCounts('all', {}, { grouping, keys: small.map((group) => group.key) });
      rows.push({
        key: 'OTHER',
        nameZh: '其他',
        nameEn: 'Other',
        linkedSalesFen: small.reduce((sum, group) => sum + group.linkedSalesFen, 0),
        poolFen: small.reduce((sum, group) => sum + group.poolFen, 0),
        ...atLeastFive(other ?? { households: 0, people: 0 }),
      });
    }
    return rows;
  }

  /** One row per group that had any sales, in key order (years and months ascending). */
  async grouped(grouping: Grouping, filters: ImpactFilters): Promise<GroupFigures[]> {
    const group = GROUP_EXPRESSION[grouping];
    const { sql, values } = where(filters);
    const [sums, orders, households] = await Promise.all([
      this.dataSource.query(
        `SELECT ${group} AS key, sum(x.gmv_fen)::float8 AS "gmvFen", sum(x.linked_sales_fen)::float8 AS "linkedSalesFen", sum(x.pool_fen)::float8 AS "poolFen"
           FROM impact_daily x WHERE ${sql} GROUP BY 1`,
        values,
      ) as Promise<{ key: string; gmvFen: number; linkedSalesFen: number; poolFen: number }[]>,
      this.dataSource.query(
        `SELECT ${group} AS key, count(DISTINCT x.order_id)::int AS orders, count(DISTINCT x.buyer_id)::int AS buyers
           FROM impact_order_group x WHERE ${sql} GROUP BY 1`,
        values,
      ) as Promise<{ key: string; orders: number; buyers: number }[]>,
      this.householdCounts(grouping, filters),
    ]);
    const byKey = new Map<string, Figures>();
    const entry = (key: string) => byKey.get(key) ?? byKey.set(key, { ...ZERO }).get(key)!;
    for (const row of sums) Object.assign(entry(row.key), { gmvFen: row.gmvFen, linkedSalesFen: row.linkedSalesFen, poolFen: row.poolFen });
    for (const row of orders) Object.assign(entry(row.key), { orders: row.orders, buyers: row.buyers });
    for (const row of households) Object.assign(entry(row.key), { households: row.households, people: row.people });
    const names = await this.names(grouping, [...byKey.keys()]);
    return [...byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, figures]) => ({ key, ...(names.get(key) ?? { nameZh: key, nameEn: key }), ...figures }));
  }

  /** Distinct households linked to the cooperatives with poverty-linked sales in each group, while those sold. */
  private householdCounts(grouping: Grouping, filters: ImpactFilters, within?: { grouping: Grouping; keys: string[] }) {
    const { sql, values } = where(filters, within);
    return this.dataSource.query(
      `WITH sold AS (
         SELECT ${GROUP_EXPRESSION[grouping]} AS key, x.cooperative_id, min(x.day) AS first_day, max(x.day) AS last_day
           FROM impact_daily x WHERE ${sql} AND x.linked_sales_fen > 0 GROUP BY 1, 2)
       SELECT key, count(*)::int AS households, sum(members)::int AS people FROM (
         SELECT DISTINCT s.key, h.id, h.members
           FROM sold s JOIN household_link l ON l.cooperative_id = s.cooperative_id
                 AND l.valid_from <= s.last_day AND (l.valid_to IS NULL OR l.valid_to >= s.first_day)
           JOIN household h ON h.id = l.household_id) linked
       GROUP BY key`,
      values,
    ) as Promise<{ key: string; households: number; people: number }[]>;
  }

  private async names(grouping: Grouping, keys: string[]): Promise<Map<string, { nameZh: string; nameEn: string }>> {
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
        const rows: { id: string; name_zh: string; name_en: string }[] = await this.dataSource.query(
          `SELECT id, name_zh, name_en FROM cooperative WHERE id = ANY($1)`,
          [keys],
        );
        return new Map(rows.map((row) => [row.id, { nameZh: row.name_zh, nameEn: row.name_en }]));
      }
      default:
        return new Map(keys.map((key) => [key, { nameZh: key === 'all' ? '合计' : key, nameEn: key === 'all' ? 'Total' : key }]));
    }
  }
}
