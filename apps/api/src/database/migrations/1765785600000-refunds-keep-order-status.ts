import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund of part of an order no longer replaces where its goods are (PAID, PARTIALLY_SHIPPED,
 * SHIPPED, COMPLETED) with PARTIALLY_REFUNDED: the order's `refunded_fen` and its lines' refunded
 * units say what came back. Orders that were PARTIALLY_REFUNDED get the status their parcels say.
 */
export class RefundsKeepOrderStatus1765785600000 implements MigrationInterface {
  name = 'RefundsKeepOrderStatus1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A parcel whose every unit was refunded before it left is called off, as refunds do from now on.
      UPDATE fulfillment f SET status = 'CANCELLED'
       WHERE f.status = 'PENDING'
         AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.fulfillment_id = f.id AND l.refunded_quantity < l.quantity);
      UPDATE "order" o SET status = CASE
          WHEN o.completed_at IS NOT NULL THEN 'COMPLETED'
          WHEN p.shipped = 0 THEN 'PAID'
          WHEN p.shipped = p.live THEN 'SHIPPED'
          ELSE 'PARTIALLY_SHIPPED' END
        FROM (SELECT order_id, count(*) FILTER (WHERE status = 'SHIPPED') AS shipped, count(*) FILTER (WHERE status <> 'CANCELLED') AS live
                FROM fulfillment GROUP BY order_id) p
       WHERE p.order_id = o.id AND o.status = 'PARTIALLY_REFUNDED';
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check
        CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check
        CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED'));
    `);
  }
}
