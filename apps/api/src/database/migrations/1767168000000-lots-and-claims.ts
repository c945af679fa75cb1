import { MigrationInterface, QueryRunner } from 'typeorm';

const TOPICS = `'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE', 'PASSWORD_RESET',
  'ORGANISATION_INVITATION', 'ORGANISATION_REVIEWED', 'ORDER_AWAITING_APPROVAL', 'ORDER_APPROVED', 'ORDER_REJECTED', 'ORDER_APPROVAL_EXPIRED',
  'STATEMENT_ISSUED'`;
const NEW_TOPICS = `'LOT_RECALLED', 'CLAIM_OPENED', 'CLAIM_UPDATED'`;
const REFUND_KINDS = `'ADMIN', 'CANCELLATION', 'LATE_PAYMENT', 'EXTERNAL', 'SHORTFALL'`;

/**
 * From the field to the table: lots (批次) with their papers, which lot each shipped unit came from,
 * recalls, and after-sales claims (售后) whose granted units go back through the refund flow.
 */
export class LotsAndClaims1767168000000 implements MigrationInterface {
  name = 'LotsAndClaims1767168000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lot (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Printed on labels and read aloud: no 0/O or 1/I/L.
        code            text NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJKMNP-Z]{8}$'),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        product_id      uuid NOT NULL REFERENCES product(id),
        village         text NOT NULL CHECK (char_length(village) BETWEEN 1 AND 40),
        -- Harvested, slaughtered or made.
        produced_on     date NOT NULL,
        best_before     date NOT NULL CHECK (best_before >= produced_on),
        quantity        integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
        -- 承诺达标合格证 on every lot; 动物检疫合格证明 for meat, poultry and eggs (checked by the app, which knows the category).
        certificate_no  text NOT NULL CHECK (char_length(certificate_no) BETWEEN 4 AND 40),
        quarantine_no   text CHECK (char_length(quarantine_no) BETWEEN 4 AND 40),
        -- A test report (PDF or image), by the SHA-256 of its content under DATA_DIR/lot-reports.
        report_sha256   text CHECK (report_sha256 ~ '^[0-9a-f]{64}$'),
        closed_at       timestamptz,
        recalled_at     timestamptz,
        recall_notice   text,
        recalled_by     uuid REFERENCES account(id),
        created_by      uuid REFERENCES account(id),
        created_at      timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((recalled_at IS NULL) = (recall_notice IS NULL))
      );
      CREATE INDEX lot_cooperative_idx ON lot (cooperative_id, created_at DESC, id DESC);
      CREATE INDEX lot_product_idx ON lot (product_id);

      -- Which lot each shipped unit of a line came from, written when the part ships and never changed.
      CREATE TABLE lot_shipment (
        order_line_id  uuid NOT NULL REFERENCES order_line(id),
        lot_id         uuid NOT NULL REFERENCES lot(id),
        quantity       integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (order_line_id, lot_id)
      );
      CREATE INDEX lot_shipment_lot_idx ON lot_shipment (lot_id);
      CREATE FUNCTION lot_shipment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'lot_shipment is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
        END $$;
      CREATE TRIGGER lot_shipment_no_update_or_delete BEFORE UPDATE OR DELETE ON lot_shipment
        FOR EACH ROW EXECUTE FUNCTION lot_shipment_append_only();

      -- Nothing about a lot that has shipped can change but its closing and its recall.
      CREATE FUNCTION lot_shipped_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (OLD.code, OLD.cooperative_id, OLD.product_id, OLD.village, OLD.produced_on, OLD.best_before, OLD.quantity,
              OLD.certificate_no, OLD.quarantine_no, OLD.report_sha256)
             IS DISTINCT FROM
             (NEW.code, NEW.cooperative_id, NEW.product_id, NEW.village, NEW.produced_on, NEW.best_before, NEW.quantity,
              NEW.certificate_no, NEW.quarantine_no, NEW.report_sha256)
             AND EXISTS (SELECT 1 FROM lot_shipment WHERE lot_id = OLD.id) THEN
            RAISE EXCEPTION 'lot % has shipped: its facts cannot change', OLD.code USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER lot_shipped_is_fixed BEFORE UPDATE ON lot FOR EACH ROW EXECUTE FUNCTION lot_shipped_is_fixed();

      CREATE TABLE claim (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id         uuid NOT NULL REFERENCES "order"(id),
        fulfillment_id   uuid NOT NULL REFERENCES fulfillment(id),
        cooperative_id   uuid NOT NULL REFERENCES cooperative(id),
        opened_by        uuid NOT NULL REFERENCES account(id),
        -- An organisation's receiver claims for the organisation: any of its receivers may follow it up.
        organisation_id  uuid REFERENCES organisation(id),
        reason           text NOT NULL CHECK (reason IN ('DAMAGED', 'SPOILED', 'SHORT', 'WRONG_ITEM', 'QUALITY')),
        note             text CHECK (char_length(note) <= 500),
        status           text NOT NULL DEFAULT 'OPEN'
                         CHECK (status IN ('OPEN', 'OFFERED', 'DISPUTED', 'ESCALATED', 'SETTLED', 'REJECTED', 'WITHDRAWN')),
        -- Photos by the SHA-256 of their content under DATA_DIR/claim-photos, served only to the claim's parties.
        photos           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(photos) <= 5),
        answer_due_at    timestamptz NOT NULL,
        answered_at      timestamptz,
        -- When the admins (and the cooperative) were told that its answer time ran out.
        overdue_told_at  timestamptz,
        -- The cooperative's words with an offer or a dispute.
        answer_note      text CHECK (char_length(answer_note) <= 500),
        decided_by       uuid REFERENCES account(id),
        decision_note    text CHECK (char_length(decision_note) <= 500),
        refund_id        uuid UNIQUE REFERENCES refund(id),
        closed_at        timestamptz,
        created_at       timestamptz NOT NULL DEFAULT qh_now(),
        updated_at       timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((status IN ('SETTLED', 'REJECTED', 'WITHDRAWN')) = (closed_at IS NOT NULL)),
        CHECK (status <> 'DISPUTED' OR answer_note IS NOT NULL)
      );
      CREATE INDEX claim_cooperative_idx ON claim (cooperative_id, created_at DESC, id DESC);
      CREATE INDEX claim_order_idx ON claim (order_id);
      CREATE INDEX claim_opened_by_idx ON claim (opened_by, created_at DESC);
      CREATE INDEX claim_open_idx ON claim (created_at DESC, id DESC) WHERE closed_at IS NULL;

      CREATE TABLE claim_line (
        claim_id          uuid NOT NULL REFERENCES claim(id),
        order_line_id     uuid NOT NULL REFERENCES order_line(id),
        asked_quantity    integer NOT NULL CHECK (asked_quantity >= 0),
        offered_quantity  integer CHECK (offered_quantity BETWEEN 0 AND asked_quantity),
        granted_quantity  integer CHECK (granted_quantity BETWEEN 0 AND asked_quantity),
        PRIMARY KEY (claim_id, order_line_id)
      );
      CREATE INDEX claim_line_order_line_idx ON claim_line (order_line_id);

      ALTER TABLE refund DROP CONSTRAINT refund_kind_check;
      ALTER TABLE refund ADD CONSTRAINT refund_kind_check CHECK (kind IN (${REFUND_KINDS}, 'CLAIM'));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check CHECK (topic IN (${TOPICS}, ${NEW_TOPICS}));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic IN (${NEW_TOPICS});
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check CHECK (topic IN (${TOPICS}));
      DROP TABLE claim_line;
      DROP TABLE claim;
      ALTER TABLE refund DROP CONSTRAINT refund_kind_check;
      ALTER TABLE refund ADD CONSTRAINT refund_kind_check CHECK (kind IN (${REFUND_KINDS}));
      DROP TABLE lot_shipment;
      DROP FUNCTION lot_shipment_append_only();
      DROP TABLE lot;
      DROP FUNCTION lot_shipped_is_fixed();
    `);
  }
}
