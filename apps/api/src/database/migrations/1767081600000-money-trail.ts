import { MigrationInterface, QueryRunner } from 'typeorm';

/** A trigger that refuses every change but an insert: corrections are new rows that reverse old ones. */
const appendOnly = (table: string) => `
  CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${table} is append-only: % is not allowed; record a reversing row instead', TG_OP
        USING ERRCODE = 'restrict_violation';
    END $$;
  CREATE TRIGGER ${table}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();
  CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only();`;

/** coop_month from the entries: a frozen copy of the rebuild in coop-entries.ts (a migration must not change when that does). */
const COOP_MONTHS_FROM_ENTRIES = `
  INSERT INTO coop_month (cooperative_id, month, goods_fen, refunded_goods_fen, shipping_fen, refunded_shipping_fen, fee_fen, pool_fen)
  SELECT cooperative_id, date_trunc('month', day)::date,
         coalesce(sum(goods_fen) FILTER (WHERE kind = 'SALE'), 0), -coalesce(sum(goods_fen) FILTER (WHERE kind = 'REFUND'), 0),
         coalesce(sum(shipping_fen) FILTER (WHERE kind = 'SALE'), 0), -coalesce(sum(shipping_fen) FILTER (WHERE kind = 'REFUND'), 0),
         sum(fee_fen), sum(pool_fen)
    FROM coop_entry GROUP BY 1, 2;`;

const APPEND_ONLY_TABLES = ['coop_entry', 'coop_payout', 'coop_payout_statement', 'coop_payout_response', 'household_payout', 'payout_ack'];

/**
 * The rest of the money trail: what the marketplace owes each cooperative (`coop_entry`, one row per
 * cooperative per payment or refund), what it paid them (`coop_payout`, confirmed or disputed by the
 * cooperative), what the cooperatives paid each household (`household_payout`) and who visited and
 * acknowledged it (`payout_ack`). Every one of them append-only, digested daily like the ledger, and
 * rolled up per household and month (`household_month`) and per month, cooperative, township and
 * household status (`trail_month`) in the transaction that writes them. Officials may be scoped to
 * townships.
 */
export class MoneyTrail1767081600000 implements MigrationInterface {
  name = 'MoneyTrail1767081600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- NULL: the whole county. A township official (or village cadre) sees only the households of these townships.
      ALTER TABLE account ADD COLUMN townships varchar(12)[]
        CONSTRAINT account_townships_check CHECK (townships IS NULL OR (role = 'official' AND cardinality(townships) BETWEEN 1 AND 40));
      -- The marketplace's fee on what a cooperative sells, in basis points: none by default, as the national platform charges none.
      ALTER TABLE cooperative ADD COLUMN platform_fee_bp integer NOT NULL DEFAULT 0 CHECK (platform_fee_bp BETWEEN 0 AND 10000);

      -- What a payment or refund of an order means for each cooperative in it: goods (every line, certified or
      -- not), shipping (its parts' fees), the platform's fee on both, and the pool pledged to its households.
      -- Signed: a REFUND row's figures are negative. Dated the China day it was written, as the ledger is.
      CREATE TABLE coop_entry (
        id              bigserial PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('SALE', 'REFUND')),
        order_id        uuid NOT NULL REFERENCES "order"(id),
        refund_id       uuid REFERENCES refund(id),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        goods_fen       bigint NOT NULL,
        shipping_fen    bigint NOT NULL,
        fee_fen         bigint NOT NULL,
        -- The platform's rate on this order for this cooperative (fixed at the sale; its refunds reuse it).
        fee_bp          integer NOT NULL CHECK (fee_bp BETWEEN 0 AND 10000),
        pool_fen        bigint NOT NULL,
        day             date NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT qh_now(),
        CHECK (kind = 'SALE' AND refund_id IS NULL AND goods_fen >= 0 AND shipping_fen >= 0 AND fee_fen >= 0 AND pool_fen >= 0
            OR kind = 'REFUND' AND refund_id IS NOT NULL AND goods_fen <= 0 AND shipping_fen <= 0 AND fee_fen <= 0 AND pool_fen <= 0)
      );
      CREATE INDEX coop_entry_cooperative_day_idx ON coop_entry (cooperative_id, day);
      CREATE INDEX coop_entry_day_idx ON coop_entry (day, id);
      CREATE INDEX coop_entry_order_idx ON coop_entry (order_id);

      -- coop_entry summed per cooperative and month (China days), in the same transaction: what the statements and balances read.
      CREATE TABLE coop_month (
        cooperative_id         uuid NOT NULL REFERENCES cooperative(id),
        month                  date NOT NULL,
        goods_fen              bigint NOT NULL DEFAULT 0,
        refunded_goods_fen     bigint NOT NULL DEFAULT 0,
        shipping_fen           bigint NOT NULL DEFAULT 0,
        refunded_shipping_fen  bigint NOT NULL DEFAULT 0,
        fee_fen                bigint NOT NULL DEFAULT 0,
        pool_fen               bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (cooperative_id, month)
      );

