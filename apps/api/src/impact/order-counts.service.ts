import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedRowsIn } from '../database/sql';
import { countWaitingOrders } from './rollups';

/**
 * The paid orders and their buyers in impact_reach and impact_buyer_months: a payment leaves its
 * order uncounted, and this counts every order waiting, before a report reads them and every minute
 * (JobsService), so that the figures are as current as the payments.
 */
@Injectable()
export class OrderCounts {
  /**
   * This process's counts, one after another: reports at once hold one connection waiting for the
   * turn, not one each, and each finds what the one before it left (usually nothing).
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts every paid order not counted yet: how many it counted. */
  countWaiting(): Promise<number> {
    const counted = this.queue.then(() => this.countNow());
    this.queue = counted.catch(() => 0);
    return counted;
  }

  private async countNow(): Promise<number> {
    if (!(await this.waiting())) return 0;
    return countWaitingOrders((work) => this.dataSource.transaction((manager) => work(manager)));
  }

  /** Whether any paid order waits to be counted: most reads find none, and then take no turn. */
  private async waiting(): Promise<boolean> {
    const [{ waiting }] = await preparedRowsIn<{ waiting: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM impact_order_group WHERE NOT counted) AS waiting`,
      [],
    );
    return waiting;
  }
}
