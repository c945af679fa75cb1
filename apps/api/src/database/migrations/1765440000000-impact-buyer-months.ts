import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distinct buyers over any run of whole months. For each key (NULL meaning any, as in
 * impact_reach), each buyer's months with a paid order under it are counted by month and the
 * buyer's previous such month: the buyers of months m1…m2 are those counted at a month from m1 to
 * m2 whose previous month is before m1, or who had none. Changes in the transaction of each
 * payment and full refund, like the other rollups.
 */
export class ImpactBuyerMonths1765440000000 implements MigrationInterface {
  name = 'ImpactBuyerMonths1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_buyer_months (
        cooperative_id  uuid REFERENCES cooperative(id),
        township_code   varchar(12) REFERENCES township(code),
        category        text,
        month           date NOT NULL CHECK (extract(day FROM month) = 1),
        previous_month  date CHECK (previous_month < month),
        -- Signed changes meet here; a count that reaches 0 is deleted.
        buyers          integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (cooperative_id, township_code, category, month, previous_month)
      );
      -- The unique key leads with the cooperative; a breakdown by cooperative asks for any of them.
      CREATE INDEX impact_buyer_months_township_idx ON impact_buyer_months (township_code, category, month);

      INSERT INTO impact_buyer_months
      SELECT cooperative_id, township_code, category, month, previous_month, count(*)::int FROM (
        SELECT k.*, lag(k.month) OVER (PARTITION BY k.buyer_id, k.cooperative_id, k.township_code, k.category ORDER BY k.month) AS previous_month
          FROM (SELECT DISTINCT g.buyer_id, date_trunc('month', g.day)::date AS month,
                       CASE WHEN b.mask & 1 > 0 THEN g.cooperative_id END AS cooperative_id,
                       CASE WHEN b.mask & 2 > 0 THEN g.township_code END AS township_code,
                       CASE WHEN b.mask & 4 > 0 THEN g.category END AS category
                  FROM impact_order_group g CROSS JOIN generate_series(0, 7) AS b(mask)) k) spans
       GROUP BY 1, 2, 3, 4, 5;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE impact_buyer_months`);
  }
}
