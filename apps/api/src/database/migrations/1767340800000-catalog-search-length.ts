import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search ranks its shortest matches first (see SEARCH_CANDIDATES in catalog.repository.ts): this
 * index hands them over shortest first, so that a search matching thousands of products reads only
 * as many as it takes to find them; with the text and cooperative in the index, without the table.
 */
export class CatalogSearchLength1767340800000 implements MigrationInterface {
  name = 'CatalogSearchLength1767340800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX product_search_length_idx ON product (length(search_text), id) INCLUDE (search_text, cooperative_id) WHERE status = 'PUBLISHED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX product_search_length_idx`);
  }
}
