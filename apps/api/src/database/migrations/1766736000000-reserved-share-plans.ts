import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reserved-share plans (预留份额): per organisation and year, its canteen food budget and the share
 * reserved for products of poverty-alleviated areas, hence its target; or no canteen that year.
 * The share a district sets when the organisation names none is kept per district (else 10%).
 */
export class ReservedSharePlans1766736000000 implements MigrationInterface {
  name = 'ReservedSharePlans1766736000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reserved_share_default (
        district_code  varchar(6) PRIMARY KEY REFERENCES delivery_district(code),
        share_bp       integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
        updated_by     uuid NOT NULL REFERENCES account(id),
        updated_at     timestamptz NOT NULL DEFAULT qh_now()
      );

      CREATE TABLE reserved_share_plan (
        organisation_id  uuid NOT NULL REFERENCES organisation(id),
        year             integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
        no_canteen       boolean NOT NULL DEFAULT false,
        budget_fen       bigint CHECK (budget_fen >= 0),
        share_bp         integer CHECK (share_bp BETWEEN 1 AND 10000),
        target_fen       bigint CHECK (target_fen >= 0),
        updated_by       uuid NOT NULL REFERENCES account(id),
        updated_at       timestamptz NOT NULL DEFAULT qh_now(),
        PRIMARY KEY (organisation_id, year),
        CHECK (CASE WHEN no_canteen THEN budget_fen IS NULL AND share_bp IS NULL AND target_fen IS NULL
                    ELSE budget_fen IS NOT NULL AND share_bp IS NOT NULL AND target_fen IS NOT NULL AND target_fen <= budget_fen END)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reserved_share_plan; DROP TABLE reserved_share_default;`);
  }
}
