import { MigrationInterface, QueryRunner } from 'typeorm';

/** Provider payments (Stripe), the webhook events already handled, refunds, and the notification outbox. */
export class Payments1764748800000 implements MigrationInterface {
  name = 'Payments1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A checkout whose payment could not even be created gives its key back, so the buyer's retry is a fresh attempt.
      ALTER TABLE "order" ALTER COLUMN idempotency_key DROP NOT NULL;
      -- Confirmed refunds only; pending ones live in refund.
      ALTER TABLE "order" ADD COLUMN refunded_fen bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0);

      ALTER TABLE payment
        ADD COLUMN client_secret  text,
        -- What the provider says it received, which is checked against amount_fen and currency before an order is paid.
        ADD COLUMN received_fen   bigint,
        ADD COLUMN received_currency text,
        ADD COLUMN succeeded_at   timestamptz,
        ADD COLUMN failure        text,
        -- Set when a payment needs a person: e.g. the amount received is not the order's total.
        ADD COLUMN review_reason  text;
      CREATE UNIQUE INDEX payment_provider_ref_key ON payment (provider, provider_ref) WHERE provider_ref IS NOT NULL;
      CREATE INDEX payment_review_idx ON payment (updated_at) WHERE review_reason IS NOT NULL;

      -- The idempotency guard of the webhook: an event id is inserted in the transaction that acts on it.
      CREATE TABLE payment_event (
        id           text PRIMARY KEY,
        provider     text NOT NULL,
        type         text NOT NULL,
        payment_ref  text,
        received_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE refund (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id      uuid NOT NULL REFERENCES "order"(id),
        payment_id    uuid NOT NULL REFERENCES payment(id),
        -- ADMIN: by an admin; CANCELLATION: the buyer cancelled a paid order; LATE_PAYMENT: paid after the
        -- order expired; EXTERNAL: made at the provider (e.g. Stripe's dashboard) and learnt from its webhook.
        kind          text NOT NULL CHECK (kind IN ('ADMIN', 'CANCELLATION', 'LATE_PAYMENT', 'EXTERNAL')),
        amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
        shipping_fen  bigint NOT NULL DEFAULT 0 CHECK (shipping_fen >= 0 AND shipping_fen <= amount_fen),
        reason        text NOT NULL,
        status        text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        provider_ref  text,
        failure       text,
        requested_by  uuid REFERENCES account(id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        confirmed_at  timestamptz,
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX refund_one_late_per_payment ON refund (payment_id) WHERE kind = 'LATE_PAYMENT';
      CREATE INDEX refund_order_idx ON refund (order_id, created_at);
      CREATE INDEX refund_unsent_idx ON refund (created_at) WHERE status = 'PENDING' AND provider_ref IS NULL;

      -- Which goods a refund gives money back for; a whole-order refund lists every line left.
      CREATE TABLE refund_line (
        refund_id      uuid NOT NULL REFERENCES refund(id),
        order_line_id  uuid NOT NULL REFERENCES order_line(id),
        quantity       integer NOT NULL CHECK (quantity > 0),
        amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (refund_id, order_line_id)
      );
      CREATE INDEX refund_line_order_line_idx ON refund_line (order_line_id);

      -- Written in the transaction of the change it tells about; a job delivers it. dedupe_key makes a
      -- repeated change (a webhook delivered twice) write one message.
      CREATE TABLE notification_outbox (
        id               bigserial PRIMARY KEY,
        topic            text NOT NULL CHECK (topic IN ('ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_REFUNDED', 'LATE_PAYMENT_REFUNDED')),
        dedupe_key       text NOT NULL UNIQUE,
        account_id       uuid NOT NULL REFERENCES account(id),
        order_id         uuid REFERENCES "order"(id),
        payload          jsonb NOT NULL,
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        last_error       text,
        sent_at          timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL;
      -- Wakes the delivery job when a message commits (NOTIFY is sent at commit, never for a rollback), so
      -- buyers hear within seconds instead of at the next minute's run.
      CREATE FUNCTION notification_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('notification_outbox', ''); RETURN NULL; END $$;
      CREATE TRIGGER notification_outbox_notify AFTER INSERT ON notification_outbox
        FOR EACH STATEMENT EXECUTE FUNCTION notification_outbox_notify();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_outbox, refund_line, refund, payment_event;
      DROP FUNCTION notification_outbox_notify();
      DROP INDEX payment_review_idx;
      DROP INDEX payment_provider_ref_key;
      ALTER TABLE payment DROP COLUMN client_secret, DROP COLUMN received_fen, DROP COLUMN received_currency,
        DROP COLUMN succeeded_at, DROP COLUMN failure, DROP COLUMN review_reason;
      ALTER TABLE "order" DROP COLUMN refunded_fen;
      ALTER TABLE "order" ALTER COLUMN idempotency_key SET NOT NULL;
    `);
  }
}
