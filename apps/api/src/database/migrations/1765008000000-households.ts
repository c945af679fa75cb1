import { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform codes for households entered by admins (`NY-000123`), continuing after any already there. */
export class Households1765008000000 implements MigrationInterface {
  name = 'Households1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE household_code_seq;
      SELECT setval('household_code_seq', coalesce(max(substring(code FROM 4)::bigint), 0) + 1, false)
        FROM household WHERE code ~ '^NY-[0-9]{1,12}$';
      ALTER TABLE household_link ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE household_link DROP COLUMN updated_at; DROP SEQUENCE household_code_seq;`);
  }
}
