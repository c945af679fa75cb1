import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the abuse limits count. Sign-in attempts also carry the HMAC of the caller's address, so that
 * many emails tried from one place are limited too; registrations are counted per address. Neither
 * table holds an email or an address in the clear; a daily job deletes rows older than any window.
 */
export class AbuseLimits1765612800000 implements MigrationInterface {
  name = 'AbuseLimits1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE login_attempt ADD COLUMN ip_key text;
      CREATE INDEX login_attempt_ip_idx ON login_attempt (ip_key, at) WHERE ip_key IS NOT NULL AND NOT succeeded;
      CREATE INDEX login_attempt_at_idx ON login_attempt (at);

      CREATE TABLE registration_attempt (
        id      bigserial PRIMARY KEY,
        ip_key  text NOT NULL,
        at      timestamptz NOT NULL DEFAULT qh_now()
      );
      CREATE INDEX registration_attempt_ip_idx ON registration_attempt (ip_key, at);

      -- The unpaid orders a buyer holds, counted at every checkout.
      CREATE INDEX order_buyer_awaiting_payment_idx ON "order" (buyer_id) WHERE status = 'AWAITING_PAYMENT';
      -- Guest carts nobody came back to, for the purge.
      CREATE INDEX cart_guest_updated_idx ON cart (updated_at) WHERE token_hash IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX cart_guest_updated_idx;
      DROP INDEX order_buyer_awaiting_payment_idx;
      DROP TABLE registration_attempt;
      DROP INDEX login_attempt_at_idx;
      DROP INDEX login_attempt_ip_idx;
      ALTER TABLE login_attempt DROP COLUMN ip_key;
    `);
  }
}
