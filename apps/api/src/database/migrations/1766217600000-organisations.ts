import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `ARRAY['MANAGER', 'PURCHASER', 'APPROVER', 'FINANCE', 'RECEIVER']::text[]`;
const TOPICS = `'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED', 'PRODUCT_ON_SALE', 'PASSWORD_RESET'`;

/**
 * Institutional buyers: an organisation (verified by an admin), its members with their roles (one
 * organisation per account), single-use invitations by e-mail, and its delivery sites. Invitations go
 * to people who may not have an account yet, so an outbox message may be addressed to an e-mail.
 */
export class Organisations1766217600000 implements MigrationInterface {
  name = 'Organisations1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name              text NOT NULL,
        name_en           text NOT NULL,
        credit_code       text NOT NULL,
        type              text NOT NULL CHECK (type IN ('GOVERNMENT', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'SCHOOL', 'HOSPITAL',
                                                        'TRADE_UNION', 'COMPANY', 'OTHER')),
        district_code     varchar(6) NOT NULL REFERENCES delivery_district(code),
        budget_unit       boolean NOT NULL,
        has_canteen       boolean NOT NULL,
        contact_name      text NOT NULL,
        contact_mobile    text NOT NULL,
        status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
        rejection_reason  text,
        registered_by     uuid NOT NULL REFERENCES account(id),
        created_at        timestamptz NOT NULL DEFAULT qh_now(),
        updated_at        timestamptz NOT NULL DEFAULT qh_now(),
        verified_at       timestamptz,
        CONSTRAINT organisation_credit_code_key UNIQUE (credit_code),
        CONSTRAINT organisation_rejection_reason CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
      );
      CREATE INDEX organisation_queue_idx ON organisation (status, created_at, id);

      -- The account is the key: one account belongs to at most one organisation.
      CREATE TABLE organisation_member (
        account_id       uuid PRIMARY KEY REFERENCES account(id),
        organisation_id  uuid NOT NULL REFERENCES organisation(id),
        roles            text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ${ROLES}),
        joined_at        timestamptz NOT NULL DEFAULT qh_now()
      );
      CREATE INDEX organisation_member_organisation_idx ON organisation_member (organisation_id, joined_at);

      CREATE TABLE organisation_invitation (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id  uuid NOT NULL REFERENCES organisation(id),
        email            text NOT NULL,
        roles            text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ${ROLES}),
        token_hash       bytea NOT NULL UNIQUE,
        invited_by       uuid NOT NULL REFERENCES account(id),
        expires_at       timestamptz NOT NULL,
        accepted_at      timestamptz,
        accepted_by      uuid REFERENCES account(id),
        revoked_at       timestamptz,
        created_at       timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      );
      CREATE INDEX organisation_invitation_organisation_idx ON organisation_invitation (organisation_id, created_at);

      CREATE TABLE delivery_site (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id    uuid NOT NULL REFERENCES organisation(id),
        name               text NOT NULL,
        district_code      varchar(6) NOT NULL REFERENCES delivery_district(code),
        street             text NOT NULL,
        contact_name       text NOT NULL,
        contact_mobile     text NOT NULL,
        receiving_windows  jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(receiving_windows) = 'array'),
        driver_notes       text,
        archived_at        timestamptz,
        created_at         timestamptz NOT NULL DEFAULT qh_now()
      );
      CREATE INDEX delivery_site_organisation_idx ON delivery_site (organisation_id, created_at);

      ALTER TABLE notification_outbox ALTER COLUMN account_id DROP NOT NULL;
      ALTER TABLE notification_outbox ADD COLUMN email text;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_recipient CHECK ((account_id IS NULL) <> (email IS NULL));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check
        CHECK (topic IN (${TOPICS}, 'ORGANISATION_INVITATION', 'ORGANISATION_REVIEWED'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE topic IN ('ORGANISATION_INVITATION', 'ORGANISATION_REVIEWED');
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_topic_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_topic_check CHECK (topic IN (${TOPICS}));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_recipient;
      ALTER TABLE notification_outbox DROP COLUMN email;
      ALTER TABLE notification_outbox ALTER COLUMN account_id SET NOT NULL;
      DROP TABLE delivery_site;
      DROP TABLE organisation_invitation;
      DROP TABLE organisation_member;
      DROP TABLE organisation;
    `);
  }
}