      -- A transfer from the marketplace to a cooperative; a correction is a row of the opposite sign that reverses one.
      CREATE TABLE coop_payout (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        amount_fen      bigint NOT NULL CHECK (amount_fen <> 0),
        paid_on         date NOT NULL,
        bank_reference  text NOT NULL CHECK (length(bank_reference) BETWEEN 1 AND 64),
        note            text CHECK (length(note) <= 500),
        reverses_id     uuid UNIQUE REFERENCES coop_payout(id),
        recorded_by     uuid NOT NULL REFERENCES account(id),
        day             date NOT NULL DEFAULT qh_today(),
        created_at      timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((reverses_id IS NULL) = (amount_fen > 0))
      );
      CREATE INDEX coop_payout_cooperative_idx ON coop_payout (cooperative_id, paid_on);
      CREATE INDEX coop_payout_day_idx ON coop_payout (day);
      -- Which monthly statements a transfer settles, and how much of each (signed as its transfer).
      CREATE TABLE coop_payout_statement (
        payout_id   uuid NOT NULL REFERENCES coop_payout(id),
        month       date NOT NULL CHECK (extract(day FROM month) = 1),
        amount_fen  bigint NOT NULL CHECK (amount_fen <> 0),
        PRIMARY KEY (payout_id, month)
      );
      -- The cooperative's answer to a transfer: received, or disputed with a reason. The latest one stands.
      CREATE TABLE coop_payout_response (
        id            bigserial PRIMARY KEY,
        payout_id     uuid NOT NULL REFERENCES coop_payout(id),
        kind          text NOT NULL CHECK (kind IN ('CONFIRMED', 'DISPUTED')),
        reason        text CHECK (length(reason) <= 500),
        responded_by  uuid NOT NULL REFERENCES account(id),
        day           date NOT NULL DEFAULT qh_today(),
        created_at    timestamptz NOT NULL DEFAULT qh_now(),
        CHECK (kind = 'CONFIRMED' OR length(reason) > 0)
      );
      CREATE INDEX coop_payout_response_payout_idx ON coop_payout_response (payout_id, id);
      CREATE INDEX coop_payout_response_day_idx ON coop_payout_response (day);

