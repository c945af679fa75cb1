import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationType } from '@qh/domain';
import { DataSource } from 'typeorm';
import { row, rows } from '../database/sql';
import { yearMonths } from '../impact/buyers.service';

/** An organisation in a year: its plan, if any, and what it bought (from impact_organisation_monthly). */
export interface StandingRow {
  organisationId: string;
  name: string;
  creditCode: string;
  type: OrganisationType;
  districtCode: string;
  districtNameZh: string;
  districtNameEn: string;
  budgetUnit: boolean;
  hasPlan: boolean;
  noCanteen: boolean;
  budgetFen: number | null;
  shareBp: number | null;
  targetFen: number | null;
  achievedFen: number;
  linkedSalesFen: number;
  lastOrderDay: string | null;
}

/** Where a China year's orders start and end, as instants. */
const YEAR_INSTANTS = `($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND x.created_at < ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * One query for one organisation or all: every verified organisation (or any that bought in the
 * year), its plan for the year and its purchases, summed from at most twelve rollup rows each; the
 * last day it placed an order in the year, through the organisation's order index.
 */
const STANDINGS = `
  SELECT o.id AS "organisationId", o.name, o.credit_code AS "creditCode", o.type, o.district_code AS "districtCode",
         d.name AS "districtNameZh", d.name_en AS "districtNameEn", o.budget_unit AS "budgetUnit",
         p.organisation_id IS NOT NULL AS "hasPlan", coalesce(p.no_canteen, false) AS "noCanteen",
         p.budget_fen AS "budgetFen", p.share_bp AS "shareBp", p.target_fen AS "targetFen",
         coalesce(s.gmv_fen, 0) AS "achievedFen", coalesce(s.linked_sales_fen, 0) AS "linkedSalesFen",
         (SELECT to_char(x.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM "order" x
           WHERE x.organisation_id = o.id AND x.status <> 'CANCELLED' AND x.created_at >= ${YEAR_INSTANTS}
           ORDER BY x.created_at DESC LIMIT 1) AS "lastOrderDay"
    FROM organisation o
    JOIN delivery_district d ON d.code = o.district_code
    LEFT JOIN reserved_share_plan p ON p.organisation_id = o.id AND p.year = $1
    LEFT JOIN (SELECT organisation_id, sum(gmv_fen) AS gmv_fen, sum(linked_sales_fen) AS linked_sales_fen
                 FROM impact_organisation_monthly WHERE month >= $2 AND month < $3 GROUP BY 1) s ON s.organisation_id = o.id`;

/** Reads for the reserved-share progress: plans, the organisations' purchase rollup and their orders (it writes nothing). */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The league table's rows: every verified organisation, or any that bought in the year, filtered. */
  standings(year: number, filters: { districtCode?: string; type?: string }): Promise<StandingRow[]> {
    const parameters: unknown[] = [year, ...yearMonths(year)];
    const where = [`(o.status = 'VERIFIED' OR s.organisation_id IS NOT NULL)`];
    if (filters.districtCode) where.push(`o.district_code = $${parameters.push(filters.districtCode)}`);
    if (filters.type) where.push(`o.type = $${parameters.push(filters.type)}`);
    return rows(this.dataSource, `${STANDINGS} WHERE ${where.join(' AND ')}`, parameters);
  }

  /** One organisation's row, whatever its status. */
  standing(organisationId: string, year: number): Promise<StandingRow | undefined> {
    return row(this.dataSource, `${STANDINGS} WHERE o.id = $4`, [year, ...yearMonths(year), organisationId]);
  }

  /** The organisation's purchases by month of the year, net of refunds (months with none left out). */
  months(organisationId: string, year: number): Promise<{ month: number; gmvFen: number; linkedSalesFen: number }[]> {
    return rows(
      this.dataSource,
      `SELECT extract(month FROM month)::int AS month, gmv_fen AS "gmvFen", linked_sales_fen AS "linkedSalesFen"
         FROM impact_organisation_monthly WHERE organisation_id = $1 AND month >= $2 AND month < $3 ORDER BY month`,
      [organisationId, ...yearMonths(year)],
    );
  }

  /** Orders placed and standing but not paid yet (awaiting approval or payment, or on account): their goods net of credits. */
  async pending(organisationId: string): Promise<{ orders: number; goodsFen: number }> {
    return (await row<{ orders: number; goodsFen: number }>(
      this.dataSource,
      `SELECT count(*)::int AS orders,
              coalesce(sum((SELECT sum(l.line_total_fen - l.line_total_fen * l.refunded_quantity / l.quantity)
                              FROM order_line l WHERE l.order_id = o.id)), 0) AS "goodsFen"
         FROM "order" o WHERE o.organisation_id = $1 AND o.paid_at IS NULL AND o.status NOT IN ('CANCELLED', 'REFUNDED')`,
      [organisationId],
    ))!;
  }
}
