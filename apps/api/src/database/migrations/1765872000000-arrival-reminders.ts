import { MigrationInterface, QueryRunner } from 'typeorm';

/** 到货提醒: buyers waiting to hear that a product opened for sale or came back in stock, told once by e-mail. */
export class ArrivalReminders1765872000000 implements MigrationInterface {
  name = 'ArrivalReminders1765872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE arrival_reminder (
        account_id   uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        product_id   uuid NOT NULL REFERENCES product(id),
        created_at   timestamptz NOT NULL DEFAULT qh_now(),
        -- Set when the buyer was told; setting the reminder again clears it.
        notified_at  timestamptz,
        PRIMARY KEY (account_id, product_id)
      );
      CREATE INDEX arrival_reminder_waiting_idx ON arrival_reminder (product_id) WHERE notified_at IS NULL;

      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN ('ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic = 'PRODUCT_ON_SALE';
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN ('ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED'));
      DROP TABLE arrival_reminder;
    `);
  }
}
