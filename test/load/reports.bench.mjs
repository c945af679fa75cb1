// `npm run bench:reports`: how fast the officials' dashboard answers with years of history behind it.
// Generates BENCH_ORDERS orders of history (default 1,000,000) with `seed:history` (with its
// settlements and money trail), then asks each dashboard question through the built API again and
// again (one at a time) and prints p50/p99 beside the same question answered by a direct GROUP BY
// over the base tables (the attribution ledger and order lines; for the money trail the allocations,
// payouts and acknowledgements), and the ratio. Target: p50 under 50 ms for every question through
// the API. Prints figures; fails only when something is broken (build, start, history, a request
// that does not answer 200).
//
//   BENCH_ORDERS         orders of history (default 1000000)
//   BENCH_ORGANISATIONS  budget units buying in the last year, with plans (default 300)
//   BENCH_REQUESTS       measured requests per question through the API (default 60)
//   BENCH_DIRECT_RUNS    measured runs of each direct GROUP BY (default 5)
//   BENCH_SKIP_BUILD=1   use the existing apps/api/dist as it is
//   DATABASE_URL         run against a fresh database on this server instead of an embedded cluster
import argon2 from 'argon2';
import {
  buildUnlessSkipped,
  connect,
  number,
  percentile,
  print,
  printApiWarnings,
  printMachine,
  runBench,
  seconds,
  settingsOf,
  startApi,
  table,
  writeHistory,
} from './bench-support.mjs';

const setting = settingsOf('bench:reports');
const ORDERS = setting('BENCH_ORDERS', 1_000_000, 1);
const ORGANISATIONS = setting('BENCH_ORGANISATIONS', 300, 0);
const REQUESTS = setting('BENCH_REQUESTS', 60, 1);
const DIRECT_RUNS = setting('BENCH_DIRECT_RUNS', 5, 1);
const TARGET_P50_MS = 50;

/** Each dashboard question: its API path, and the same question as one GROUP BY over the ledger (and the lines for GMV). */
const QUESTIONS = [
  {
    name: 'summary',
    path: '/api/impact/summary',
    direct: `SELECT sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry`,
  },
  {
    name: 'series by year',
    path: '/api/impact/series?by=year',
    direct: `SELECT date_trunc('year', day), sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry GROUP BY 1`,
  },
  {
    name: 'series by month',
    path: '/api/impact/series?by=month',
    direct: `SELECT date_trunc('month', day), sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry GROUP BY 1`,
  },
  {
    name: 'by category',
    path: '/api/impact/breakdown?by=category',
    direct: `SELECT category, sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry GROUP BY 1`,
  },
  {
    name: 'by township',
    path: '/api/impact/breakdown?by=township',
    direct: `SELECT township_code, sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry GROUP BY 1`,
  },
  {
    name: 'by cooperative',
    path: '/api/impact/breakdown?by=cooperative',
    direct: `SELECT cooperative_id, sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry GROUP BY 1`,
  },
  {
    name: 'one township, by cooperative',
    path: '/api/impact/breakdown?by=cooperative&townshipCode=520525202',
    direct: `SELECT cooperative_id, sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE township_code = '520525202' GROUP BY 1`,
  },
  {
    name: 'one year, by month',
    path: '/api/impact/series?by=month&from=2024-01-01&to=2024-12-31',
    direct: `SELECT date_trunc('month', day), sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE day BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY 1`,
  },
  {
    name: 'public impact',
    path: '/api/impact/public',
    direct: `SELECT category, township_code, sum(linked_sales_fen), sum(pool_fen) FROM attribution_entry GROUP BY GROUPING SETS ((), (category), (township_code))`,
  },
  {
    name: 'one year, one township',
    path: '/api/impact/summary?from=2024-01-01&to=2024-12-31&townshipCode=520525202',
    direct: `SELECT sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE day BETWEEN '2024-01-01' AND '2024-12-31' AND township_code = '520525202'`,
  },
  {
    name: 'five whole years (2020–2024)',
    path: '/api/impact/summary?from=2020-01-01&to=2024-12-31',
    direct: `SELECT sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE day BETWEEN '2020-01-01' AND '2024-12-31'`,
  },
  {
    name: '2021-07 … 2024-06 by cooperative',
    path: '/api/impact/breakdown?by=cooperative&from=2021-07-01&to=2024-06-30',
    direct: `SELECT cooperative_id, sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE day BETWEEN '2021-07-01' AND '2024-06-30' GROUP BY 1`,
  },
  // A range cut inside a month (the API takes any days; the dashboard asks whole months): orders and
  // buyers are counted from the range's order groups, so this grows with the range (no target).
  {
    name: 'any days: 2024-03-05 … 09-20*',
    path: '/api/impact/summary?from=2024-03-05&to=2024-09-20',
    direct: `SELECT sum(linked_sales_fen), sum(pool_fen), count(DISTINCT order_id), count(DISTINCT buyer_id) FROM attribution_entry
              WHERE day BETWEEN '2024-03-05' AND '2024-09-20'`,
    anyRange: true,
  },
];

