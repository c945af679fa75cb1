import { addDays, monthEnd, monthStart } from '@qh/domain';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import { countPayouts, type CountedPayout } from '../../impact/trail-rollups';
import { LOCKED_HASH, seededRandom, withChecksAfterwards } from './history';

/**
 * The money trail of a settled history: the marketplace's monthly transfers to the cooperatives
 * (each against its month's statement, answered by the cooperative, one of them disputed), the
 * cooperatives' monthly payouts to the households of their allocations, and the township officials'
 * acknowledgements of most of them. Written in bulk, dated on the days they happened, with the trail
 * rollups the app keeps beside them (`countPayouts`). Run after the settlement, on a database without
 * payouts; recorded by disabled history accounts that nobody signs in with.
 */

export interface PayoutHistoryOptions {
  /** Same seed and same settled history, same payouts. */
  seed: number;
  /** The last day anything is paid, answered or acknowledged on (yesterday). */
  lastDay: string;
  /**
   * Where the API keeps cash receipts (DATA_DIR/receipts, by SHA-256, as ReceiptStore does). When
   * given, a few payouts to households are in cash, each with a receipt kept there; otherwise every
   * one is a bank transfer (a cash payout needs its receipt).
   */
  receiptsDir?: string;
}

export interface PayoutHistoryCounts {
  coopPayouts: number;
  householdPayouts: number;
  acknowledgements: number;
}

/** A photo of a signed cash receipt, as small as a PNG gets (24 × 16): the demo's cash payouts all show it. */
const RECEIPT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAAAAAApT+BJAAAAIElEQVR42mOowAEYKn5hBWRK2KCC4WcUEoCbhk8HDgAAzREp4Cg9fa4AAAAASUVORK5CYII=',
  'base64',
);
const DISPUTE_REASON = '到账金额与对账单不符，少 1 笔运费';
const ACK_NOTES = ['入户核实，户主确认到账', '已电话回访并查看存折记录', '户主本人签字确认'];
const BATCH = 10_000;
/** Cooperatives pay their households this many days after a month ends, from the first to the last. */
const FIRST_PAYOUT_DAY = 5;
const LAST_PAYOUT_DAY = 20;

/** A time on a China day, as SQL takes it: `2026-11-03T10:17:00+08:00`. */
const chinaTime = (day: string, hour: number, minute: number) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
/** The first day of the month before `month` (`YYYY-MM-01`). */
const previousMonth = (month: string) => monthStart(addDays(month, -1));
const digits = (day: string) => day.replaceAll('-', '');

interface CoopPayoutRow {
  id: string;
  cooperativeId: string;
  month: string;
  amountFen: number;
  paidOn: string;
  bankReference: string;
  note: string;
  createdAt: string;
  response: { kind: 'CONFIRMED' | 'DISPUTED'; day: string; createdAt: string } | null;
}

interface HouseholdPayoutRow extends CountedPayout {
  id: string;
  method: 'BANK' | 'CASH';
  reference: string;
  receiptSha256: string | null;
  paidOn: string;
  createdAt: string;
}

