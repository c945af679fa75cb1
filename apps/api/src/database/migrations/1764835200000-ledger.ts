import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attribution ledger (append-only: the database itself refuses changes) and the daily rollup
 * the reports read, kept in the same transaction as the entries.
 */
export class Ledger1764835200000 implements MigrationInterface {
  name = 'Ledger1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Units whose refund the provider confirmed: where the next reversal of the line starts from.
      ALTER TABLE order_line ADD COLUMN refunded_quantity integer NOT NULL DEFAULT 0 CHECK (refunded_quantity BETWEEN 0 AND quantity);

      CREATE TABLE attribution_entry (
        id                bigserial PRIMARY KEY,
        kind              text NOT NULL CHECK (kind IN ('SALE', 'REVERSAL')),
        order_id          uuid NOT NULL REFERENCES "order"(id),
        order_line_id     uuid NOT NULL REFERENCES order_line(id),
        -- The refund a reversal mirrors.
        refund_id         uuid REFERENCES refund(id),
        buyer_id          uuid NOT NULL REFERENCES account(id),
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        -- Where the produce comes from (the line's origin township).
        township_code     varchar(12) NOT NULL REFERENCES township(code),
        category          text NOT NULL,
        -- Signed: a reversal gives back units, sales and pool.
        quantity          integer NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        pool_fen          bigint NOT NULL,
        occurred_at       timestamptz NOT NULL DEFAULT now(),
        -- The day in China (UTC+8) the entry counts for in reports and settlements.
        day               date NOT NULL,
        CHECK (kind = 'SALE' AND refund_id IS NULL AND quantity > 0 AND linked_sales_fen > 0 AND pool_fen >= 0
            OR kind = 'REVERSAL' AND refund_id IS NOT NULL AND quantity < 0 AND linked_sales_fen <= 0 AND pool_fen <= 0)
      );
      -- Each line is sold once, and each refund reverses a line at most once: a repeated event cannot write twice.
      CREATE UNIQUE INDEX attribution_entry_sale_key ON attribution_entry (order_line_id) WHERE kind = 'SALE';
      CREATE UNIQUE INDEX attribution_entry_reversal_key ON attribution_entry (order_line_id, refund_id) WHERE kind = 'REVERSAL';
      CREATE INDEX attribution_entry_day_idx ON attribution_entry (day, id);
      CREATE INDEX attribution_entry_order_idx ON attribution_entry (order_id);

      CREATE FUNCTION attribution_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'attribution_entry is append-only: % is not allowed; write a REVERSAL entry instead', TG_OP
            USING ERRCODE = 'restrict_violation';
        END $$;
      CREATE TRIGGER attribution_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON attribution_entry
        FOR EACH ROW EXECUTE FUNCTION attribution_entry_append_only();
      CREATE TRIGGER attribution_entry_no_truncate BEFORE TRUNCATE ON attribution_entry
        FOR EACH STATEMENT EXECUTE FUNCTION attribution_entry_append_only();

      -- Sums per day, cooperative, origin township and category, written with each ledger change.
      -- gmv_fen counts every paid line (certified or not), net of refunded goods; shipping is not sales.
      CREATE TABLE impact_daily (
        day               date NOT NULL,
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        township_code     varchar(12) NOT NULL REFERENCES township(code),
        category          text NOT NULL,
        gmv_fen           bigint NOT NULL DEFAULT 0,
        linked_sales_fen  bigint NOT NULL DEFAULT 0,
        pool_fen          bigint NOT NULL DEFAULT 0,
        units             bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, cooperative_id, township_code, category)
      );
      CREATE INDEX impact_daily_cooperative_idx ON impact_daily (cooperative_id, day);
      CREATE INDEX impact_daily_township_idx ON impact_daily (township_code, day);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE impact_daily;
      DROP TABLE attribution_entry;
      DROP FUNCTION attribution_entry_append_only();
      ALTER TABLE order_line DROP COLUMN refunded_quantity;
    `);
  }
}
