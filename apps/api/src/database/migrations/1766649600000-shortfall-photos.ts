import { MigrationInterface, QueryRunner } from 'typeorm';

/** 验收: the receiver may show a shortfall with photos (a crushed case, a wrong item), up to five per claim. */
export class ShortfallPhotos1766649600000 implements MigrationInterface {
  name = 'ShortfallPhotos1766649600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE shortfall_claim ADD COLUMN photos text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT shortfall_claim_photos_count CHECK (cardinality(photos) <= 5);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shortfall_claim DROP CONSTRAINT shortfall_claim_photos_count, DROP COLUMN photos;`);
  }
}