export async function generatePayoutHistory(client: Client, options: PayoutHistoryOptions): Promise<PayoutHistoryCounts> {
  const random = seededRandom(options.seed ^ 0x7a11_0017);
  const { lastDay } = options;
  // The last month that is over by lastDay.
  const lastMonth = monthEnd(lastDay) === lastDay ? monthStart(lastDay) : previousMonth(monthStart(lastDay));

  const { rows: paidAlready } = await client.query(`SELECT 1 FROM household_payout UNION ALL SELECT 1 FROM coop_payout LIMIT 1`);
  if (paidAlready.length) throw new Error('This database has payouts already: generate the payout history on a freshly settled one');

  const cooperatives: { id: string; n: number; staff: string | null }[] = (
    await client.query(
      `SELECT c.id, c.n, (SELECT min(a.email) FROM account a WHERE a.cooperative_id = c.id AND a.disabled_at IS NULL) AS staff
         FROM (SELECT id, row_number() OVER (ORDER BY credit_code)::int AS n FROM cooperative) c
        WHERE EXISTS (SELECT 1 FROM coop_entry e WHERE e.cooperative_id = c.id)
           OR EXISTS (SELECT 1 FROM household_month m WHERE m.cooperative_id = c.id)
        ORDER BY c.n`,
    )
  ).rows;
  const townships: string[] = (
    await client.query(
      `SELECT DISTINCT h.township_code AS code FROM household_month m JOIN household h ON h.id = m.household_id ORDER BY 1`,
    )
  ).rows.map((row) => row.code);

  await client.query('BEGIN');
  try {
    const accounts = await historyAccounts(
      client,
      cooperatives.map((c) => ({ id: c.id, n: c.n })),
      townships,
    );
    const coopPayouts = await planCoopPayouts(client, random, lastDay, lastMonth, cooperatives);
    const householdPayouts = await planHouseholdPayouts(client, random, lastDay, lastMonth, Boolean(options.receiptsDir));
    const acknowledgements = planAcknowledgements(random, lastDay, householdPayouts);

    if (options.receiptsDir && householdPayouts.some((p) => p.method === 'CASH')) await keepReceipt(options.receiptsDir);
    await insertCoopPayouts(client, coopPayouts, accounts);
    await withChecksAfterwards(client, 'household_payout', () => insertHouseholdPayouts(client, householdPayouts, accounts));
    await withChecksAfterwards(client, 'payout_ack', () => insertAcknowledgements(client, acknowledgements, accounts));
    for (let start = 0; start < householdPayouts.length; start += BATCH) {
      await countPayouts(client, 'paid_fen', householdPayouts.slice(start, start + BATCH));
    }
    const acknowledged = acknowledgements.map((a) => a.payout);
    for (let start = 0; start < acknowledged.length; start += BATCH) {
      await countPayouts(client, 'acknowledged_fen', acknowledged.slice(start, start + BATCH));
    }
    await client.query('COMMIT');
    return { coopPayouts: coopPayouts.length, householdPayouts: householdPayouts.length, acknowledgements: acknowledgements.length };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

interface HistoryAccounts {
  admin: string;
  /** By cooperative id. */
  cooperative: Map<string, string>;
  /** By township code: an official of that township who acknowledges its households' payouts. */
  official: Map<string, string>;
}

/**
 * Who recorded, answered and acknowledged the history: an admin, one cashier per cooperative, and
 * per township an official of it. An existing official of the township (the demo's township@demo.cn)
 * acknowledges for it; the others are made here, disabled. Made once: a second run finds them.
 */
async function historyAccounts(client: Client, cooperatives: { id: string; n: number }[], townships: string[]): Promise<HistoryAccounts> {
  const existing: { code: string; id: string }[] = (
    await client.query(
      `SELECT DISTINCT ON (t.code) t.code, a.id FROM unnest($1::text[]) AS t(code)
         JOIN account a ON a.role = 'official' AND t.code = ANY(a.townships)
        ORDER BY t.code, a.disabled_at IS NOT NULL, a.email`,
      [townships],
    )
  ).rows;
  const official = new Map(existing.map((row) => [row.code, row.id]));
  const wanted = [
    { email: 'history-admin@seed.invalid', role: 'admin', cooperativeId: null, township: null, name: '历史数据·平台财务' },
    ...cooperatives.map((c) => ({
      email: `history-coop-${c.n}@seed.invalid`,
      role: 'cooperative',
      cooperativeId: c.id,
      township: null,
      name: '历史数据·合作社出纳',
    })),
    ...townships
      .filter((code) => !official.has(code))
      .map((code) => ({
        email: `history-township-${code}@seed.invalid`,
        role: 'official',
        cooperativeId: null,
        township: code,
        name: '历史数据·乡镇干部',
      })),
  ];
  await client.query(
    `INSERT INTO account (email, password_hash, role, cooperative_id, townships, display_name, disabled_at)
     SELECT x.email, $1, x.role, x.cooperative_id, CASE WHEN x.township IS NULL THEN NULL ELSE ARRAY[x.township] END, x.name, qh_now()
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[]) AS x(email, role, cooperative_id, township, name)
     ON CONFLICT ((lower(email))) DO NOTHING`,
    [
      LOCKED_HASH,
      wanted.map((a) => a.email),
      wanted.map((a) => a.role),
      wanted.map((a) => a.cooperativeId),
      wanted.map((a) => a.township),
      wanted.map((a) => a.name),
    ],
  );
  const ids = new Map<string, string>(
    (
      await client.query(`SELECT lower(email) AS email, id FROM account WHERE lower(email) = ANY($1)`, [wanted.map((a) => a.email)])
    ).rows.map((row) => [row.email, row.id]),
  );
  for (const a of wanted) if (a.township) official.set(a.township, ids.get(a.email)!);
  return {
    admin: ids.get('history-admin@seed.invalid')!,
    cooperative: new Map(cooperatives.map((c) => [c.id, ids.get(`history-coop-${c.n}@seed.invalid`)!])),
    official,
  };
}

/**
 * One transfer per cooperative and finished month whose statement has something to pay, 10–25 days
 * after the month ends (when that is not after lastDay), for the month's net payable; answered
 * within days, nearly always confirmed. Three cooperatives in ten are late: their last one or two
 * months are not paid yet. Exactly one transfer is disputed: the latest answered one of the first
 * cooperative that has staff who sign in (coop@demo.cn's in the demo), one shipping fee short.
 */
async function planCoopPayouts(
  client: Client,
  random: () => number,
  lastDay: string,
  lastMonth: string,
  cooperatives: { id: string; staff: string | null }[],
): Promise<CoopPayoutRow[]> {
  // Sums as numbers: a plain pg Client answers bigint sums as text.
  const statements: { cooperativeId: string; month: string; netFen: number; oneShippingFen: number }[] = (
    await client.query(
      `SELECT e.cooperative_id AS "cooperativeId", to_char(date_trunc('month', e.day), 'YYYY-MM-DD') AS month,
              sum(e.goods_fen + e.shipping_fen - e.fee_fen) AS "netFen",
              coalesce(min(e.shipping_fen) FILTER (WHERE e.kind = 'SALE' AND e.shipping_fen > 0), 0) AS "oneShippingFen"
         FROM coop_entry e WHERE e.day <= $1::date GROUP BY 1, 2`,
      [monthEnd(lastMonth)],
    )
  ).rows.map((row) => ({ ...row, netFen: Number(row.netFen), oneShippingFen: Number(row.oneShippingFen) }));
  const byCooperative = new Map<string, typeof statements>();
  for (const s of statements) byCooperative.set(s.cooperativeId, [...(byCooperative.get(s.cooperativeId) ?? []), s]);

  const payouts: CoopPayoutRow[] = [];
  let disputed: CoopPayoutRow | null = null;
  const disputing = [...cooperatives].filter((c) => c.staff).sort((a, b) => (a.staff! < b.staff! ? -1 : 1))[0] ?? cooperatives[0];
  for (const cooperative of cooperatives) {
    const months = (byCooperative.get(cooperative.id) ?? []).sort((a, b) => (a.month < b.month ? -1 : 1));
    const late = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0;
    const paid: CoopPayoutRow[] = [];
    for (const statement of months) {
      const paidOn = addDays(monthEnd(statement.month), 10 + Math.floor(random() * 16));
      const reference = `GZ${digits(paidOn)}${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
      const minute = Math.floor(random() * 60);
      const answeredOn = addDays(paidOn, 1 + Math.floor(random() * 5));
      const confirms = random() < 0.92;
      if (statement.netFen <= 0 || paidOn > lastDay) continue;
      const [year, month] = statement.month.split('-');
      paid.push({
        id: randomUUID(),
        cooperativeId: cooperative.id,
        month: statement.month,
        amountFen: statement.netFen,
        paidOn,
        bankReference: reference,
        note: `${year}年${Number(month)}月货款`,
        createdAt: chinaTime(paidOn, 10, minute),
        response:
          confirms && answeredOn <= lastDay ? { kind: 'CONFIRMED', day: answeredOn, createdAt: chinaTime(answeredOn, 9, minute) } : null,
      });
    }
    paid.length = Math.max(0, paid.length - late);
    payouts.push(...paid);
    if (cooperative === disputing) {
      disputed = [...paid].reverse().find((p) => addDays(p.paidOn, 3) <= lastDay) ?? null;
      const statement = disputed && months.find((s) => s.month === disputed!.month);
      if (disputed && statement) {
        if (statement.oneShippingFen > 0 && statement.oneShippingFen < disputed.amountFen) disputed.amountFen -= statement.oneShippingFen;
        const day = addDays(disputed.paidOn, 2);
        disputed.response = { kind: 'DISPUTED', day, createdAt: chinaTime(day, 11, 5) };
      }
    }
  }
  return payouts;
}

/**
 * Per cooperative, household and finished month with an allocation, a payout of it 5–20 days after
 * the month ends (when that is not after lastDay), nearly all by bank. Never more than allocated:
 * paid through any month stays within what was allocated through it and through every later month
 * (a later month that refunds made negative takes its part off earlier payouts, as the cooperative
 * would have held it back). One household in five is late: one to three months that every other
 * household has been paid for by now are not paid to it yet.
 */
async function planHouseholdPayouts(
  client: Client,
  random: () => number,
  lastDay: string,
  lastMonth: string,
  cash: boolean,
): Promise<HouseholdPayoutRow[]> {
  const months: {
    cooperativeId: string;
    householdId: string;
    month: string;
    allocatedFen: number;
    code: string;
    townshipCode: string;
    status: string;
  }[] = (
    await client.query(
      `SELECT m.cooperative_id AS "cooperativeId", m.household_id AS "householdId", to_char(m.month, 'YYYY-MM-DD') AS month,
              m.allocated_fen AS "allocatedFen", h.code, h.township_code AS "townshipCode", h.status
         FROM household_month m JOIN household h ON h.id = m.household_id JOIN cooperative c ON c.id = m.cooperative_id
        ORDER BY c.credit_code, h.code, m.month`,
    )
  ).rows.map((row) => ({ ...row, allocatedFen: Number(row.allocatedFen) }));
  // The last month every punctual household has been paid for by lastDay, and each late household's
  // first unpaid month back from it, drawn in the order of the household codes.
  let lastDueMonth = lastMonth;
  while (addDays(monthEnd(lastDueMonth), LAST_PAYOUT_DAY) > lastDay) lastDueMonth = previousMonth(lastDueMonth);
  const lateFrom = new Map<string, string>();
  for (const code of [...new Set(months.map((m) => m.code))].sort()) {
    const late = random() < 0.2 ? 1 + Math.floor(random() * 3) : 0;
    let from = lastDueMonth;
    for (let i = 1; i < late; i++) from = previousMonth(from);
    if (late) lateFrom.set(code, from);
  }

  const payouts: HouseholdPayoutRow[] = [];
  let serial = 0;
  for (let start = 0; start < months.length;) {
    let end = start;
    while (
      end < months.length &&
      months[end].cooperativeId === months[start].cooperativeId &&
      months[end].householdId === months[start].householdId
    )
      end++;
    const pair = months.slice(start, end);
    start = end;
    // What was allocated through each month, and the least of that through any later month.
    const through: number[] = [];
    pair.forEach((m, i) => through.push((i ? through[i - 1] : 0) + m.allocatedFen));
    const leastFrom = [...through];
    for (let i = leastFrom.length - 2; i >= 0; i--) leastFrom[i] = Math.min(leastFrom[i], leastFrom[i + 1]);
    const unpaidFrom = lateFrom.get(pair[0].code);
    let paidFen = 0;
    pair.forEach((m, i) => {
      const paidOn = addDays(monthEnd(m.month), FIRST_PAYOUT_DAY + Math.floor(random() * (LAST_PAYOUT_DAY - FIRST_PAYOUT_DAY + 1)));
      const inCash = cash && random() < 0.04;
      const hour = 9 + Math.floor(random() * 8);
      const minute = Math.floor(random() * 60);
      const amountFen = leastFrom[i] - paidFen;
      if (m.month > lastMonth || m.allocatedFen <= 0 || amountFen <= 0 || paidOn > lastDay || (unpaidFrom && m.month >= unpaidFrom)) return;
      paidFen += amountFen;
      serial++;
      payouts.push({
        id: randomUUID(),
        cooperativeId: m.cooperativeId,
        householdId: m.householdId,
        period: m.month,
        amountFen,
        townshipCode: m.townshipCode,
        householdStatus: m.status,
        method: inCash ? 'CASH' : 'BANK',
        reference: inCash ? `现金收据 ${m.code}-${m.month.slice(0, 7)}` : `NX${digits(paidOn)}${String(serial).padStart(7, '0')}`,
        receiptSha256: inCash ? createHash('sha256').update(RECEIPT_PNG).digest('hex') : null,
        paidOn,
        createdAt: chinaTime(paidOn, hour, minute),
      });
    });
  }
  return payouts;
}

interface AcknowledgementRow {
  payout: HouseholdPayoutRow;
  visitedOn: string;
  note: string | null;
  day: string;
  createdAt: string;
}

/**
 * An official visits a household 3 days to 7 weeks after it was paid (seldom later) and records it
 * within two days: so nearly every payout older than two months is acknowledged, the recent ones
 * mostly not yet, some older than 30 days are overdue, and one in fifty is never visited.
 */
function planAcknowledgements(random: () => number, lastDay: string, payouts: HouseholdPayoutRow[]): AcknowledgementRow[] {
  const acknowledgements: AcknowledgementRow[] = [];
  for (const payout of payouts) {
    const never = random() < 0.02;
    const visitedOn = addDays(payout.paidOn, 3 + Math.floor(Math.pow(random(), 1.5) * 46));
    const day = addDays(visitedOn, Math.floor(random() * 3));
    const noted = random();
    if (never || day > lastDay) continue;
    acknowledgements.push({
      payout,
      visitedOn,
      note: noted < 0.3 ? ACK_NOTES[Math.floor(noted * 10)] : null,
      day,
      createdAt: chinaTime(day, 15, Math.floor(noted * 60)),
    });
  }
  return acknowledgements;
}

/** The receipt of the cash payouts, where the API finds receipts: named by its SHA-256, written once. */
async function keepReceipt(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(join(dir, createHash('sha256').update(RECEIPT_PNG).digest('hex')), RECEIPT_PNG, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

async function insertCoopPayouts(client: Client, payouts: CoopPayoutRow[], accounts: HistoryAccounts): Promise<void> {
  for (let start = 0; start < payouts.length; start += BATCH) {
    const slice = payouts.slice(start, start + BATCH);
    await client.query(
      `INSERT INTO coop_payout (id, cooperative_id, amount_fen, paid_on, bank_reference, note, recorded_by, day, created_at)
       SELECT x.id, x.cooperative_id, x.amount, x.paid_on, x.reference, x.note, $7, x.paid_on, x.created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::text[], $6::text[], $8::timestamptz[])
              AS x(id, cooperative_id, amount, paid_on, reference, note, created_at)`,
      [
        slice.map((p) => p.id),
        slice.map((p) => p.cooperativeId),
        slice.map((p) => p.amountFen),
        slice.map((p) => p.paidOn),
        slice.map((p) => p.bankReference),
        slice.map((p) => p.note),
        accounts.admin,
        slice.map((p) => p.createdAt),
      ],
    );
    await client.query(
      `INSERT INTO coop_payout_statement (payout_id, month, amount_fen) SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[])`,
      [slice.map((p) => p.id), slice.map((p) => p.month), slice.map((p) => p.amountFen)],
    );
    const answered = slice.filter((p) => p.response);
    await client.query(
      `INSERT INTO coop_payout_response (payout_id, kind, reason, responded_by, day, created_at)
       SELECT x.payout_id, x.kind, CASE WHEN x.kind = 'DISPUTED' THEN $6 END, x.responded_by, x.day, x.created_at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::timestamptz[]) AS x(payout_id, kind, responded_by, day, created_at)
        ORDER BY x.created_at`,
      [
        answered.map((p) => p.id),
        answered.map((p) => p.response!.kind),
        answered.map((p) => accounts.cooperative.get(p.cooperativeId)),
        answered.map((p) => p.response!.day),
        answered.map((p) => p.response!.createdAt),
        DISPUTE_REASON,
      ],
    );
  }
}

async function insertHouseholdPayouts(client: Client, payouts: HouseholdPayoutRow[], accounts: HistoryAccounts): Promise<void> {
  for (let start = 0; start < payouts.length; start += BATCH) {
    const slice = payouts.slice(start, start + BATCH);
    await client.query(
      `INSERT INTO household_payout (id, cooperative_id, household_id, period, amount_fen, method, reference, receipt_sha256, receipt_type,
                                     paid_on, township_code, household_status, recorded_by, day, created_at)
       SELECT x.id, x.cooperative_id, x.household_id, x.period, x.amount, x.method, x.reference, x.receipt,
              CASE WHEN x.receipt IS NULL THEN NULL ELSE 'PNG' END, x.paid_on, x.township_code, x.status, x.recorded_by, x.paid_on, x.created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[],
                     $11::text[], $12::uuid[], $13::timestamptz[])
              AS x(id, cooperative_id, household_id, period, amount, method, reference, receipt, paid_on, township_code, status, recorded_by, created_at)`,
      [
        slice.map((p) => p.id),
        slice.map((p) => p.cooperativeId),
        slice.map((p) => p.householdId),
        slice.map((p) => p.period),
        slice.map((p) => p.amountFen),
        slice.map((p) => p.method),
        slice.map((p) => p.reference),
        slice.map((p) => p.receiptSha256),
        slice.map((p) => p.paidOn),
        slice.map((p) => p.townshipCode),
        slice.map((p) => p.householdStatus),
        slice.map((p) => accounts.cooperative.get(p.cooperativeId)),
        slice.map((p) => p.createdAt),
      ],
    );
  }
}

async function insertAcknowledgements(client: Client, acknowledgements: AcknowledgementRow[], accounts: HistoryAccounts): Promise<void> {
  for (let start = 0; start < acknowledgements.length; start += BATCH) {
    const slice = acknowledgements.slice(start, start + BATCH);
    await client.query(
      `INSERT INTO payout_ack (payout_id, acknowledged_by, visited_on, note, day, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::date[], $6::timestamptz[])`,
      [
        slice.map((a) => a.payout.id),
        slice.map((a) => accounts.official.get(a.payout.townshipCode)),
        slice.map((a) => a.visitedOn),
        slice.map((a) => a.note),
        slice.map((a) => a.day),
        slice.map((a) => a.createdAt),
      ],
    );
  }
}
