import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups that let every dashboard question read a few thousand rows, whatever the history:
 * sums per month beside the daily ones, and paid orders and distinct buyers counted per period
 * (all time, each year, each month) for every combination of cooperative, township and category.
 * Both change in the transaction of each payment and refund, as impact_daily does.
 */
export class ImpactRollups1765267200000 implements MigrationInterface {
  name = 'ImpactRollups1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- impact_daily summed per calendar month, with the first and last day of the month on which the
      -- key had poverty-linked sales: what the households count needs to know of the month.
      CREATE TABLE impact_monthly (
        month             date NOT NULL CHECK (extract(day FROM month) = 1),
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        township_code     varchar(12) NOT NULL REFERENCES township(code),
        category          text NOT NULL,
        gmv_fen           bigint NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        pool_fen          bigint NOT NULL,
        units             bigint NOT NULL,
        first_linked_day  date,
        last_linked_day   date,
        PRIMARY KEY (month, cooperative_id, township_code, category),
        CHECK ((first_linked_day IS NULL) = (last_linked_day IS NULL) AND first_linked_day <= last_linked_day)
      );

      -- Paid orders (not refunded in full) and their distinct buyers, per period and key. A NULL
      -- column means "any": (2024, NULL, '520525202', NULL) counts the orders of 2024 holding
      -- produce of that township, and the buyers of those orders, each once.
      CREATE TABLE impact_reach (
        period          text NOT NULL CHECK (period = 'all' OR period ~ '^[0-9]{4}(-[0-9]{2})?$'),
        cooperative_id  uuid REFERENCES cooperative(id),
        township_code   varchar(12) REFERENCES township(code),
        category        text,
        orders          integer NOT NULL CHECK (orders >= 0),
        buyers          integer NOT NULL CHECK (buyers BETWEEN 0 AND orders),
        UNIQUE NULLS NOT DISTINCT (period, cooperative_id, township_code, category)
      );

      -- Every key an order counts under: three periods times the eight ways of leaving out cooperative,
      -- township and category.
      CREATE VIEW impact_order_key AS
        SELECT DISTINCT g.order_id, g.buyer_id, p.period,
               CASE WHEN b.mask & 1 > 0 THEN g.cooperative_id END AS cooperative_id,
               CASE WHEN b.mask & 2 > 0 THEN g.township_code END AS township_code,
               CASE WHEN b.mask & 4 > 0 THEN g.category END AS category
          FROM impact_order_group g
         CROSS JOIN generate_series(0, 7) AS b(mask)
         CROSS JOIN LATERAL (VALUES ('all'), (to_char(g.day, 'YYYY')), (to_char(g.day, 'YYYY-MM'))) AS p(period);

      -- Whether a buyer has another order under a key: a buyer's own orders, found by buyer.
      CREATE INDEX impact_order_group_buyer_idx ON impact_order_group (buyer_id);

      INSERT INTO impact_monthly
      SELECT date_trunc('month', day)::date, cooperative_id, township_code, category,
             sum(gmv_fen), sum(linked_sales_fen), sum(pool_fen), sum(units),
             min(day) FILTER (WHERE linked_sales_fen > 0), max(day) FILTER (WHERE linked_sales_fen > 0)
        FROM impact_daily GROUP BY 1, 2, 3, 4;

      INSERT INTO impact_reach
      SELECT p.period, g.cooperative_id, g.township_code, g.category, count(DISTINCT g.order_id), count(DISTINCT g.buyer_id)
        FROM impact_order_group g
       CROSS JOIN LATERAL (VALUES ('all'), (to_char(g.day, 'YYYY')), (to_char(g.day, 'YYYY-MM'))) AS p(period)
       GROUP BY p.period, CUBE (g.cooperative_id, g.township_code, g.category);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX impact_order_group_buyer_idx;
      DROP VIEW impact_order_key;
      DROP TABLE impact_reach;
      DROP TABLE impact_monthly;
    `);
  }
}
