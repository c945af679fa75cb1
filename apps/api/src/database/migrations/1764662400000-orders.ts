import { MigrationInterface, QueryRunner } from 'typeorm';

/** Carts, orders with one fulfillment per cooperative, payments, and the shipping rates they are priced with. */
export class Orders1764662400000 implements MigrationInterface {
  name = 'Orders1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One rate per shipping class; admins change the figures, the checkout reads them.
      CREATE TABLE shipping_rate (
        shipping_class    text PRIMARY KEY CHECK (shipping_class IN ('AMBIENT', 'CHILLED', 'FROZEN')),
        base_fen          integer NOT NULL CHECK (base_fen >= 0),
        base_weight_g     integer NOT NULL CHECK (base_weight_g > 0),
        per_extra_kg_fen  integer NOT NULL CHECK (per_extra_kg_fen >= 0),
        free_over_fen     integer CHECK (free_over_fen > 0)
      );

      -- A guest's cart is found by the HMAC of its cookie token, an account's by the account.
      CREATE TABLE cart (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id  uuid UNIQUE REFERENCES account(id),
        token_hash  bytea UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((account_id IS NULL) <> (token_hash IS NULL))
      );

      CREATE TABLE cart_line (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cart_id     uuid NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
        variant_id  uuid NOT NULL REFERENCES product_variant(id),
        quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cart_id, variant_id)
      );

      CREATE SEQUENCE order_number_seq;

      CREATE TABLE "order" (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number              text NOT NULL UNIQUE,
        buyer_id            uuid NOT NULL REFERENCES account(id),
        status              text NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED',
                                                            'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
        -- What the buyer typed, as it was: later edits of districts do not rewrite old orders.
        address             jsonb NOT NULL,
        note                text,
        invoice             jsonb,
        items_fen           bigint NOT NULL CHECK (items_fen >= 0),
        shipping_fen        bigint NOT NULL CHECK (shipping_fen >= 0),
        total_fen           bigint NOT NULL CHECK (total_fen = items_fen + shipping_fen),
        -- Sales of certified products, and the share of each sale pledged to linked households.
        linked_sales_fen    bigint NOT NULL CHECK (linked_sales_fen BETWEEN 0 AND items_fen),
        household_pool_fen  bigint NOT NULL CHECK (household_pool_fen BETWEEN 0 AND items_fen),
        idempotency_key     text NOT NULL,
        request_hash        text NOT NULL,
        expires_at          timestamptz NOT NULL,
        paid_at             timestamptz,
        cancelled_at        timestamptz,
        cancel_reason       text,
        completed_at        timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (buyer_id, idempotency_key)
      );
      CREATE INDEX order_buyer_idx ON "order" (buyer_id, created_at DESC, id DESC);
      CREATE INDEX order_awaiting_payment_idx ON "order" (expires_at) WHERE status = 'AWAITING_PAYMENT';

      CREATE TABLE fulfillment (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id        uuid NOT NULL REFERENCES "order"(id),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SHIPPED', 'CANCELLED')),
        shipping_class  text NOT NULL CHECK (shipping_class IN ('AMBIENT', 'CHILLED', 'FROZEN')),
        weight_g        integer NOT NULL CHECK (weight_g > 0),
        items_fen       bigint NOT NULL CHECK (items_fen >= 0),
        fee_fen         integer NOT NULL CHECK (fee_fen >= 0),
        -- Pre-sale goods cannot leave before their harvest.
        ships_from      date,
        carrier         text,
        tracking_no     text,
        shipped_at      timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, cooperative_id),
        CHECK ((status = 'SHIPPED') = (shipped_at IS NOT NULL))
      );
      CREATE INDEX fulfillment_cooperative_idx ON fulfillment (cooperative_id, created_at DESC, id DESC);

      CREATE TABLE order_line (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id          uuid NOT NULL REFERENCES "order"(id),
        fulfillment_id    uuid NOT NULL REFERENCES fulfillment(id),
        variant_id        uuid NOT NULL REFERENCES product_variant(id),
        product_id        uuid NOT NULL REFERENCES product(id),
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        -- Snapshots: what was bought at what price, whatever the catalog says later.
        product_slug      text NOT NULL,
        title_zh          text NOT NULL,
        title_en          text NOT NULL,
        label_zh          text NOT NULL,
        label_en          text NOT NULL,
        category          text NOT NULL,
        origin_township_code varchar(12) NOT NULL REFERENCES township(code),
        unit_price_fen    integer NOT NULL CHECK (unit_price_fen > 0),
        quantity          integer NOT NULL CHECK (quantity > 0),
        line_total_fen    bigint NOT NULL CHECK (line_total_fen = unit_price_fen::bigint * quantity),
        weight_g          integer NOT NULL CHECK (weight_g > 0),
        certified         boolean NOT NULL,
        benefit_rate_bp   integer NOT NULL CHECK (benefit_rate_bp BETWEEN 0 AND 10000),
        pool_fen          bigint NOT NULL CHECK (pool_fen >= 0),
        shipping_class    text NOT NULL,
        ships_from        date
      );
      CREATE INDEX order_line_order_idx ON order_line (order_id);
      CREATE INDEX order_line_fulfillment_idx ON order_line (fulfillment_id);

      CREATE TABLE payment (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id       uuid NOT NULL UNIQUE REFERENCES "order"(id),
        provider       text NOT NULL,
        provider_ref   text,
        amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
        currency       text NOT NULL DEFAULT 'cny',
        status         text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE inventory_movement ADD CONSTRAINT inventory_movement_order_fk FOREIGN KEY (order_id) REFERENCES "order"(id);
      CREATE INDEX inventory_movement_order_idx ON inventory_movement (order_id) WHERE order_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX inventory_movement_order_idx;
      ALTER TABLE inventory_movement DROP CONSTRAINT inventory_movement_order_fk;
      DROP TABLE payment, order_line, fulfillment, "order", cart_line, cart, shipping_rate;
      DROP SEQUENCE order_number_seq;
    `);
  }
}
