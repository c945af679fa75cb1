/** An EntityManager in the app's transactions, a pg Client in the history generator: both run SQL with parameters. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The trail's rollups, changed in the transaction of what they count: `household_month` (per
 * cooperative, household and month) and `trail_month` (per month, cooperative, the household's
 * township and status), each holding what was allocated (pledged), paid and acknowledged. The only
 * writer of both.
 */

/**
 * The settlement of the days from `from` to `to` (one day, for the daily job) was just written: their
 * allocations, and the pool no household took, are pledged.
 */
export async function countAllocations(manager: Queryable, from: string, to: string = from): Promise<void> {
  await manager.query(
    `INSERT INTO household_month AS m (cooperative_id, household_id, month, allocated_fen)
     SELECT a.cooperative_id, a.household_id, date_trunc('month', a.day)::date, sum(a.amount_fen)
       FROM household_allocation a WHERE a.day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
     ON CONFLICT (cooperative_id, household_id, month) DO UPDATE SET allocated_fen = m.allocated_fen + EXCLUDED.allocated_fen`,
    [from, to],
  );
  await manager.query(
    `INSERT INTO trail_month AS t (month, cooperative_id, township_code, household_status, pledged_fen)
     SELECT x.month, x.cooperative_id, x.township_code, x.status, sum(x.amount) FROM (
       SELECT date_trunc('month', a.day)::date AS month, a.cooperative_id, h.township_code, h.status, a.amount_fen AS amount
         FROM household_allocation a JOIN household h ON h.id = a.household_id WHERE a.day BETWEEN $1::date AND $2::date
       UNION ALL
       SELECT date_trunc('month', s.day)::date, s.cooperative_id, c.township_code, 'NONE', s.unallocated_fen
         FROM settlement_run s JOIN cooperative c ON c.id = s.cooperative_id
        WHERE s.day BETWEEN $1::date AND $2::date AND s.unallocated_fen <> 0
     ) x GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (month, cooperative_id, township_code, household_status) DO UPDATE SET pledged_fen = t.pledged_fen + EXCLUDED.pledged_fen`,
    [from, to],
  );
}

export interface CountedPayout {
  cooperativeId: string;
  householdId: string;
  /** `YYYY-MM-01` */
  period: string;
  amountFen: number;
  townshipCode: string;
  householdStatus: string;
}

/** Payouts to households were recorded (`column` paid_fen), or acknowledged (acknowledged_fen): signed. */
export async function countPayouts(manager: Queryable, column: 'paid_fen' | 'acknowledged_fen', payouts: CountedPayout[]): Promise<void> {
  if (!payouts.length) return;
  const values = [
    payouts.map((p) => p.cooperativeId),
    payouts.map((p) => p.householdId),
    payouts.map((p) => p.period),
    payouts.map((p) => p.amountFen),
    payouts.map((p) => p.townshipCode),
    payouts.map((p) => p.householdStatus),
  ];
  const rows = `unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::text[], $6::text[]) AS x(cooperative_id, household_id, month, amount, township_code, status)`;
  await manager.query(
    `INSERT INTO household_month AS m (cooperative_id, household_id, month, ${column})
     SELECT x.cooperative_id, x.household_id, x.month, sum(x.amount) FROM ${rows} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
     ON CONFLICT (cooperative_id, household_id, month) DO UPDATE SET ${column} = m.${column} + EXCLUDED.${column}`,
    values,
  );
  await manager.query(
    `INSERT INTO trail_month AS t (month, cooperative_id, township_code, household_status, ${column})
     SELECT x.month, x.cooperative_id, x.township_code, x.status, sum(x.amount) FROM ${rows} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (month, cooperative_id, township_code, household_status) DO UPDATE SET ${column} = t.${column} + EXCLUDED.${column}`,
    values,
  );
}
