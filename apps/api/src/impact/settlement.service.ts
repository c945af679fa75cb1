import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { settleDay, type SettlementLink } from '@qh/domain';
import { DataSource } from 'typeorm';
import { LAST_FINISHED_DAY } from './china-day';
import { countAllocations } from './trail-rollups';

/**
 * The daily settlement: each cooperative's pool of a finished day (its sales' shares less its refunds'
 * reversals that day) is split among the households linked to it that day, by weight, to the fen.
 * A refund after its sale's day was settled is simply part of its own day's pool, so it comes back
 * as a negative adjustment there. Days are settled in order, each in one transaction that first
 * claims the day: running again, or on two processes at once, never settles a day twice.
 */
@Injectable()
export class SettlementService {
  private readonly logger = new Logger(SettlementService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The job: every finished day not yet settled. Returns how many cooperative-days were settled. */
  async settleFinishedDays(): Promise<number> {
    const [{ last }] = await this.dataSource.query(`SELECT ${LAST_FINISHED_DAY} AS last`);
    return this.settleThrough(last);
  }

  /** Settles each unsettled day from after the last settled one (or the ledger's first) up to `lastDay`. */
  async settleThrough(lastDay: string): Promise<number> {
    const days: { day: string }[] = await this.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day
         FROM generate_series(coalesce((SELECT max(day) + 1 FROM settled_day), (SELECT min(day) FROM attribution_entry)), $1::date, interval '1 day') AS d`,
      [lastDay],
    );
    let settled = 0;
    for (const { day } of days) settled += await this.settle(day);
    if (settled) this.logger.log({ cooperativeDays: settled, through: lastDay }, 'household pools settled');
    return settled;
  }

  private settle(day: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO settled_day (day) VALUES ($1) ON CONFLICT (day) DO NOTHING RETURNING day`,
        [day],
      );
      if (claimed.length === 0) return 0;
      const pools: { cooperativeId: string; poolFen: number }[] = await manager.query(
        `SELECT cooperative_id AS "cooperativeId", sum(pool_fen) AS "poolFen" FROM attribution_entry WHERE day = $1 GROUP BY cooperative_id`,
        [day],
      );
      if (pools.length === 0) return 0;
      const links: SettlementLink[] = await manager.query(
        `SELECT household_id AS "householdId", cooperative_id AS "cooperativeId", weight FROM household_link
          WHERE cooperative_id = ANY($1) AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
        [pools.map((p) => p.cooperativeId), day],
      );
      const settlements = settleDay(new Map(pools.map((p) => [p.cooperativeId, p.poolFen])), links);
      await manager.query(
        `INSERT INTO settlement_run (cooperative_id, day, pool_fen, households, unallocated_fen)
         SELECT x.cooperative_id, $1, x.pool, x.households, x.unallocated FROM unnest($2::uuid[], $3::bigint[], $4::int[], $5::bigint[]) AS x(cooperative_id, pool, households, unallocated)`,
        [
          day,
          settlements.map((s) => s.cooperativeId),
          settlements.map((s) => s.poolFen),
          settlements.map((s) => s.allocations.length),
          settlements.map((s) => s.unallocatedFen),
        ],
      );
      const allocations = settlements.flatMap((s) => s.allocations.map((a) => ({ ...a, cooperativeId: s.cooperativeId })));
      if (allocations.length) {
        await manager.query(
          `INSERT INTO household_allocation (cooperative_id, day, household_id, amount_fen, weight)
           SELECT x.cooperative_id, $1, x.household_id, x.amount, x.weight FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::int[]) AS x(cooperative_id, household_id, amount, weight)`,
          [
            day,
            allocations.map((a) => a.cooperativeId),
            allocations.map((a) => a.householdId),
            allocations.map((a) => a.amountFen),
            allocations.map((a) => a.weight),
          ],
        );
      }
      await countAllocations(manager, day);
      return settlements.length;
    });
  }
}
