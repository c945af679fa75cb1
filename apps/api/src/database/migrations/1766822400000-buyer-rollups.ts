import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who bought: sales by month, buyer kind and the district delivered to (institutions against
 * households), and by month per organisation (its reserved-share progress). Written with each ledger
 * change, in the transaction of the payment, the transfer or the refund, like the other rollups;
 * filled here from the orders, payments and refunds already made.
 */
export class BuyerRollups1766822400000 implements MigrationInterface {
  name = 'BuyerRollups1766822400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_buyer_monthly (
        month             date NOT NULL CHECK (extract(day FROM month) = 1),
        buyer_kind        text NOT NULL CHECK (buyer_kind IN ('INSTITUTION', 'HOUSEHOLD')),
        district_code     varchar(6) NOT NULL,
        gmv_fen           bigint NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        PRIMARY KEY (month, buyer_kind, district_code)
      );

      CREATE TABLE impact_organisation_monthly (
        organisation_id   uuid NOT NULL REFERENCES organisation(id),
        month             date NOT NULL CHECK (extract(day FROM month) = 1),
        gmv_fen           bigint NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        PRIMARY KEY (organisation_id, month)
      );
      CREATE INDEX impact_organisation_monthly_month_idx ON impact_organisation_monthly (month, organisation_id);
    `);
    // The SQL of rebuildRollups (apps/api/src/impact/rollups.ts) as it was: a migration never changes with the code.
    await q.query(`INSERT INTO impact_buyer_monthly ${BUYER_MONTHLY_AT_MIGRATION}`);
    await q.query(`INSERT INTO impact_organisation_monthly ${ORGANISATION_MONTHLY_AT_MIGRATION}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE impact_organisation_monthly; DROP TABLE impact_buyer_monthly;`);
  }
}

/** Every paid order's goods at its payment, and each confirmed refund's goods back when they counted. */
const GOODS_MOVEMENTS = `
  paid AS (SELECT id, paid_at, total_fen FROM "order" WHERE paid_at IS NOT NULL),
  refunds AS (
    SELECT r.id, r.order_id, r.confirmed_at, greatest(r.confirmed_at, p.paid_at) AS at,
           sum(r.amount_fen) OVER (PARTITION BY r.order_id ORDER BY r.confirmed_at, r.id) >= p.total_fen AS whole
      FROM refund r JOIN paid p ON p.id = r.order_id WHERE r.status = 'SUCCEEDED'),
  units_back AS (
    SELECT u.*, (sum(u.units) OVER (PARTITION BY u.line_id ORDER BY u.confirmed_at, u.refund_id))::bigint AS after FROM (
      SELECT rf.id AS refund_id, rf.order_id, rf.confirmed_at, rf.at, l.id AS line_id,
             CASE WHEN rf.whole THEN l.quantity - coalesce((
                    SELECT sum(e.quantity) FROM refund_line e JOIN refunds earlier ON earlier.id = e.refund_id
                     WHERE e.order_line_id = l.id AND (earlier.confirmed_at, earlier.id) < (rf.confirmed_at, rf.id)), 0)
                  ELSE coalesce(rl.quantity, 0) END::bigint AS units
        FROM refunds rf JOIN order_line l ON l.order_id = rf.order_id
        LEFT JOIN refund_line rl ON rl.refund_id = rf.id AND rl.order_line_id = l.id) u
     WHERE u.units > 0),
  movement AS (
    SELECT l.order_id, p.paid_at AS at, l.line_total_fen AS gmv_fen, CASE WHEN l.certified THEN l.line_total_fen ELSE 0 END AS linked_sales_fen
      FROM order_line l JOIN paid p ON p.id = l.order_id
    UNION ALL
    SELECT b.order_id, b.at, -back.fen, CASE WHEN l.certified THEN -back.fen ELSE 0 END
      FROM units_back b JOIN order_line l ON l.id = b.line_id
     CROSS JOIN LATERAL (SELECT l.line_total_fen * b.after / l.quantity - l.line_total_fen * (b.after - b.units) / l.quantity AS fen) back)`;

const BUYER_MONTHLY_AT_MIGRATION = `
  WITH ${GOODS_MOVEMENTS}
  SELECT date_trunc('month', m.at AT TIME ZONE 'Asia/Shanghai')::date AS month, CASE WHEN o.organisation_id IS NULL THEN 'HOUSEHOLD' ELSE 'INSTITUTION' END AS buyer_kind,
         o.address->>'districtCode' AS district_code, sum(m.gmv_fen)::bigint AS gmv_fen, sum(m.linked_sales_fen)::bigint AS linked_sales_fen
    FROM movement m JOIN "order" o ON o.id = m.order_id
   GROUP BY 1, 2, 3`;

const ORGANISATION_MONTHLY_AT_MIGRATION = `
  WITH ${GOODS_MOVEMENTS}
  SELECT o.organisation_id, date_trunc('month', m.at AT TIME ZONE 'Asia/Shanghai')::date AS month, sum(m.gmv_fen)::bigint AS gmv_fen, sum(m.linked_sales_fen)::bigint AS linked_sales_fen
    FROM movement m JOIN "order" o ON o.id = m.order_id
   WHERE o.organisation_id IS NOT NULL
   GROUP BY 1, 2`;
