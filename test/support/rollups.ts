import { ImpactCatchUp } from '../../apps/api/src/impact/impact-catch-up.service';
import { recomputedRollups, storedRollups, type Sql } from '../../apps/api/src/impact/rollups';
import type { TestApp } from './test-app';

/** The test app's database, as the rollup functions take it. */
export const sqlOf = (t: TestApp): Sql => ({ query: (text, params) => t.sql(text, params) });

/**
 * The rollups as stored, and as the daily rows, order groups, orders, payments and refunds say they
 * must be, once every paid order is counted, as before any report.
 */
export async function rollupsOf(t: TestApp) {
  await t.app.get(ImpactCatchUp).catchUp();
  return { stored: await storedRollups(sqlOf(t)), recomputed: await recomputedRollups(sqlOf(t)) };
}
