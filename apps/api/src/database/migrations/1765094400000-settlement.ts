import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each cooperative's daily household pool, split among the households linked to it that day. */
export class Settlement1765094400000 implements MigrationInterface {
  name = 'Settlement1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One per cooperative and day with ledger entries: settling the same day again finds it done.
      CREATE TABLE settlement_run (
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        day               date NOT NULL,
        -- The day's net pool: sales' shares less refunds' reversals (negative when refunds outweigh sales).
        pool_fen          bigint NOT NULL,
        households        integer NOT NULL,
        -- Pool no link could take (the cooperative had no household linked that day).
        unallocated_fen   bigint NOT NULL,
        settled_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cooperative_id, day)
      );
      -- Days whose every cooperative is settled: the next run starts after the last of them.
      CREATE TABLE settled_day (
        day         date PRIMARY KEY,
        settled_at  timestamptz NOT NULL DEFAULT now()
      );
      -- Signed: a day whose refunds outweigh its sales gives each household a negative adjustment.
      CREATE TABLE household_allocation (
        cooperative_id  uuid NOT NULL,
        day             date NOT NULL,
        household_id    uuid NOT NULL REFERENCES household(id),
        amount_fen      bigint NOT NULL,
        weight          integer NOT NULL CHECK (weight > 0),
        PRIMARY KEY (cooperative_id, day, household_id),
        FOREIGN KEY (cooperative_id, day) REFERENCES settlement_run (cooperative_id, day)
      );
      CREATE INDEX household_allocation_household_idx ON household_allocation (household_id, day);
      CREATE INDEX household_allocation_day_idx ON household_allocation (day);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_allocation, settled_day, settlement_run`);
  }
}
