import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buying by the case: quantity price breaks on a variant (from 20 boxes, ¥x each), and the days a
 * cooperative needs between an organisation's order and its delivery.
 */
export class BulkPricing1766304000000 implements MigrationInterface {
  name = 'BulkPricing1766304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE price_break (
        variant_id    uuid NOT NULL REFERENCES product_variant(id) ON DELETE CASCADE,
        min_quantity  integer NOT NULL CHECK (min_quantity BETWEEN 2 AND 9999),
        price_fen     integer NOT NULL CHECK (price_fen > 0),
        PRIMARY KEY (variant_id, min_quantity)
      );
      ALTER TABLE cooperative ADD COLUMN lead_days integer NOT NULL DEFAULT 2 CHECK (lead_days BETWEEN 0 AND 30);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cooperative DROP COLUMN lead_days;
      DROP TABLE price_break;
    `);
  }
}
