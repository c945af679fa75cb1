import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per finished day of the ledger: what its entries were, so that any later change shows. */
export class LedgerDigest1764921600000 implements MigrationInterface {
  name = 'LedgerDigest1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_digest (
        day               date PRIMARY KEY,
        entries           integer NOT NULL,
        linked_sales_fen  bigint NOT NULL,
        pool_fen          bigint NOT NULL,
        -- SHA-256 (hex) over the day's entries, one canonical line each, in id order.
        sha256            char(64) NOT NULL,
        computed_at       timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_digest`);
  }
}
