import { recomputedRollups, type Sql } from '../../apps/api/src/impact/rollups';
import type { TestApp } from './test-app';

/** The test app's database, as the rollup functions take it. */
export const sqlOf = (t: TestApp): Sql => ({ query: (text, params) => t.sql(text, params) });

/** The rollups as stored, and as the daily rows and order groups say they must be. */
export async function rollupsOf(t: TestApp) {
  const monthly = await t.sql(`SELECT * FROM impact_monthly ORDER BY 1, 2, 3, 4`);
  const reach = await t.sql(`SELECT * FROM impact_reach ORDER BY 1, 2, 3, 4`);
  const buyerMonths = await t.sql(`SELECT * FROM impact_buyer_months ORDER BY 1, 2, 3, 4, 5`);
  return { stored: { monthly, reach, buyerMonths }, recomputed: await recomputedRollups(sqlOf(t)) };
}