/** What goods (fen) each order's lines still hold after refunds, as SQL over order_line `l`. */
const NET_GOODS = `l.line_total_fen - l.line_total_fen * l.refunded_quantity / l.quantity`;
/** The year's paid orders of organisations, straight from the orders and lines (refunds counted where the order was paid). */
const yearOrders = (year) =>
  `"order" o JOIN order_line l ON l.order_id = o.id
    WHERE o.paid_at >= '${year}-01-01 00:00+08' AND o.paid_at < '${year + 1}-01-01 00:00+08'`;

/** The reserved-share questions (issue 16): the league table, its CSV, one organisation's page, and who bought. */
function institutionQuestions(year, districtCode, organisationId) {
  return [
    {
      name: `league table ${year}`,
      path: `/api/impact/institutions?year=${year}`,
      direct: `SELECT o.organisation_id, sum(${NET_GOODS}), max(o.created_at) FROM ${yearOrders(year)} AND o.organisation_id IS NOT NULL GROUP BY 1`,
    },
    {
      name: `league table ${year}, one district`,
      path: `/api/impact/institutions?year=${year}&districtCode=${districtCode}`,
      direct: `SELECT o.organisation_id, sum(${NET_GOODS}), max(o.created_at) FROM ${yearOrders(year)} AND o.organisation_id IN
                 (SELECT id FROM organisation WHERE district_code = '${districtCode}') GROUP BY 1`,
    },
    {
      name: `league table ${year}, CSV`,
      path: `/api/impact/institutions/export.csv?year=${year}`,
      direct: `SELECT o.organisation_id, sum(${NET_GOODS}), max(o.created_at) FROM ${yearOrders(year)} AND o.organisation_id IS NOT NULL GROUP BY 1`,
    },
    {
      name: `one organisation's progress ${year}`,
      path: `/api/impact/organisations/${organisationId}/progress?year=${year}`,
      direct: `SELECT date_trunc('month', o.paid_at), sum(${NET_GOODS}) FROM ${yearOrders(year)} AND o.organisation_id = '${organisationId}' GROUP BY 1`,
    },
    {
      name: `who bought ${year}`,
      path: `/api/impact/buyers?year=${year}`,
      direct: `SELECT o.organisation_id IS NULL, o.address->>'districtCode', sum(${NET_GOODS}) FROM ${yearOrders(year)} GROUP BY 1, 2`,
    },
  ];
}

