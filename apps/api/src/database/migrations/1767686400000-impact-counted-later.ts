import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment writes its order's groups uncounted; the orders and buyers of impact_reach and
 * impact_buyer_months count them later, many orders in one statement (OrderCounts.fold), before
 * any report reads them. Counting one order took a payment as long as the rest of its writes.
 * The groups written so far are counted already.
 */
export class ImpactCountedLater1767686400000 implements MigrationInterface {
  name = 'ImpactCountedLater1767686400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE impact_order_group ADD COLUMN counted boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE impact_order_group ALTER COLUMN counted SET DEFAULT false`);
    await q.query(`CREATE INDEX impact_order_group_uncounted_idx ON impact_order_group (order_id) WHERE NOT counted`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX impact_order_group_uncounted_idx`);
    await q.query(`ALTER TABLE impact_order_group DROP COLUMN counted`);
  }
}
