import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment or refund writes the sums it moves as pending rows; impact_daily, impact_monthly,
 * impact_buyer_monthly and impact_organisation_monthly take them in later, many in one statement
 * (ImpactCatchUp), before any report reads them. Every payment raised the same rows of these sums,
 * and with payments at once each waited for the one before it to commit. The rows live until the
 * next catch-up, a minute at most: no foreign keys, whose checks would lock the order's
 * cooperative and township again in every payment; their keys come from the order's own lines.
 */
export class ImpactSumsLater1767772800000 implements MigrationInterface {
  name = 'ImpactSumsLater1767772800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_pending_sum (
        id                bigserial PRIMARY KEY,
        order_id          uuid NOT NULL,
        day               date NOT NULL,
        cooperative_id    uuid NOT NULL,
        township_code     varchar(12) NOT NULL,
        category          text NOT NULL,
        gmv_fen           bigint NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        pool_fen          bigint NOT NULL,
        units             bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE impact_pending_sum`);
  }
}