/** The year's pledges (allocations, and pool no household took), payouts and acknowledgements, from the base tables, filtered. */
function trailRows(year, { townshipCode, status } = {}) {
  const range = (column) => `${column} BETWEEN '${year}-01-01' AND '${year}-12-31'`;
  const township = (column) => (townshipCode ? `AND ${column} = '${townshipCode}'` : '');
  const ofStatus = (column) => (status ? `AND ${column} = '${status}'` : '');
  return `
    SELECT date_trunc('month', a.day) AS month, a.cooperative_id, h.township_code, h.status, a.amount_fen AS pledged, 0::bigint AS paid, 0::bigint AS acked
      FROM household_allocation a JOIN household h ON h.id = a.household_id
     WHERE ${range('a.day')} ${township('h.township_code')} ${ofStatus('h.status')}
    UNION ALL
    SELECT date_trunc('month', s.day), s.cooperative_id, c.township_code, 'NONE', s.unallocated_fen, 0, 0
      FROM settlement_run s JOIN cooperative c ON c.id = s.cooperative_id
     WHERE ${range('s.day')} AND s.unallocated_fen <> 0 ${township('c.township_code')} ${ofStatus("'NONE'")}
    UNION ALL
    SELECT p.period, p.cooperative_id, p.township_code, p.household_status, 0, p.amount_fen,
           CASE WHEN EXISTS (SELECT 1 FROM payout_ack k WHERE k.payout_id = p.id) THEN p.amount_fen ELSE 0 END
      FROM household_payout p
     WHERE ${range('p.period')} ${township('p.township_code')} ${ofStatus('p.household_status')}`;
}

/** The trail (issue 17) from the base tables: sums by month (for the ageing), township, cooperative and status; paid to cooperatives; overdue; people by exit year. */
function trailDirect(year, filters = {}) {
  const { townshipCode, status } = filters;
  return `
    WITH x AS (${trailRows(year, filters)}),
         sums AS (SELECT month, township_code, cooperative_id, status, sum(pledged) AS pledged, sum(paid) AS paid, sum(acked) AS acked
                    FROM x GROUP BY GROUPING SETS ((), (month), (township_code), (cooperative_id), (status))),
         coops AS (SELECT sum(ps.amount_fen) AS paid FROM coop_payout_statement ps JOIN coop_payout p ON p.id = ps.payout_id
                     JOIN cooperative c ON c.id = p.cooperative_id
                    WHERE ps.month BETWEEN '${year}-01-01' AND '${year}-12-31' ${townshipCode ? `AND c.township_code = '${townshipCode}'` : ''}),
         overdue AS (SELECT count(*) AS payouts, sum(p.amount_fen) AS amount FROM household_payout p
                      WHERE p.period BETWEEN '${year}-01-01' AND '${year}-12-31' AND p.paid_on < qh_today() - 30
                        ${townshipCode ? `AND p.township_code = '${townshipCode}'` : ''} ${status ? `AND p.household_status = '${status}'` : ''}
                        AND NOT EXISTS (SELECT 1 FROM payout_ack k WHERE k.payout_id = p.id)),
         exits AS (SELECT h.exit_year, count(*) AS households, sum(h.members) AS people FROM household h
                     WHERE h.id IN (SELECT a.household_id FROM household_allocation a WHERE a.day BETWEEN '${year}-01-01' AND '${year}-12-31')
                       ${townshipCode ? `AND h.township_code = '${townshipCode}'` : ''} ${status ? `AND h.status = '${status}'` : ''}
                     GROUP BY 1)
    SELECT (SELECT json_agg(s) FROM sums s) AS sums, (SELECT paid FROM coops) AS "paidToCooperatives",
           (SELECT row_to_json(o) FROM overdue o) AS overdue, (SELECT json_agg(e) FROM exits e) AS "peopleByExitYear"`;
}

