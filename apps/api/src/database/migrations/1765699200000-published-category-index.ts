import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `product_published_category_idx` (the catalog's category pages, newest first) was added to
 * 1764576000000-catalog-admin after that migration had landed, so databases migrated before never
 * got it. This creates it where it is missing; a landed migration is never edited again (a test
 * keeps their hashes).
 */
export class PublishedCategoryIndex1765699200000 implements MigrationInterface {
  name = 'PublishedCategoryIndex1765699200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS product_published_category_idx ON product (category, published_at DESC, id DESC) WHERE status = 'PUBLISHED'`,
    );
  }

  // The index belongs to 1764576000000-catalog-admin on every database migrated since: undoing this one leaves it.
  async down(): Promise<void> {}
}
