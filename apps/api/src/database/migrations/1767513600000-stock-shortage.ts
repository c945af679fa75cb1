import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reservation of stock fails as a whole, in the statement that takes it, when any variant has too
 * little left: with the error QH001 and the short variants' ids, comma-separated, as its detail. Then
 * the transaction needs no answer from it to decide whether to commit, and can send its COMMIT right
 * behind it (writeAtCommit).
 */
export class StockShortage1767513600000 implements MigrationInterface {
  name = 'StockShortage1767513600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION qh_stock_shortage(short_variant_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(short_variant_ids) > 0 THEN
          RAISE EXCEPTION 'not enough stock' USING ERRCODE = 'QH001', DETAIL = array_to_string(short_variant_ids, ',');
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION qh_stock_shortage(uuid[])`);
  }
}
