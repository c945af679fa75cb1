import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which paid orders (and buyers) each rollup group has, for the distinct counts the reports show.
 * One row per order and group; an order refunded in full leaves it.
 */
export class ImpactOrders1765180800000 implements MigrationInterface {
  name = 'ImpactOrders1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_order_group (
        order_id        uuid NOT NULL REFERENCES "order"(id),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        township_code   varchar(12) NOT NULL REFERENCES township(code),
        category        text NOT NULL,
        day             date NOT NULL,
        buyer_id        uuid NOT NULL REFERENCES account(id),
        -- Whether the group holds a certified line: the poverty-linked orders.
        linked          boolean NOT NULL,
        PRIMARY KEY (order_id, cooperative_id, township_code, category)
      );
      CREATE INDEX impact_order_group_day_idx ON impact_order_group (day) INCLUDE (order_id, buyer_id, cooperative_id, township_code, category);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE impact_order_group`);
  }
}
