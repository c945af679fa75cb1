import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each check of every digested day against the ledger, as the hourly job ran it: the dashboard
 * shows the latest without reading the whole ledger on each visit.
 */
export class LedgerVerification1765353600000 implements MigrationInterface {
  name = 'LedgerVerification1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_verification (
        id               bigserial PRIMARY KEY,
        checked_at       timestamptz NOT NULL DEFAULT now(),
        from_day         date NOT NULL,
        to_day           date NOT NULL,
        checked_days     integer NOT NULL,
        -- Digested days whose entries no longer match their digest.
        mismatched_days  date[] NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_verification`);
  }
}