/** Each cooperative's year from the base tables: owed by its statements, transfers by the latest answer, pool, paid to households. */
function balancesDirect(year) {
  const range = (column) => `${column} BETWEEN '${year}-01-01' AND '${year}-12-31'`;
  return `
    WITH owed AS (SELECT cooperative_id, sum(goods_fen + shipping_fen - fee_fen) AS owed, sum(pool_fen) AS pool FROM coop_entry
                   WHERE ${range('day')} GROUP BY 1),
         paid AS (SELECT p.cooperative_id, sum(ps.amount_fen) AS paid,
                         sum(ps.amount_fen) FILTER (WHERE r.kind = 'CONFIRMED') AS confirmed,
                         sum(ps.amount_fen) FILTER (WHERE r.kind = 'DISPUTED') AS disputed,
                         sum(ps.amount_fen) FILTER (WHERE r.kind IS NULL) AS awaiting
                    FROM coop_payout p JOIN coop_payout_statement ps ON ps.payout_id = p.id
                    LEFT JOIN LATERAL (SELECT r.kind FROM coop_payout_response r WHERE r.payout_id = p.id ORDER BY r.id DESC LIMIT 1) r ON true
                   WHERE ${range('ps.month')} GROUP BY 1),
         households AS (SELECT cooperative_id, sum(amount_fen) AS paid FROM household_payout WHERE ${range('period')} GROUP BY 1)
    SELECT c.id, c.name_zh, c.township_code, o.owed, o.pool, p.paid, p.confirmed, p.disputed, p.awaiting,
           coalesce(o.owed, 0) - coalesce(p.paid, 0) AS balance, h.paid AS paid_to_households
      FROM cooperative c LEFT JOIN owed o ON o.cooperative_id = c.id LEFT JOIN paid p ON p.cooperative_id = c.id
      LEFT JOIN households h ON h.cooperative_id = c.id
     WHERE o.cooperative_id IS NOT NULL OR p.cooperative_id IS NOT NULL`;
}

/** The money trail's questions (issue 17): pledged against paid for officials, county-wide, one township, one status, as a township official; the cooperatives' balances. */
function trailQuestions(thisYear, townshipCode) {
  const lastYear = thisYear - 1;
  return [
    { name: `trail ${lastYear}`, path: `/api/impact/trail?year=${lastYear}`, direct: trailDirect(lastYear) },
    {
      name: `trail ${thisYear}, one township`,
      path: `/api/impact/trail?year=${thisYear}&townshipCode=${townshipCode}`,
      direct: trailDirect(thisYear, { townshipCode }),
    },
    {
      name: `trail ${thisYear}, monitored households`,
      path: `/api/impact/trail?year=${thisYear}&householdStatus=MONITORED`,
      direct: trailDirect(thisYear, { status: 'MONITORED' }),
    },
    {
      name: `trail ${thisYear}, as its township's official`,
      path: `/api/impact/trail?year=${thisYear}`,
      direct: trailDirect(thisYear, { townshipCode }),
      asTownshipOfficial: true,
    },
    {
      name: `cooperative balances ${lastYear}`,
      path: `/api/impact/cooperative-balances?year=${lastYear}`,
      direct: balancesDirect(lastYear),
    },
  ];
}

/** An official of the whole county, or (given `townships`) a township official who sees only those. */
async function officialToken(client, baseUrl, email = 'bench-official@example.cn', townships = null) {
  const password = 'bench-official-password';
  await client.query(`INSERT INTO account (email, password_hash, role, townships) VALUES ($1, $2, 'official', $3)`, [
    email,
    await argon2.hash(password, { type: argon2.argon2id }),
    townships,
  ]);
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`official login (${email}) answered ${response.status}`);
  return (await response.json()).accessToken;
}

const ms = (value) => `${value.toFixed(1)} ms`;

