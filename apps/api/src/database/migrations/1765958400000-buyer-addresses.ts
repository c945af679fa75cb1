import { MigrationInterface, QueryRunner } from 'typeorm';

/** A buyer's address book: each address they checked out to, once, one of them the default offered first. */
export class BuyerAddresses1765958400000 implements MigrationInterface {
  name = 'BuyerAddresses1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE buyer_address (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id     uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        name           text NOT NULL,
        mobile         text NOT NULL,
        district_code  varchar(6) NOT NULL REFERENCES delivery_district(code),
        street         text NOT NULL,
        is_default     boolean NOT NULL DEFAULT false,
        last_used_at   timestamptz NOT NULL DEFAULT qh_now(),
        created_at     timestamptz NOT NULL DEFAULT qh_now(),
        UNIQUE (account_id, name, mobile, district_code, street)
      );
      CREATE UNIQUE INDEX buyer_address_one_default ON buyer_address (account_id) WHERE is_default;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE buyer_address`);
  }
}
