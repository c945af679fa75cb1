import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database's half of the one clock (apps/api/src/config/clock.ts). `qh_now()` is `now()` moved
 * by the connection's `qh.clock_offset_ms`, which only a test sets (TEST_NOW); `qh_today()` is the
 * day in China at that moment, whatever the server's time zone. SQL uses these instead of `now()` and
 * `current_date` (the server's day: in UTC, the China day only from 08:00), and so do the defaults
 * of every timestamp column, so that rows written by default and rows compared in queries read one clock.
 */
export class Clock1765526400000 implements MigrationInterface {
  name = 'Clock1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION qh_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT now() + coalesce(nullif(current_setting('qh.clock_offset_ms', true), '')::bigint, 0) * interval '1 millisecond'
      $$`);
    await q.query(`
      CREATE FUNCTION qh_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT (qh_now() AT TIME ZONE 'Asia/Shanghai')::date
      $$`);
    await this.swapDefaults(q, 'now()', 'qh_now()');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.swapDefaults(q, 'qh_now()', 'now()');
    await q.query(`DROP FUNCTION qh_today()`);
    await q.query(`DROP FUNCTION qh_now()`);
  }

  private async swapDefaults(q: QueryRunner, from: string, to: string): Promise<void> {
    const columns: { table_name: string; column_name: string }[] = await q.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default = $1 ORDER BY table_name, column_name`,
      [from],
    );
    for (const { table_name, column_name } of columns) {
      await q.query(`ALTER TABLE "${table_name}" ALTER COLUMN "${column_name}" SET DEFAULT ${to}`);
    }
  }
}
