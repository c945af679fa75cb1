import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageOutstanding, type TrailHouseholdStatus } from '@qh/domain';
import { DataSource } from 'typeorm';
import { seesTownship, type AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { Clock } from '../config/clock';
import { InjectConfig } from '../config/config.module';
import { TrailDto, TrailQueryDto, TrailRowDto } from './dto/trail.dto';

interface MonthRow {
  month: string;
  cooperativeId: string;
  cooperativeName: string;
  townshipCode: string;
  townshipName: string;
  status: TrailHouseholdStatus;
  pledgedFen: number;
  paidFen: number;
  acknowledgedFen: number;
}

/** The filters of a trail question as SQL over the columns named by `columns`, from `$4` on ($1–$3: the year's first and last month, and the townships). */
function filters(query: TrailQueryDto, columns: { cooperative: string; status: string | null }): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (query.cooperativeId) {
    values.push(query.cooperativeId);
    conditions.push(`${columns.cooperative} = $${values.length + 3}::uuid`);
  }
  if (query.householdStatus && columns.status) {
    values.push(query.householdStatus);
    conditions.push(`${columns.status} = $${values.length + 3}`);
  }
  return { where: conditions.length ? conditions.join(' AND ') : 'true', values };
}

/**
 * Pledged against paid, for officials: what the year's settlements pledged to households, what the
 * marketplace paid the cooperatives, what they paid the households and what visitors acknowledged,
 * by township, cooperative and household status, from the rollups kept in the same transactions.
 * A township official's answers keep to its townships.
 */
@Injectable()
export class TrailReport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async trail(user: AuthUser, query: TrailQueryDto): Promise<TrailDto> {
    const today = this.clock.today();
    const year = query.year ?? Number(today.slice(0, 4));
    if (query.townshipCode && !seesTownship(user, query.townshipCode)) {
      throw new AppError('OUTSIDE_YOUR_TOWNSHIPS', 'This township is not one of yours.');
    }
    const townships = query.townshipCode ? [query.townshipCode] : user.townships;
    const base = [`${year}-01-01`, `${year}-12-31`, townships];
    const months = filters(query, { cooperative: 't.cooperative_id', status: 't.household_status' });
    const payouts = filters(query, { cooperative: 'p.cooperative_id', status: 'p.household_status' });
    const households = filters(query, { cooperative: 'm.cooperative_id', status: 'h.status' });
    const cooperatives = filters(query, { cooperative: 'p.cooperative_id', status: null });
    const [rows, [paidToCooperatives], [overdue], exitYears] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(t.month, 'YYYY-MM-DD') AS month, t.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName",
                t.township_code AS "townshipCode", tw.name AS "townshipName", t.household_status AS status,
                t.pledged_fen AS "pledgedFen", t.paid_fen AS "paidFen", t.acknowledged_fen AS "acknowledgedFen"
           FROM trail_month t JOIN cooperative c ON c.id = t.cooperative_id JOIN township tw ON tw.code = t.township_code
          WHERE t.month BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR t.township_code = ANY($3)) AND ${months.where}`,
        [...base, ...months.values],
      ) as Promise<MonthRow[]>,
      this.dataSource.query(
        `SELECT coalesce(sum(ps.amount_fen), 0) AS fen FROM coop_payout_statement ps JOIN coop_payout p ON p.id = ps.payout_id
           JOIN cooperative c ON c.id = p.cooperative_id
          WHERE ps.month BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR c.township_code = ANY($3)) AND ${cooperatives.where}`,
        [...base, ...cooperatives.values],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS payouts, coalesce(sum(p.amount_fen), 0) AS "amountFen" FROM household_payout p
          WHERE p.period BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR p.township_code = ANY($3)) AND ${payouts.where}
            AND p.reverses_id IS NULL AND p.paid_on < qh_today() - $${payouts.values.length + 4}::int
            AND NOT EXISTS (SELECT 1 FROM payout_ack a WHERE a.payout_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM household_payout x WHERE x.reverses_id = p.id)`,
        [...base, ...payouts.values, this.config.payoutAckDays],
      ),
      this.dataSource.query(
        `SELECT h.exit_year AS "exitYear", count(*)::int AS households, sum(h.members)::int AS people FROM household h
          WHERE ($3::text[] IS NULL OR h.township_code = ANY($3))
            AND EXISTS (SELECT 1 FROM household_month m WHERE m.household_id = h.id AND m.month BETWEEN $1::date AND $2::date
                          AND m.allocated_fen <> 0 AND ${households.where})
          GROUP BY h.exit_year ORDER BY h.exit_year NULLS LAST`,
        [...base, ...households.values],
      ),
    ]);

    const total = sumRows(rows);
    const group = <K extends string>(key: (row: MonthRow) => K) => {
      const groups = new Map<K, MonthRow[]>();
      for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
      return [...groups.entries()];
    };
    const byMonth = group((row) => row.month).map(([month, monthRows]) => ({ month, pledgedFen: sumRows(monthRows).pledgedFen }));
    return {
      year,
      pledgedFen: total.pledgedFen,
      paidToCooperativesFen: paidToCooperatives.fen,
      paidToHouseholdsFen: total.paidToHouseholdsFen,
      acknowledgedFen: total.acknowledgedFen,
      outstandingFen: total.outstandingFen,
      ageing: ageOutstanding(byMonth, total.outstandingFen, today),
      overdue,
      byTownship: group((row) => row.townshipCode)
        .map(([code, own]) => ({ code, name: own[0].townshipName, ...sumRows(own) }))
        .sort(byOutstanding),
      byCooperative: group((row) => row.cooperativeId)
        .map(([id, own]) => ({ id, name: own[0].cooperativeName, ...sumRows(own) }))
        .sort(byOutstanding),
      byHouseholdStatus: group((row) => row.status)
        .map(([status, own]) => ({ status, ...sumRows(own) }))
        .sort((a, b) => a.status.localeCompare(b.status)),
      peopleByExitYear: exitYears,
    };
  }
}

function sumRows(rows: MonthRow[]): TrailRowDto {
  const sums = { pledgedFen: 0, paidToHouseholdsFen: 0, acknowledgedFen: 0, outstandingFen: 0 };
  for (const row of rows) {
    sums.pledgedFen += row.pledgedFen;
    sums.paidToHouseholdsFen += row.paidFen;
    sums.acknowledgedFen += row.acknowledgedFen;
  }
  sums.outstandingFen = sums.pledgedFen - sums.paidToHouseholdsFen;
  return sums;
}

const byOutstanding = (a: TrailRowDto & { name: string }, b: TrailRowDto & { name: string }) =>
  b.outstandingFen - a.outstandingFen || a.name.localeCompare(b.name, 'zh');
