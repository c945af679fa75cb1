import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 验收: an organisation's receiver records what arrived of each shipped part, line by line; what was
 * short becomes a claim an admin refunds (or declines, saying why). A part nobody acted on is
 * accepted automatically after some days (accepted_at without accepted_by).
 */
export class Acceptance1766476800000 implements MigrationInterface {
  name = 'Acceptance1766476800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE fulfillment ADD COLUMN accepted_at timestamptz, ADD COLUMN accepted_by uuid REFERENCES account(id),
        ADD CONSTRAINT fulfillment_accepted_shipped CHECK (accepted_at IS NULL OR status = 'SHIPPED'),
        ADD CONSTRAINT fulfillment_accepted_by CHECK (accepted_by IS NULL OR accepted_at IS NOT NULL);
      CREATE INDEX fulfillment_awaiting_acceptance_idx ON fulfillment (shipped_at) WHERE status = 'SHIPPED' AND accepted_at IS NULL;

      CREATE TABLE acceptance_line (
        order_line_id      uuid PRIMARY KEY REFERENCES order_line(id),
        fulfillment_id     uuid NOT NULL REFERENCES fulfillment(id),
        accepted_quantity  integer NOT NULL CHECK (accepted_quantity >= 0),
        shortfall_reason   text CHECK (shortfall_reason IN ('SHORT', 'DAMAGED', 'SPOILED', 'WRONG_ITEM'))
      );
      CREATE INDEX acceptance_line_fulfillment_idx ON acceptance_line (fulfillment_id);

      CREATE TABLE shortfall_claim (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fulfillment_id  uuid NOT NULL UNIQUE REFERENCES fulfillment(id),
        order_id        uuid NOT NULL REFERENCES "order"(id),
        status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'REFUNDED', 'DECLINED')),
        note            text,
        refund_id       uuid REFERENCES refund(id),
        decided_by      uuid REFERENCES account(id),
        decided_at      timestamptz,
        decline_reason  text,
        created_at      timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((status = 'REFUNDED') = (refund_id IS NOT NULL)),
        CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      );
      CREATE INDEX shortfall_claim_queue_idx ON shortfall_claim (status, created_at, id);

      ALTER TABLE refund DROP CONSTRAINT refund_kind_check;
      ALTER TABLE refund ADD CONSTRAINT refund_kind_check CHECK (kind IN ('ADMIN', 'CANCELLATION', 'LATE_PAYMENT', 'EXTERNAL', 'SHORTFALL'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refund DROP CONSTRAINT refund_kind_check;
      ALTER TABLE refund ADD CONSTRAINT refund_kind_check CHECK (kind IN ('ADMIN', 'CANCELLATION', 'LATE_PAYMENT', 'EXTERNAL'));
      DROP TABLE shortfall_claim;
      DROP TABLE acceptance_line;
      DROP INDEX fulfillment_awaiting_acceptance_idx;
      ALTER TABLE fulfillment DROP CONSTRAINT fulfillment_accepted_by, DROP CONSTRAINT fulfillment_accepted_shipped,
        DROP COLUMN accepted_by, DROP COLUMN accepted_at;
    `);
  }
}
