import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the admin review and verification queues need beyond the core tables. */
export class CatalogAdmin1764576000000 implements MigrationInterface {
  name = 'CatalogAdmin1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cooperative ADD COLUMN suspended_reason text;
      -- The review queue, oldest submission first.
      ALTER TABLE product ADD COLUMN submitted_at timestamptz;
      CREATE INDEX product_review_queue_idx ON product (submitted_at, id) WHERE status = 'PENDING_REVIEW';
      CREATE INDEX product_cooperative_created_idx ON product (cooperative_id, created_at DESC, id DESC);
      -- A category page, newest first, without walking the other categories.
      CREATE INDEX product_published_category_idx ON product (category, published_at DESC, id DESC) WHERE status = 'PUBLISHED';
      -- No two variants of one product share a label: buyers pick by label.
      CREATE UNIQUE INDEX product_variant_label_key ON product_variant (product_id, label_zh);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX product_variant_label_key;
      DROP INDEX product_published_category_idx;
      DROP INDEX product_cooperative_created_idx;
      DROP INDEX product_review_queue_idx;
      ALTER TABLE product DROP COLUMN submitted_at;
      ALTER TABLE cooperative DROP COLUMN suspended_reason;
    `);
  }
}
