import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedRowsIn } from '../database/sql';
import { catchUpImpact } from './rollups';

/**
 * What payments and refunds leave for later: their pending sums, taken into impact_daily,
 * impact_monthly and the buyers' and organisations' months, and their paid orders and buyers,
 * counted in impact_reach and impact_buyer_months. This takes them in before a report reads them
 * and every minute (JobsService), so that the figures are as current as the payments.
 */
@Injectable()
export class ImpactCatchUp {
  /**
   * This process's catch-ups, one after another: reports at once hold one connection waiting for the
   * turn, not one each, and each finds what the one before it left (usually nothing).
   */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * The catch-up queued and not started yet. It looks for what waits only once it starts, so it
   * serves whoever asks before then too: a page that reads several reports at once, or a report
   * beside another, sets off one catch-up, not one each.
   */
  private queued: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes in every pending sum and counts every paid order not counted yet: how many orders it counted. */
  catchUp(): Promise<number> {
    if (this.queued) return this.queued;
    const run = this.queue.then(() => {
      this.queued = null;
      return this.catchUpNow();
    });
    this.queued = run;
    this.queue = run.catch(() => 0);
    return run;
  }

  private async catchUpNow(): Promise<number> {
    if (!(await this.waiting())) return 0;
    return catchUpImpact((work) => this.dataSource.transaction((manager) => work(manager)));
  }

  /** Whether anything waits: most reads find nothing, and then take no turn. */
  private async waiting(): Promise<boolean> {
    const [{ waiting }] = await preparedRowsIn<{ waiting: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM impact_pending_sum) OR EXISTS (SELECT 1 FROM impact_order_group WHERE NOT counted) AS waiting`,
      [],
    );
    return waiting;
  }
}