async function main() {
  print(`bench:reports — the officials' dashboard over ${number(ORDERS)} orders of history`);
  printMachine();
  buildUnlessSkipped();
  // No jobs: the hourly digest must not run while the history is being written.
  const { baseUrl, databaseUrl } = await startApi({ JOBS_ENABLED: 'false' });
  const client = await connect(databaseUrl);
  const started = Date.now();
  await writeHistory(databaseUrl, { orders: ORDERS, organisations: ORGANISATIONS });
  print(`history: ready in ${seconds(started)}`);
  const [{ entries, lines }] = (
    await client.query(`SELECT (SELECT count(*) FROM attribution_entry)::int AS entries, (SELECT count(*) FROM order_line)::int AS lines`)
  ).rows;
  print(`ledger: ${number(entries)} entries over ${number(lines)} order lines`);
  const [busiest] = (
    await client.query(
      `SELECT to_char(qh_today() - 1, 'YYYY')::int AS year, o.organisation_id AS id, g.district_code AS district,
              (SELECT count(*) FROM organisation)::int AS organisations, count(*)::int AS orders
         FROM "order" o JOIN organisation g ON g.id = o.organisation_id GROUP BY 1, 2, 3 ORDER BY orders DESC LIMIT 1`,
    )
  ).rows;
  const questions = [...QUESTIONS];
  if (busiest) {
    print(`organisations: ${number(busiest.organisations)}, the busiest with ${number(busiest.orders)} orders`);
    questions.push(...institutionQuestions(busiest.year, busiest.district, busiest.id));
  }
  // The money trail: the township with the most payouts to households this year, and an official of it alone.
  const [trail] = (
    await client.query(
      `SELECT to_char(qh_today() - 1, 'YYYY')::int AS year, p.township_code AS township,
              (SELECT count(*) FROM household_payout)::int AS payouts, (SELECT count(*) FROM payout_ack)::int AS acknowledged,
              (SELECT count(*) FROM coop_payout)::int AS transfers
         FROM household_payout p WHERE p.period >= date_trunc('year', qh_today() - 1) GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT 1`,
    )
  ).rows;
  let townshipToken = null;
  if (trail) {
    print(
      `money trail: ${number(trail.transfers)} transfers to cooperatives, ${number(trail.payouts)} payouts to households (${number(trail.acknowledged)} acknowledged); busiest township ${trail.township}`,
    );
    questions.push(...trailQuestions(trail.year, trail.township));
    townshipToken = await officialToken(client, baseUrl, 'bench-township@example.cn', [trail.township]);
  }
  const token = await officialToken(client, baseUrl);

  const rows = [];
  let slowest = 0;
  for (const question of questions) {
    const ask = async () => {
      const begun = performance.now();
      const bearer = question.asTownshipOfficial ? townshipToken : token;
      const response = await fetch(`${baseUrl}${question.path}`, { headers: { Authorization: `Bearer ${bearer}` } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${question.path} answered ${response.status}`);
      return performance.now() - begun;
    };
    for (let i = 0; i < 5; i++) await ask();
    const api = [];
    for (let i = 0; i < REQUESTS; i++) api.push(await ask());
    api.sort((a, b) => a - b);
    await client.query(question.direct);
    const direct = [];
    for (let i = 0; i < DIRECT_RUNS; i++) {
      const begun = performance.now();
      await client.query(question.direct);
      direct.push(performance.now() - begun);
    }
    direct.sort((a, b) => a - b);
    const apiP50 = percentile(api, 50);
    if (!question.anyRange) slowest = Math.max(slowest, apiP50);
    rows.push([
      question.name,
      ms(apiP50),
      ms(percentile(api, 99)),
      ms(percentile(direct, 50)),
      ms(percentile(direct, 99)),
      `${(percentile(direct, 50) / apiP50).toFixed(1)}×`,
      question.anyRange ? '(no target)' : apiP50 < TARGET_P50_MS ? 'yes' : 'NO',
    ]);
  }
  print();
  for (const line of table(
    ['question', 'API p50', 'API p99', 'GROUP BY p50', 'GROUP BY p99', 'GROUP BY ÷ API', `p50 < ${TARGET_P50_MS} ms`],
    rows,
  ))
    print(line);
  print();
  print(`slowest dashboard API p50: ${ms(slowest)} (target ${TARGET_P50_MS} ms); API figures include HTTP, authentication and JSON.`);
  print('* a range that starts or ends inside a month: orders and buyers are counted from the order groups of the range, so');
  print('  the time grows with the range. The dashboard asks for whole months only.');
  printApiWarnings();
  return 0;
}

await runBench('bench:reports', main);
