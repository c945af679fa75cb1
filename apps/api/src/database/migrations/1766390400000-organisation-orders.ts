import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'`;
const TOPICS = `'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE', 'PASSWORD_RESET',
  'ORGANISATION_INVITATION', 'ORGANISATION_REVIEWED'`;

/**
 * An organisation's order: placed by a purchaser for a delivery site and day, and, at or above the
 * organisation's approval threshold, waiting for an approver while it holds its stock.
 */
export class OrganisationOrders1766390400000 implements MigrationInterface {
  name = 'OrganisationOrders1766390400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation
        ADD COLUMN approval_threshold_fen bigint NOT NULL DEFAULT 0 CHECK (approval_threshold_fen >= 0),
        ADD COLUMN approval_hold_hours integer NOT NULL DEFAULT 48 CHECK (approval_hold_hours BETWEEN 1 AND 168);

      ALTER TABLE "order"
        ADD COLUMN organisation_id uuid REFERENCES organisation(id),
        ADD COLUMN delivery_site_id uuid REFERENCES delivery_site(id),
        ADD COLUMN delivery_on date,
        ADD COLUMN decided_by uuid REFERENCES account(id),
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN rejection_reason text,
        ADD CONSTRAINT order_organisation_delivery CHECK (
          (organisation_id IS NULL) = (delivery_site_id IS NULL) AND (organisation_id IS NULL) = (delivery_on IS NULL)),
        ADD CONSTRAINT order_decision CHECK ((decided_by IS NULL) = (decided_at IS NULL));
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check CHECK (status IN ('AWAITING_APPROVAL', ${STATUSES}));
      CREATE INDEX order_organisation_idx ON "order" (organisation_id, created_at DESC, id DESC) WHERE organisation_id IS NOT NULL;
      CREATE INDEX order_awaiting_approval_idx ON "order" (expires_at) WHERE status = 'AWAITING_APPROVAL';

      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN (${TOPICS}, 'ORDER_AWAITING_APPROVAL', 'ORDER_APPROVED', 'ORDER_REJECTED', 'ORDER_APPROVAL_EXPIRED'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic IN ('ORDER_AWAITING_APPROVAL', 'ORDER_APPROVED', 'ORDER_REJECTED', 'ORDER_APPROVAL_EXPIRED');
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check CHECK (topic IN (${TOPICS}));
      DROP INDEX order_awaiting_approval_idx;
      DROP INDEX order_organisation_idx;
      ALTER TABLE "order" DROP CONSTRAINT order_status_check;
      ALTER TABLE "order" ADD CONSTRAINT order_status_check CHECK (status IN (${STATUSES}));
      ALTER TABLE "order" DROP COLUMN rejection_reason, DROP COLUMN decided_at, DROP COLUMN decided_by, DROP COLUMN delivery_on,
        DROP COLUMN delivery_site_id, DROP COLUMN organisation_id;
      ALTER TABLE organisation DROP COLUMN approval_hold_hours, DROP COLUMN approval_threshold_fen;
    `);
  }
}
