import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthEnd, monthStart } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../config/clock';
import { UnitOfWork } from '../database/unit-of-work';
import {
  CoopBalanceDto,
  CoopPayoutDto,
  CoopPayoutListDto,
  CoopStatementDto,
  CooperativeBalanceListDto,
  RecordCoopPayoutDto,
  YearStatementsDto,
} from './dto/trail.dto';

/** A statement's sums over coop_month rows aliased `m`: whole months. */
const MONTH_SUMS = `coalesce(sum(m.goods_fen), 0) AS "goodsFen", coalesce(sum(m.refunded_goods_fen), 0) AS "refundedGoodsFen",
  coalesce(sum(m.shipping_fen), 0) AS "shippingFen", coalesce(sum(m.refunded_shipping_fen), 0) AS "refundedShippingFen",
  coalesce(sum(m.fee_fen), 0) AS "platformFeeFen",
  coalesce(sum(m.goods_fen - m.refunded_goods_fen + m.shipping_fen - m.refunded_shipping_fen - m.fee_fen), 0) AS "netPayableFen",
  coalesce(sum(m.pool_fen), 0) AS "poolFen"`;

/** A statement's sums over coop_entry rows aliased `e`: any days. */
const STATEMENT_SUMS = `coalesce(sum(e.goods_fen) FILTER (WHERE e.kind = 'SALE'), 0) AS "goodsFen",
  -coalesce(sum(e.goods_fen) FILTER (WHERE e.kind = 'REFUND'), 0) AS "refundedGoodsFen",
  coalesce(sum(e.shipping_fen) FILTER (WHERE e.kind = 'SALE'), 0) AS "shippingFen",
  -coalesce(sum(e.shipping_fen) FILTER (WHERE e.kind = 'REFUND'), 0) AS "refundedShippingFen",
  coalesce(sum(e.fee_fen), 0) AS "platformFeeFen",
  coalesce(sum(e.goods_fen + e.shipping_fen - e.fee_fen), 0) AS "netPayableFen",
  coalesce(sum(e.pool_fen), 0) AS "poolFen"`;

/** Each payout's answer: the latest response, or REVERSED once a correction reversed it (either row of the pair). */
const PAYOUT_STATUS = `CASE WHEN p.reverses_id IS NOT NULL OR EXISTS (SELECT 1 FROM coop_payout x WHERE x.reverses_id = p.id) THEN 'REVERSED'
  ELSE coalesce((SELECT r.kind FROM coop_payout_response r WHERE r.payout_id = p.id ORDER BY r.id DESC LIMIT 1), 'AWAITING') END`;

const PAYOUT_COLUMNS = `p.id, json_build_object('id', c.id, 'name', c.name_zh) AS cooperative, p.amount_fen AS "amountFen",
  to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", p.bank_reference AS "bankReference", p.note, ${PAYOUT_STATUS} AS status,
  (SELECT r.reason FROM coop_payout_response r WHERE r.payout_id = p.id ORDER BY r.id DESC LIMIT 1) AS "latestReason",
  (SELECT coalesce(json_agg(json_build_object('month', to_char(s.month, 'YYYY-MM'), 'amountFen', s.amount_fen) ORDER BY s.month), '[]')
     FROM coop_payout_statement s WHERE s.payout_id = p.id) AS statements,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt", p.reverses_id AS "reversesId"`;

type PayoutRow = Omit<CoopPayoutDto, 'disputeReason'> & { latestReason: string | null };

const toPayout = ({ latestReason, ...row }: PayoutRow): CoopPayoutDto => ({
  ...row,
  disputeReason: row.status === 'DISPUTED' ? latestReason : null,
});

/**
 * What the marketplace owes each cooperative and what it paid: monthly (or any range's) statements
 * summed from `coop_entry`, and the transfers admins record against them, which the cooperative
 * confirms or disputes. The only writer of coop_payout, coop_payout_statement and coop_payout_response.
 */
