import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoice profiles (开票信息): the details a buyer or an organisation wants its invoices made out to,
 * an ordinary invoice (普票: title, tax number) or a special one (专票: also address, phone, bank and
 * account). Kept by a person or by an organisation, never both; an order keeps its own copy.
 */
export class InvoiceProfiles1766908800000 implements MigrationInterface {
  name = 'InvoiceProfiles1766908800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoice_profile (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id       uuid REFERENCES account(id),
        organisation_id  uuid REFERENCES organisation(id),
        kind             text NOT NULL CHECK (kind IN ('ORDINARY', 'SPECIAL')),
        title            text NOT NULL,
        tax_number       text,
        address          text,
        phone            text,
        bank_name        text,
        bank_account     text,
        is_default       boolean NOT NULL DEFAULT false,
        archived_at      timestamptz,
        created_by       uuid NOT NULL REFERENCES account(id),
        created_at       timestamptz NOT NULL DEFAULT qh_now(),
        updated_at       timestamptz NOT NULL DEFAULT qh_now(),
        CHECK ((account_id IS NULL) <> (organisation_id IS NULL)),
        CHECK (kind = 'ORDINARY' OR (tax_number IS NOT NULL AND address IS NOT NULL AND phone IS NOT NULL
                                     AND bank_name IS NOT NULL AND bank_account IS NOT NULL))
      );
      CREATE INDEX invoice_profile_account_idx ON invoice_profile (account_id, created_at) WHERE account_id IS NOT NULL;
      CREATE INDEX invoice_profile_organisation_idx ON invoice_profile (organisation_id, created_at) WHERE organisation_id IS NOT NULL;
      CREATE UNIQUE INDEX invoice_profile_account_default ON invoice_profile (account_id) WHERE is_default AND archived_at IS NULL;
      CREATE UNIQUE INDEX invoice_profile_organisation_default ON invoice_profile (organisation_id) WHERE is_default AND archived_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invoice_profile`);
  }
}
