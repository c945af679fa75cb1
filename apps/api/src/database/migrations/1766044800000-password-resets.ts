import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password resets by e-mail: a single-use link, kept as the HMAC of its token, valid for a short while. */
export class PasswordResets1766044800000 implements MigrationInterface {
  name = 'PasswordResets1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset (
        token_hash  bytea PRIMARY KEY,
        account_id  uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT qh_now()
      );
      CREATE INDEX password_reset_account_idx ON password_reset (account_id, created_at);

      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN ('ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE', 'PASSWORD_RESET'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic = 'PASSWORD_RESET';
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN ('ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE'));
      DROP TABLE password_reset;
    `);
  }
}
