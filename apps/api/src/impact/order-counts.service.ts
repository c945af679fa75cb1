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
  /** This process's count under way: one at a time, so that reports at once hold one connection waiting for the turn, not one each. */
  private running: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts every paid order not counted yet (those paid while another count ran too): how many it counted. */
  async countWaiting(): Promise<number> {
    while (this.running) await this.running.catch(() => 0);
    if (!(await this.waiting())) return 0;
    // Another caller may have started while this one looked.
    if (this.running) return this.countWaiting();
    const running = (this.running = countWaitingOrders((work) => this.dataSource.transaction((manager) => work(manager))));
    try {
      return await running;
    } finally {
      this.running = null;
    }
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
