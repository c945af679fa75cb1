import { MigrationInterface, QueryRunner } from 'typeorm';

const TOPICS = `'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE', 'PASSWORD_RESET',
  'ORGANISATION_INVITATION', 'ORGANISATION_REVIEWED', 'ORDER_AWAITING_APPROVAL', 'ORDER_APPROVED', 'ORDER_REJECTED', 'ORDER_APPROVAL_EXPIRED'`;
const STATUSES = `'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'`;

/**
 * Payment on account (记账/月结): an admin grants a verified organisation credit terms; its orders are
 * then confirmed ON_ACCOUNT and go to the cooperatives at once. Statements list what was delivered,
 * credited and paid; an admin records the bank transfers that arrive, and the orders they cover are
 * paid (and only then counted in the ledger). Each delivered part, credit and transfer appears on
 * one statement.
 */
export class PaymentOnAccount1766563200000 implements MigrationInterface {
  name = 'PaymentOnAccount1766563200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_terms (
        organisation_id  uuid PRIMARY KEY REFERENCES organisation(id),
        payment_days     integer NOT NULL CHECK (payment_days BETWEEN 1 AND 120),
        credit_limit_fen bigint NOT NULL CHECK (credit_limit_fen > 0),
        granted_by       uuid NOT NULL REFERENCES account(id),
        granted_at       timestamptz NOT NULL DEFAULT qh_now()
      );

      ALTER TABLE "order"
        ADD COLUMN on_account boolean NOT NULL DEFAULT false,
        ADD COLUMN confirmed_at timestamptz,
        ADD CONSTRAINT order_on_account_organisation CHECK (NOT on_account OR organisation_id IS NOT NULL),
        ADD CONSTRAINT order_confirmed_on_account CHECK (confirmed_at IS NULL OR on_account);
      CREATE INDEX order_on_account_idx ON "order" (organisation_id, created_at) WHERE on_account;
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check CHECK (status IN (${STATUSES}, 'ON_ACCOUNT'));

      CREATE SEQUENCE statement_number_seq;
      CREATE TABLE statement (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number           text NOT NULL UNIQUE,
        organisation_id  uuid NOT NULL REFERENCES organisation(id),
        -- The first day it covers (the day after the previous statement's last), and its last day, in China.
        period_from      date,
        period_to        date NOT NULL,
        due_on           date NOT NULL,
        opening_fen      bigint NOT NULL,
        charges_fen      bigint NOT NULL CHECK (charges_fen >= 0),
        credits_fen      bigint NOT NULL CHECK (credits_fen >= 0),
        payments_fen     bigint NOT NULL CHECK (payments_fen >= 0),
        closing_fen      bigint NOT NULL CHECK (closing_fen = opening_fen + charges_fen - credits_fen - payments_fen),
        issued_by        uuid REFERENCES account(id),
        issued_at        timestamptz NOT NULL DEFAULT qh_now(),
        UNIQUE (organisation_id, period_to),
        CHECK (period_from IS NULL OR period_from <= period_to)
      );

      CREATE TABLE bank_transfer (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id  uuid NOT NULL REFERENCES organisation(id),
        amount_fen       bigint NOT NULL CHECK (amount_fen > 0),
        received_on      date NOT NULL,
        -- The bank's reference: one transfer is recorded once.
        reference        text NOT NULL,
        statement_id     uuid REFERENCES statement(id),
        recorded_by      uuid NOT NULL REFERENCES account(id),
        recorded_at      timestamptz NOT NULL DEFAULT qh_now(),
        UNIQUE (organisation_id, reference)
      );

      CREATE TABLE transfer_allocation (
        transfer_id  uuid NOT NULL REFERENCES bank_transfer(id),
        order_id     uuid NOT NULL REFERENCES "order"(id),
        amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (transfer_id, order_id)
      );
      CREATE INDEX transfer_allocation_order_idx ON transfer_allocation (order_id);

      CREATE TABLE statement_item (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id    uuid NOT NULL REFERENCES statement(id),
        kind            text NOT NULL CHECK (kind IN ('CHARGE', 'CREDIT', 'PAYMENT')),
        day             date NOT NULL,
        order_id        uuid REFERENCES "order"(id),
        fulfillment_id  uuid UNIQUE REFERENCES fulfillment(id),
        refund_id       uuid UNIQUE REFERENCES refund(id),
        transfer_id     uuid UNIQUE REFERENCES bank_transfer(id),
        amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
        CHECK ((kind = 'CHARGE') = (fulfillment_id IS NOT NULL) AND (kind = 'CREDIT') = (refund_id IS NOT NULL)
               AND (kind = 'PAYMENT') = (transfer_id IS NOT NULL))
      );
      CREATE INDEX statement_item_statement_idx ON statement_item (statement_id, day, id);

      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN (${TOPICS}, 'STATEMENT_ISSUED'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic = 'STATEMENT_ISSUED';
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check CHECK (topic IN (${TOPICS}));
      DROP TABLE statement_item;
      DROP TABLE transfer_allocation;
      DROP TABLE bank_transfer;
      DROP TABLE statement;
      DROP SEQUENCE statement_number_seq;
      UPDATE "order" SET status = 'PAID' WHERE status = 'ON_ACCOUNT';
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check CHECK (status IN (${STATUSES}));
      DROP INDEX order_on_account_idx;
      ALTER TABLE "order" DROP CONSTRAINT order_confirmed_on_account, DROP CONSTRAINT order_on_account_organisation,
        DROP COLUMN confirmed_at, DROP COLUMN on_account;
      DROP TABLE credit_terms;
    `);
  }
}