      -- 到户: what a cooperative paid one household against its allocations up to the end of \`period\` (a month).
      -- The household's township and status are those of the day it was recorded, for the rollups.
      CREATE TABLE household_payout (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        household_id    uuid NOT NULL REFERENCES household(id),
        period          date NOT NULL CHECK (extract(day FROM period) = 1),
        amount_fen      bigint NOT NULL CHECK (amount_fen <> 0),
        method          text NOT NULL CHECK (method IN ('BANK', 'CASH')),
        reference       text NOT NULL CHECK (length(reference) BETWEEN 1 AND 64),
        -- A cash payout's receipt (a photo or scan), kept under DATA_DIR/receipts by its SHA-256.
        receipt_sha256  char(64),
        receipt_type    text CHECK (receipt_type IN ('JPEG', 'PNG', 'WEBP', 'PDF')),
        paid_on         date NOT NULL,
        reverses_id     uuid UNIQUE REFERENCES household_payout(id),
        township_code   varchar(12) NOT NULL REFERENCES township(code),
        household_status text NOT NULL CHECK (household_status IN ('LIFTED', 'MONITORED')),
        recorded_by     uuid NOT NULL REFERENCES account(id),
        day             date NOT NULL DEFAULT qh_today(),
        created_at      timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((reverses_id IS NULL) = (amount_fen > 0)),
        CHECK (method = 'BANK' OR reverses_id IS NOT NULL OR receipt_sha256 IS NOT NULL),
        CHECK ((receipt_sha256 IS NULL) = (receipt_type IS NULL))
      );
      CREATE INDEX household_payout_cooperative_idx ON household_payout (cooperative_id, period);
      CREATE INDEX household_payout_household_idx ON household_payout (household_id, period);
      CREATE INDEX household_payout_township_idx ON household_payout (township_code, created_at);
      CREATE INDEX household_payout_day_idx ON household_payout (day);

      -- Someone who visited (a township official or village cadre) saw that the household received it.
      CREATE TABLE payout_ack (
        payout_id        uuid PRIMARY KEY REFERENCES household_payout(id),
        acknowledged_by  uuid NOT NULL REFERENCES account(id),
        visited_on       date NOT NULL,
        note             text CHECK (length(note) <= 500),
        day              date NOT NULL DEFAULT qh_today(),
        created_at       timestamptz NOT NULL DEFAULT qh_now()
      );
      CREATE INDEX payout_ack_day_idx ON payout_ack (day);

      ${APPEND_ONLY_TABLES.map(appendOnly).join('\n')}

      -- Per cooperative, household and month: allocated by the settlement, paid (by period) and acknowledged.
      CREATE TABLE household_month (
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        household_id      uuid NOT NULL REFERENCES household(id),
        month             date NOT NULL,
        allocated_fen     bigint NOT NULL DEFAULT 0,
        paid_fen          bigint NOT NULL DEFAULT 0,
        acknowledged_fen  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (cooperative_id, household_id, month)
      );
      CREATE INDEX household_month_household_idx ON household_month (household_id, month);
      -- The officials' trail: per month, cooperative, the household's township and status (NONE and the
      -- cooperative's township for pool no household was linked to take).
      CREATE TABLE trail_month (
        month             date NOT NULL,
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        township_code     varchar(12) NOT NULL REFERENCES township(code),
        household_status  text NOT NULL CHECK (household_status IN ('LIFTED', 'MONITORED', 'NONE')),
        pledged_fen       bigint NOT NULL DEFAULT 0,
        paid_fen          bigint NOT NULL DEFAULT 0,
        acknowledged_fen  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (month, cooperative_id, township_code, household_status)
      );

      -- One row per stream of the trail (payouts, responses, acknowledgements) and finished day, as ledger_digest.
      CREATE TABLE trail_digest (
        stream      text NOT NULL,
        day         date NOT NULL,
        entries     integer NOT NULL,
        amount_fen  bigint NOT NULL,
        sha256      char(64) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream, day)
      );
    `);
    await this.backfill(q);
  }

  /**
   * The cooperatives' entries of the orders paid before this migration, and the trail rollups of the
   * allocations settled before it. Sales are exact; a refund's goods count its lines at their unit
   * price and its shipping goes to the parts in proportion to their fees (the rest to the largest).
   */
  private async backfill(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO coop_entry (kind, order_id, cooperative_id, goods_fen, shipping_fen, fee_fen, fee_bp, pool_fen, day, created_at)
      SELECT 'SALE', o.id, f.cooperative_id,
             (SELECT coalesce(sum(l.line_total_fen), 0) FROM order_line l WHERE l.order_id = o.id AND l.cooperative_id = f.cooperative_id),
             f.fee_fen, 0, 0,
             (SELECT coalesce(sum(l.pool_fen), 0) FROM order_line l WHERE l.order_id = o.id AND l.cooperative_id = f.cooperative_id),
             (o.paid_at AT TIME ZONE 'Asia/Shanghai')::date, o.paid_at
        FROM "order" o JOIN fulfillment f ON f.order_id = o.id
       WHERE o.paid_at IS NOT NULL;

      INSERT INTO coop_entry (kind, order_id, refund_id, cooperative_id, goods_fen, shipping_fen, fee_fen, fee_bp, pool_fen, day, created_at)
      SELECT 'REFUND', r.order_id, r.id, f.cooperative_id,
             -(SELECT coalesce(sum(rl.quantity * l.unit_price_fen), 0) FROM refund_line rl JOIN order_line l ON l.id = rl.order_line_id
                WHERE rl.refund_id = r.id AND l.cooperative_id = f.cooperative_id),
             -CASE WHEN o.shipping_fen = 0 THEN 0
                   ELSE r.shipping_fen * f.fee_fen / o.shipping_fen
                        + CASE WHEN row_number() OVER (PARTITION BY r.id ORDER BY f.fee_fen DESC, f.cooperative_id) = 1
                               THEN r.shipping_fen - (SELECT sum(r.shipping_fen * g.fee_fen / o.shipping_fen) FROM fulfillment g WHERE g.order_id = o.id)
                               ELSE 0 END END,
             0, 0,
             (SELECT coalesce(sum(e.pool_fen), 0) FROM attribution_entry e WHERE e.refund_id = r.id AND e.cooperative_id = f.cooperative_id),
             (greatest(r.confirmed_at, o.paid_at) AT TIME ZONE 'Asia/Shanghai')::date, greatest(r.confirmed_at, o.paid_at)
        FROM refund r JOIN "order" o ON o.id = r.order_id JOIN fulfillment f ON f.order_id = o.id
       WHERE r.status = 'SUCCEEDED' AND o.paid_at IS NOT NULL;

      ${COOP_MONTHS_FROM_ENTRIES}

      INSERT INTO household_month (cooperative_id, household_id, month, allocated_fen)
      SELECT a.cooperative_id, a.household_id, date_trunc('month', a.day)::date, sum(a.amount_fen)
        FROM household_allocation a GROUP BY 1, 2, 3;
      INSERT INTO trail_month (month, cooperative_id, township_code, household_status, pledged_fen)
      SELECT month, cooperative_id, township_code, household_status, sum(amount) FROM (
        SELECT date_trunc('month', a.day)::date AS month, a.cooperative_id, h.township_code, h.status AS household_status, a.amount_fen AS amount
          FROM household_allocation a JOIN household h ON h.id = a.household_id
        UNION ALL
        SELECT date_trunc('month', s.day)::date, s.cooperative_id, c.township_code, 'NONE', s.unallocated_fen
          FROM settlement_run s JOIN cooperative c ON c.id = s.cooperative_id WHERE s.unallocated_fen <> 0
      ) x GROUP BY 1, 2, 3, 4;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE trail_digest, trail_month, household_month, coop_month, payout_ack, household_payout, coop_payout_response,
                 coop_payout_statement, coop_payout, coop_entry;
      ${APPEND_ONLY_TABLES.map((table) => `DROP FUNCTION ${table}_append_only();`).join('\n')}
      ALTER TABLE cooperative DROP COLUMN platform_fee_bp;
      ALTER TABLE account DROP COLUMN townships;
    `);
  }
}
