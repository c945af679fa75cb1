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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts every paid order not counted yet: how many it counted. */
  async countWaiting(): Promise<number> {
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