@Injectable()
export class CoopAccounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  thisYear(): number {
    return Number(this.clock.today().slice(0, 4));
  }

  /** The statement of any run of days: the sums of its entries, so runs of periods add up to the whole. */
  async statement(
    cooperativeId: string,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CoopStatementDto> {
    if (from > to) {
      throw new AppError('VALIDATION_FAILED', 'from must be on or before to', [{ field: 'to', problems: ['on or after from'] }]);
    }
    await this.requireCooperative(manager, cooperativeId);
    const [sums] = await manager.query(
      `SELECT ${STATEMENT_SUMS} FROM coop_entry e WHERE e.cooperative_id = $1 AND e.day BETWEEN $2::date AND $3::date`,
      [cooperativeId, from, to],
    );
    return { from, to, ...sums };
  }

  /** A year's monthly statements (up to this month), each with what transfers settled of it. */
  async year(cooperativeId: string, year: number): Promise<YearStatementsDto> {
    await this.requireCooperative(this.dataSource.manager, cooperativeId);
    const today = this.clock.today();
    const last = String(year) === today.slice(0, 4) ? today.slice(0, 7) : year < this.thisYear() ? `${year}-12` : null;
    if (!last) return { year, months: [], totals: { from: `${year}-01-01`, to: `${year}-12-31`, ...zeroSums() } };
    const rows: (Omit<CoopStatementDto, 'from' | 'to'> & { month: string; settledFen: number })[] = await this.dataSource.query(
      `SELECT to_char(x, 'YYYY-MM') AS month, s.*, coalesce(paid.settled, 0) AS "settledFen"
         FROM generate_series($2::date, $3::date, interval '1 month') AS x
         CROSS JOIN LATERAL (SELECT ${MONTH_SUMS} FROM coop_month m WHERE m.cooperative_id = $1 AND m.month = x::date) s
         LEFT JOIN LATERAL (SELECT sum(ps.amount_fen) AS settled FROM coop_payout_statement ps JOIN coop_payout p ON p.id = ps.payout_id
                             WHERE p.cooperative_id = $1 AND ps.month = x::date) paid ON true
        ORDER BY x`,
      [cooperativeId, `${year}-01-01`, `${last}-01`],
    );
    const months = rows.map((row) => ({
      ...row,
      from: `${row.month}-01`,
      to: monthEnd(row.month),
      owedFen: row.netPayableFen - row.settledFen,
    }));
    const totals = { from: `${year}-01-01`, to: monthEnd(last), ...zeroSums() };
    for (const month of months) for (const key of SUM_KEYS) totals[key] += month[key];
    return { year, months, totals };
  }

  async payouts(cooperativeId: string | undefined): Promise<CoopPayoutListDto> {
    const rows: PayoutRow[] = await this.dataSource.query(
      `SELECT ${PAYOUT_COLUMNS} FROM coop_payout p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE $1::uuid IS NULL OR p.cooperative_id = $1 ORDER BY p.paid_on DESC, p.created_at DESC LIMIT 500`,
      [cooperativeId ?? null],
    );
    const totals = zeroBalance();
    for (const balance of await this.balances(cooperativeId ?? null, null)) for (const key of BALANCE_KEYS) totals[key] += balance[key];
    return { items: rows.map(toPayout), totals };
  }

  /** Officials' and admins' view: what each cooperative was owed by the year's statements, and what was paid of it. */
  async cooperativeBalances(year: number): Promise<CooperativeBalanceListDto> {
    const balances = await this.balances(null, year);
    return { year, items: balances.filter((row) => row.cooperative) as CooperativeBalanceListDto['items'] };
  }

  /**
   * Per cooperative (or only `cooperativeId`'s): owed by statements, and transfers against them by
   * what the cooperative answered. `year`: statements and transfers of that year's months only.
   */
  private async balances(cooperativeId: string | null, year: number | null) {
    const range = year === null ? ['-infinity', 'infinity'] : [`${year}-01-01`, `${year}-12-31`];
    const rows: (CoopBalanceDto & {
      cooperative: { id: string; name: string; townshipCode: string } | null;
      poolFen: number;
      paidToHouseholdsFen: number;
    })[] = await this.dataSource.query(
      `WITH owed AS (SELECT m.cooperative_id, sum(m.goods_fen - m.refunded_goods_fen + m.shipping_fen - m.refunded_shipping_fen - m.fee_fen) AS owed,
                            sum(m.pool_fen) AS pool
                       FROM coop_month m WHERE m.month BETWEEN $2::date AND $3::date AND ($1::uuid IS NULL OR m.cooperative_id = $1)
                      GROUP BY m.cooperative_id),
            paid AS (SELECT p.cooperative_id, ${PAYOUT_STATUS} AS status, ps.amount_fen AS amount
                       FROM coop_payout p JOIN coop_payout_statement ps ON ps.payout_id = p.id
                      WHERE ps.month BETWEEN $2::date AND $3::date AND ($1::uuid IS NULL OR p.cooperative_id = $1)),
            households AS (SELECT t.cooperative_id, sum(t.paid_fen) AS paid FROM trail_month t
                            WHERE t.month BETWEEN $2::date AND $3::date AND ($1::uuid IS NULL OR t.cooperative_id = $1) GROUP BY t.cooperative_id)
       SELECT json_build_object('id', c.id, 'name', c.name_zh, 'townshipCode', c.township_code) AS cooperative,
              coalesce(o.owed, 0) AS "owedFen", coalesce(o.pool, 0) AS "poolFen",
              coalesce((SELECT sum(amount) FROM paid WHERE paid.cooperative_id = c.id), 0) AS "paidFen",
              coalesce((SELECT sum(amount) FROM paid WHERE paid.cooperative_id = c.id AND status = 'CONFIRMED'), 0) AS "confirmedFen",
              coalesce((SELECT sum(amount) FROM paid WHERE paid.cooperative_id = c.id AND status = 'DISPUTED'), 0) AS "disputedFen",
              coalesce((SELECT sum(amount) FROM paid WHERE paid.cooperative_id = c.id AND status = 'AWAITING'), 0) AS "awaitingFen",
              coalesce(h.paid, 0) AS "paidToHouseholdsFen"
         FROM cooperative c LEFT JOIN owed o ON o.cooperative_id = c.id LEFT JOIN households h ON h.cooperative_id = c.id
        WHERE ($1::uuid IS NULL OR c.id = $1)
          AND (o.cooperative_id IS NOT NULL OR EXISTS (SELECT 1 FROM paid WHERE paid.cooperative_id = c.id) OR $1::uuid IS NOT NULL)
        ORDER BY coalesce(o.owed, 0) DESC, c.name_zh`,
      [cooperativeId, ...range],
    );
    return rows.map((row) => ({ ...row, balanceFen: row.owedFen - row.paidFen }));
  }

  /**
   * An admin records a transfer to a cooperative against one or more monthly statements (partly, if
   * so): no statement may be paid beyond its net payable. Transfers to one cooperative are recorded
   * one at a time (its row is locked), so two admins cannot both pay the same statement's rest.
   */
  async record(admin: Acting, dto: RecordCoopPayoutDto): Promise<CoopPayoutDto> {
    const months = dto.statements.map((share) => share.month);
    if (new Set(months).size !== months.length) {
      throw new AppError('VALIDATION_FAILED', 'Each statement may appear once', [{ field: 'statements', problems: ['each month once'] }]);
    }
    const sharesFen = dto.statements.reduce((sum, share) => sum + share.amountFen, 0);
    if (sharesFen !== dto.amountFen) {
      throw new AppError('VALIDATION_FAILED', `The statements’ amounts add up to ${sharesFen} fen, not the ${dto.amountFen} transferred`, [
        { field: 'statements', problems: ['amounts must add up to amountFen'] },
      ]);
    }
    const today = this.clock.today();
    if (dto.paidOn > today) {
      throw new AppError('VALIDATION_FAILED', 'paidOn cannot be in the future', [{ field: 'paidOn', problems: ['not after today'] }]);
    }
    const future = months.filter((month) => month > today.slice(0, 7));
    if (future.length) {
      throw new AppError('VALIDATION_FAILED', `No statement exists yet for ${future.join(', ')}`, [
        { field: 'statements', problems: ['months up to this one'] },
      ]);
    }
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const [cooperative] = await manager.query(`SELECT id FROM cooperative WHERE id = $1 FOR UPDATE`, [dto.cooperativeId]);
      if (!cooperative) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
      const open: { month: string; owedFen: number }[] = await manager.query(
        `SELECT to_char(x, 'YYYY-MM') AS month,
                (SELECT coalesce(sum(m.goods_fen - m.refunded_goods_fen + m.shipping_fen - m.refunded_shipping_fen - m.fee_fen), 0)
                   FROM coop_month m WHERE m.cooperative_id = $1 AND m.month = x)
              - (SELECT coalesce(sum(ps.amount_fen), 0) FROM coop_payout_statement ps JOIN coop_payout p ON p.id = ps.payout_id
                  WHERE p.cooperative_id = $1 AND ps.month = x) AS "owedFen"
           FROM unnest($2::date[]) AS x`,
        [dto.cooperativeId, months.map(monthStart)],
      );
      const over = dto.statements.filter((share) => share.amountFen > open.find((row) => row.month === share.month)!.owedFen);
      if (over.length) {
        throw new AppError(
          'PAYOUT_EXCEEDS_STATEMENT',
          'A transfer cannot settle more of a statement than it still has open.',
          over.map((share) => ({
            field: `statements.${dto.statements.indexOf(share)}.amountFen`,
            problems: [`at most ${Math.max(0, open.find((row) => row.month === share.month)!.owedFen)} fen is open on ${share.month}`],
          })),
        );
      }
      const [payout] = await manager.query(
        `INSERT INTO coop_payout (cooperative_id, amount_fen, paid_on, bank_reference, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.cooperativeId, dto.amountFen, dto.paidOn, dto.bankReference.trim(), dto.note?.trim() || null, admin.id],
      );
      await this.insertShares(manager, payout.id, dto.statements);
      await audit({
        actor: admin,
        action: 'coop_payout.recorded',
        entityType: 'coop_payout',
        entityId: payout.id,
        after: { cooperativeId: dto.cooperativeId, amountFen: dto.amountFen, paidOn: dto.paidOn, statements: dto.statements },
      });
      return payout.id as string;
    });
    return this.payout(id);
  }

  /** A transfer recorded in error is reversed by a row of the opposite sign (rows are never changed). */
  async reverse(admin: Acting, payoutId: string, reason: string): Promise<CoopPayoutDto> {
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      const original = await this.lockPayout(manager, payoutId);
      if (!original) throw new AppError('PAYOUT_NOT_FOUND', 'No such payout.');
      if (original.status === 'REVERSED')
        throw new AppError('PAYOUT_STATUS_CONFLICT', 'This payout is reversed already, or is itself a reversal.');
      const [reversal] = await manager.query(
        `INSERT INTO coop_payout (cooperative_id, amount_fen, paid_on, bank_reference, note, reverses_id, recorded_by)
         SELECT cooperative_id, -amount_fen, qh_today(), bank_reference, $2, id, $3 FROM coop_payout WHERE id = $1 RETURNING id`,
        [payoutId, reason.trim(), admin.id],
      );
      await this.insertShares(
        manager,
        reversal.id,
        original.statements.map((share) => ({ month: share.month, amountFen: -share.amountFen })),
      );
      await audit({
        actor: admin,
        action: 'coop_payout.reversed',
        entityType: 'coop_payout',
        entityId: payoutId,
        after: { reversalId: reversal.id, reason },
      });
      return reversal.id as string;
    });
    return this.payout(id);
  }

  /** The cooperative says it received the transfer (also after disputing it, once settled) or disputes it. */
  async respond(
    staff: Acting,
    cooperativeId: string,
    payoutId: string,
    kind: 'CONFIRMED' | 'DISPUTED',
    reason: string | null,
  ): Promise<CoopPayoutDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const payout = await this.lockPayout(manager, payoutId);
      if (!payout || payout.cooperative.id !== cooperativeId) throw new AppError('PAYOUT_NOT_FOUND', 'No such payout.');
      const allowed = kind === 'CONFIRMED' ? ['AWAITING', 'DISPUTED'] : ['AWAITING'];
      if (!allowed.includes(payout.status)) {
        throw new AppError(
          'PAYOUT_STATUS_CONFLICT',
          `This payout is ${payout.status.toLowerCase()}: it cannot be ${kind.toLowerCase()} now.`,
        );
      }
      await manager.query(`INSERT INTO coop_payout_response (payout_id, kind, reason, responded_by) VALUES ($1, $2, $3, $4)`, [
        payoutId,
        kind,
        reason?.trim() || null,
        staff.id,
      ]);
      await audit({
        actor: staff,
        action: kind === 'CONFIRMED' ? 'coop_payout.confirmed' : 'coop_payout.disputed',
        entityType: 'coop_payout',
        entityId: payoutId,
        before: { status: payout.status },
        after: { status: kind, reason },
      });
    });
    return this.payout(payoutId);
  }

  private async payout(id: string, manager: EntityManager = this.dataSource.manager): Promise<CoopPayoutDto> {
    const [row] = await manager.query(
      `SELECT ${PAYOUT_COLUMNS} FROM coop_payout p JOIN cooperative c ON c.id = p.cooperative_id WHERE p.id = $1`,
      [id],
    );
    return toPayout(row);
  }

  /** The payout, its row locked so that answers and reversals of it are made one at a time. */
  private async lockPayout(manager: EntityManager, id: string): Promise<CoopPayoutDto | undefined> {
    const [locked] = await manager.query(`SELECT id FROM coop_payout WHERE id = $1 FOR UPDATE`, [id]);
    return locked ? this.payout(id, manager) : undefined;
  }

  private async insertShares(manager: EntityManager, payoutId: string, shares: { month: string; amountFen: number }[]): Promise<void> {
    await manager.query(
      `INSERT INTO coop_payout_statement (payout_id, month, amount_fen) SELECT $1, x.month, x.amount FROM unnest($2::date[], $3::bigint[]) AS x(month, amount)`,
      [payoutId, shares.map((share) => monthStart(share.month)), shares.map((share) => share.amountFen)],
    );
  }

  private async requireCooperative(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query(`SELECT 1 FROM cooperative WHERE id = $1`, [id]);
    if (!found) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
  }
}

const SUM_KEYS = [
  'goodsFen',
  'refundedGoodsFen',
  'shippingFen',
  'refundedShippingFen',
  'platformFeeFen',
  'netPayableFen',
  'poolFen',
] as const;

function zeroSums(): Omit<CoopStatementDto, 'from' | 'to'> {
  return { goodsFen: 0, refundedGoodsFen: 0, shippingFen: 0, refundedShippingFen: 0, platformFeeFen: 0, netPayableFen: 0, poolFen: 0 };
}

const BALANCE_KEYS = ['owedFen', 'paidFen', 'confirmedFen', 'disputedFen', 'awaitingFen', 'balanceFen'] as const;

function zeroBalance(): CoopBalanceDto {
  return { owedFen: 0, paidFen: 0, confirmedFen: 0, disputedFen: 0, awaitingFen: 0, balanceFen: 0 };
}
