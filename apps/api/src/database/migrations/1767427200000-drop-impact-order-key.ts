import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys an order counts under are `orderKeys` in rollups.ts alone: a payment needs them from the
 * groups it writes in the same statement, which a view cannot see, and a full refund now reads them
 * the same way. A second definition could only drift from the first.
 */
export class DropImpactOrderKey1767427200000 implements MigrationInterface {
  name = 'DropImpactOrderKey1767427200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW impact_order_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW impact_order_key AS
        SELECT DISTINCT g.order_id, g.buyer_id, p.period,
               CASE WHEN b.mask & 1 > 0 THEN g.cooperative_id END AS cooperative_id,
               CASE WHEN b.mask & 2 > 0 THEN g.township_code END AS township_code,
               CASE WHEN b.mask & 4 > 0 THEN g.category END AS category
          FROM impact_order_group g
         CROSS JOIN generate_series(0, 7) AS b(mask)
         CROSS JOIN LATERAL (VALUES ('all'), (to_char(g.day, 'YYYY')), (to_char(g.day, 'YYYY-MM'))) AS p(period)`);
  }
}
