import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram search over 汉字 titles, English titles, full pinyin and pinyin initials. */
export class CatalogSearch1764489600000 implements MigrationInterface {
  name = 'CatalogSearch1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      ALTER TABLE product ADD COLUMN search_text text GENERATED ALWAYS AS
        (lower(title_zh || ' ' || title_en || ' ' || pinyin || ' ' || pinyin_initials)) STORED;
      CREATE INDEX product_search_trgm_idx ON product USING gin (search_text gin_trgm_ops);
      CREATE INDEX product_published_idx ON product (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX product_published_idx; DROP INDEX product_search_trgm_idx; ALTER TABLE product DROP COLUMN search_text;`);
  }
}
