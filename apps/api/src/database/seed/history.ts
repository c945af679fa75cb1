import {
  addDays,
  allocateByRates,
  chinaDay,
  coldestShippingClass,
  formatOrderNumber,
  makeCreditCode,
  ORGANISATION_TYPE_CODES,
  platformFeeChangeFen,
  reservedTargetFen,
  settleDay,
  shippingFeeFen,
  type ProductCategory,
  type ShippingClass,
  type ShippingRate,
} from '@qh/domain';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { rebuildCoopMonths } from '../../impact/coop-entries';
import { rebuildRollups } from '../../impact/rollups';
import { countAllocations } from '../../impact/trail-rollups';

/**
 * A realistic multi-year history for the dashboard and its benchmark: paid orders since the
 * pairing began (September 2016), more each year, more around Spring Festival, Mid-Autumn and
 * "Double 11", cherries only in their April–May season, about one in a hundred refunded in full.
 * Written in bulk through the same tables the app writes: orders, their shipments, lines and
 * payments, the ledger's SALE and REVERSAL entries, the cooperatives' entries (`coop_entry`) and the
 * rollups the reports read. Digests and settlements are left to their own services, which the
 * caller runs afterwards.
 */

export interface HistoryOptions {
  orders: number;
  /** Same seed, same history. */
  seed: number;
  firstDay: string;
  lastDay: string;
  /** Budget units to add first (verified, each with a purchaser, a site and this year's and last year's plans): the league table's rows. */
  organisations?: number;
  onProgress?: (done: number) => void;
}

interface CatalogVariant {
  variant_id: string;
  product_id: string;
  cooperative_id: string;
  township_code: string;
  category: ProductCategory;
  slug: string;
  title_zh: string;
  title_en: string;
  label_zh: string;
  label_en: string;
  price_fen: number;
  weight_g: number;
  certified: boolean;
  rate_bp: number;
  shipping_class: ShippingClass;
  /** The cooperative's platform fee now, fixed on each sale's `coop_entry` as the app fixes it at payment. */
  fee_bp: number;
}

/** mulberry32: small, fast and good enough to make data from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const isCherrySeason = (date: Date) => date.getUTCMonth() === 3 || (date.getUTCMonth() === 4 && date.getUTCDate() <= 20);

/** How busy a day is: growth year on year, festivals, weekends. */
function dayWeight(date: Date, firstYear: number): number {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  let weight = 1 + 0.35 * (date.getUTCFullYear() - firstYear);
  if ((month === 1 && day >= 10) || (month === 2 && day <= 10)) weight *= 2.2; // Spring Festival shopping
  if ((month === 9 && day >= 5) || (month === 10 && day <= 3)) weight *= 1.7; // Mid-Autumn
  if (month === 11 && day >= 1 && day <= 11) weight *= 2.5; // Double 11
  if (month === 4 || (month === 5 && day <= 20)) weight *= 1.4; // cherries
  if ([0, 6].includes(date.getUTCDay())) weight *= 1.2;
  return weight;
}

const BATCH = 2_000;

export async function generateHistory(
  client: Client,
  options: HistoryOptions,
): Promise<{ orders: number; lines: number; buyers: number; refunded: number }> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const catalog: CatalogVariant[] = (
    await client.query(
      `SELECT v.id AS variant_id, p.id AS product_id, p.cooperative_id, p.origin_township_code AS township_code, p.category, p.slug,
              p.title_zh, p.title_en, v.label_zh, v.label_en, v.price_fen, v.weight_g, p.shipping_class,
              (p.certification_no IS NOT NULL) AS certified, coalesce(p.benefit_rate_bp, c.default_benefit_rate_bp) AS rate_bp,
              c.platform_fee_bp AS fee_bp
         FROM product_variant v JOIN product p ON p.id = v.product_id JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND c.status = 'VERIFIED' ORDER BY v.id`,
    )
  ).rows;
  if (catalog.length === 0) throw new Error('No published products to sell: seed the demo data first');
  const cherries = catalog.filter((v) => v.category === 'CHERRY');
  const others = catalog.filter((v) => v.category !== 'CHERRY');
  const rates = new Map<ShippingClass, ShippingRate>(
    (await client.query(`SELECT shipping_class, base_fen, base_weight_g, per_extra_kg_fen, free_over_fen FROM shipping_rate`)).rows.map(
      (r) => [
        r.shipping_class,
        { baseFen: r.base_fen, baseWeightG: r.base_weight_g, perExtraKgFen: r.per_extra_kg_fen, freeOverFen: r.free_over_fen },
      ],
    ),
  );
  const districts: string[] = (await client.query(`SELECT code FROM delivery_district WHERE cold_chain ORDER BY code`)).rows.map(
    (r) => r.code,
  );
  const runTag = options.seed.toString(36);
  if (options.organisations) await addOrganisations(client, options, runTag, random);
  // The verified organisations (the demo's canteens and union, and any just added), each ordering by the case for its first site in the last year.
  const organisations: { id: string; purchaser: string; site: { id: string; address: object } }[] = (
    await client.query(
      `SELECT o.id, (SELECT m.account_id FROM organisation_member m WHERE m.organisation_id = o.id AND 'PURCHASER' = ANY(m.roles)
                      ORDER BY m.joined_at LIMIT 1) AS purchaser,
              s.id AS site_id, s.name, s.district_code, s.street, s.contact_name, s.contact_mobile
         FROM organisation o
         JOIN LATERAL (SELECT * FROM delivery_site d WHERE d.organisation_id = o.id AND d.archived_at IS NULL ORDER BY d.created_at LIMIT 1) s ON true
        WHERE o.status = 'VERIFIED' ORDER BY o.credit_code`,
    )
  ).rows
    .filter((r) => r.purchaser)
    .map((r) => ({
      id: r.id,
      purchaser: r.purchaser,
      site: {
        id: r.site_id,
        address: { name: r.contact_name, mobile: r.contact_mobile, districtCode: r.district_code, street: r.street, siteName: r.name },
      },
    }));
  const organisationsFrom = Date.parse(`${options.lastDay}T00:00:00Z`) - 365 * DAY_MS;
  const canteenGoods = others.filter((v) => v.shipping_class !== 'FROZEN');

  // Days, weighted, as a cumulative table to draw from.
  const first = Date.parse(`${options.firstDay}T00:00:00Z`);
  const last = Date.parse(`${options.lastDay}T00:00:00Z`);
  const days: Date[] = [];
  for (let t = first; t <= last; t += DAY_MS) days.push(new Date(t));
  const cumulative: number[] = [];
  let sum = 0;
  for (const day of days) cumulative.push((sum += dayWeight(day, new Date(first).getUTCFullYear())));
  const drawDay = () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return days[low];
  };

  // Buyers: about one for every six orders; a few come back often.
  const buyerCount = Math.max(20, Math.round(options.orders / 6));
  const buyers: string[] = [];
  for (let start = 0; start < buyerCount; start += 10_000) {
    const emails = Array.from({ length: Math.min(10_000, buyerCount - start) }, (_, i) => `history-${runTag}-${start + i}@buyers.invalid`);
    const { rows } = await client.query(
      `INSERT INTO account (email, password_hash, role, disabled_at) SELECT e, $2, 'buyer', qh_now() FROM unnest($1::text[]) AS e RETURNING id`,
      [emails, LOCKED_HASH],
    );
    buyers.push(...rows.map((r) => r.id as string));
  }
  const drawBuyer = () => buyers[Math.floor(Math.pow(random(), 1.6) * buyers.length)];

  const { rows: sequenceRows } = await client.query(`SELECT nextval('order_number_seq') AS first FROM generate_series(1, 1)`);
  let sequence = Number(sequenceRows[0].first);
  await client.query(`SELECT setval('order_number_seq', $1)`, [sequence + options.orders]);

  const rollup = new Map<string, { gmv: number; linked: number; pool: number; units: number }>();
  const addRollup = (day: string, v: CatalogVariant, gmv: number, linked: number, pool: number, units: number) => {
    const key = `${day}|${v.cooperative_id}|${v.township_code}|${v.category}`;
    const row = rollup.get(key) ?? rollup.set(key, { gmv: 0, linked: 0, pool: 0, units: 0 }).get(key)!;
    row.gmv += gmv;
    row.linked += linked;
    row.pool += pool;
    row.units += units;
  };

  let lineCount = 0;
  let refundedCount = 0;
  for (let start = 0; start < options.orders; start += BATCH) {
    const size = Math.min(BATCH, options.orders - start);
    const orders: unknown[][] = [];
    const fulfillments: unknown[][] = [];
    const lines: unknown[][] = [];
    const payments: unknown[][] = [];
    const entries: unknown[][] = [];
    const groups: unknown[][] = [];
    const refunds: unknown[][] = [];
    const refundLines: unknown[][] = [];
    const coopEntries: unknown[][] = [];
    for (let n = 0; n < size; n++) {
      const day = drawDay();
      const at = new Date(day.getTime() + Math.floor((0.3 + random() * 0.65) * DAY_MS) - 8 * 3600_000);
      const orderDay = chinaDay(at);
      const orderId = randomUUID();
      // One order in twenty of the last year is an organisation's, by the case, for its site three days on.
      const organisation = day.getTime() >= organisationsFrom && organisations.length && random() < 0.05 ? pick(organisations) : null;
      const buyerId = organisation?.purchaser ?? drawBuyer();
      const pool = organisation ? canteenGoods : isCherrySeason(day) && cherries.length && random() < 0.6 ? cherries : others;
      const chosen = new Map<CatalogVariant, number>();
      const lineTotal = 1 + Math.floor(Math.pow(random(), 2) * 3);
      for (let l = 0; l < lineTotal; l++) {
        const variant = pick(pool.length ? pool : catalog);
        const units = organisation ? 5 + Math.floor(random() * 36) : 1 + Math.floor(Math.pow(random(), 3) * 3);
        chosen.set(variant, (chosen.get(variant) ?? 0) + units);
      }
      const picked = [...chosen.entries()];
      const amounts = picked.map(([v, q]) => v.price_fen * q);
      const pools = allocateByRates(
        amounts,
        picked.map(([v]) => (v.certified ? v.rate_bp : 0)),
      );
      const refunded = random() < 0.01;
      const byCooperative = new Map<string, number[]>();
      picked.forEach(([v], i) => byCooperative.set(v.cooperative_id, [...(byCooperative.get(v.cooperative_id) ?? []), i]));
      let shippingFen = 0;
      const fulfillmentOf = new Map<string, string>();
      const parts: { cooperativeId: string; goodsFen: number; shippingFen: number; feeBp: number; poolFen: number }[] = [];
      for (const [cooperativeId, indexes] of byCooperative) {
        const shippingClass = coldestShippingClass(indexes.map((i) => picked[i][0].shipping_class));
        const itemsFen = indexes.reduce((s, i) => s + amounts[i], 0);
        const weightG = indexes.reduce((s, i) => s + picked[i][0].weight_g * picked[i][1], 0);
        const feeFen = shippingFeeFen({ itemsFen, weightG }, rates.get(shippingClass)!);
        shippingFen += feeFen;
        parts.push({
          cooperativeId,
          goodsFen: itemsFen,
          shippingFen: feeFen,
          feeBp: picked[indexes[0]][0].fee_bp,
          poolFen: indexes.reduce((s, i) => s + pools[i], 0),
        });
        const fulfillmentId = randomUUID();
        fulfillmentOf.set(cooperativeId, fulfillmentId);
        const shippedAt = new Date(at.getTime() + DAY_MS);
        fulfillments.push([
          fulfillmentId,
          orderId,
          cooperativeId,
          'SHIPPED',
          shippingClass,
          weightG,
          itemsFen,
          feeFen,
          '顺丰速运',
          `SF${sequence}${fulfillments.length}`,
          shippedAt,
          at,
        ]);
      }
      const itemsFen = amounts.reduce((s, a) => s + a, 0);
      const totalFen = itemsFen + shippingFen;
      const linkedFen = picked.reduce((s, [v], i) => s + (v.certified ? amounts[i] : 0), 0);
      const poolFen = pools.reduce((s, p) => s + p, 0);
      const number = formatOrderNumber(at, sequence++);
      const refundAt = new Date(at.getTime() + 3 * DAY_MS);
      const refundDay = chinaDay(refundAt);
      const address = organisation?.site.address ?? {
        name: '历史订单',
        mobile: '13800000000',
        districtCode: pick(districts),
        street: '天河路',
      };
      orders.push([
        orderId,
        number,
        buyerId,
        refunded ? 'REFUNDED' : 'COMPLETED',
        JSON.stringify(address),
        itemsFen,
        shippingFen,
        totalFen,
        linkedFen,
        poolFen,
        refunded ? totalFen : 0,
        at,
        new Date(at.getTime() + 30 * 60_000),
        organisation?.id ?? null,
        organisation?.site.id ?? null,
        organisation ? addDays(orderDay, 3) : null,
      ]);
      const paymentId = randomUUID();
      payments.push([paymentId, orderId, 'demo', `demo_${orderId}`, totalFen, refunded ? 'REFUNDED' : 'SUCCEEDED', at]);
      const refundId = refunded ? randomUUID() : null;
      if (refundId) {
        refunds.push([refundId, orderId, paymentId, totalFen, shippingFen, refundAt]);
        refundedCount++;
      }
      // What the payment, and a refund in full, mean for each cooperative of the order (as recordCoopSale and
      // recordCoopRefund write them): a whole refund gives back every part's goods, fee and pool, and the
      // platform's fee on them, so each REFUND row is its SALE row negated.
      for (const part of parts) {
        const feeFen = platformFeeChangeFen(0, part.goodsFen + part.shippingFen, part.feeBp);
        coopEntries.push([
          'SALE',
          orderId,
          null,
          part.cooperativeId,
          part.goodsFen,
          part.shippingFen,
          feeFen,
          part.feeBp,
          part.poolFen,
          orderDay,
          at,
        ]);
        if (refundId) {
          coopEntries.push([
            'REFUND',
            orderId,
            refundId,
            part.cooperativeId,
            -part.goodsFen,
            -part.shippingFen,
            -feeFen,
            part.feeBp,
            -part.poolFen,
            refundDay,
            refundAt,
          ]);
        }
      }
      picked.forEach(([v, quantity], i) => {
        const lineId = randomUUID();
        lineCount++;
        lines.push([
          lineId,
          orderId,
          fulfillmentOf.get(v.cooperative_id),
          v.variant_id,
          v.product_id,
          v.cooperative_id,
          v.slug,
          v.title_zh,
          v.title_en,
          v.label_zh,
          v.label_en,
          v.category,
          v.township_code,
          v.price_fen,
          quantity,
          v.weight_g,
          v.certified,
          v.rate_bp,
          pools[i],
          v.shipping_class,
          refunded ? quantity : 0,
        ]);
        addRollup(orderDay, v, amounts[i], v.certified ? amounts[i] : 0, pools[i], quantity);
        if (v.certified)
          entries.push([
            'SALE',
            orderId,
            lineId,
            null,
            buyerId,
            v.cooperative_id,
            v.township_code,
            v.category,
            quantity,
            amounts[i],
            pools[i],
            at,
            orderDay,
          ]);
        if (refundId) {
          refundLines.push([refundId, lineId, quantity, amounts[i]]);
          addRollup(refundDay, v, -amounts[i], v.certified ? -amounts[i] : 0, -pools[i], -quantity);
          if (v.certified) {
            entries.push([
              'REVERSAL',
              orderId,
              lineId,
              refundId,
              buyerId,
              v.cooperative_id,
              v.township_code,
              v.category,
              -quantity,
              -amounts[i],
              -pools[i],
              refundAt,
              refundDay,
            ]);
          }
        }
      });
      if (!refunded) {
        const seen = new Set<string>();
        for (const [v] of picked) {
          const key = `${v.cooperative_id}|${v.township_code}|${v.category}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const linked = picked.some(([w]) => w.certified && `${w.cooperative_id}|${w.township_code}|${w.category}` === key);
          groups.push([orderId, v.cooperative_id, v.township_code, v.category, orderDay, buyerId, linked]);
        }
      }
    }
    await insertBatch(client, { orders, fulfillments, lines, payments, entries, groups, refunds, refundLines, coopEntries });
    options.onProgress?.(start + size);
  }

  const keys = [...rollup.keys()];
  for (let start = 0; start < keys.length; start += 20_000) {
    const slice = keys.slice(start, start + 20_000);
    const parts = slice.map((key) => key.split('|'));
    const values = slice.map((key) => rollup.get(key)!);
    await client.query(
      `INSERT INTO impact_daily AS d (day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units)
       SELECT * FROM unnest($1::date[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
       ON CONFLICT (day, cooperative_id, township_code, category) DO UPDATE
         SET gmv_fen = d.gmv_fen + EXCLUDED.gmv_fen, linked_sales_fen = d.linked_sales_fen + EXCLUDED.linked_sales_fen,
             pool_fen = d.pool_fen + EXCLUDED.pool_fen, units = d.units + EXCLUDED.units`,
      [
        parts.map((p) => p[0]),
        parts.map((p) => p[1]),
        parts.map((p) => p[2]),
        parts.map((p) => p[3]),
        values.map((v) => v.gmv),
        values.map((v) => v.linked),
        values.map((v) => v.pool),
        values.map((v) => v.units),
      ],
    );
  }
  await rebuildRollups(client);
  await rebuildCoopMonths(client);
  return { orders: options.orders, lines: lineCount, buyers: buyers.length, refunded: refundedCount };
}

/**
 * Settles every unsettled day of a history through `lastDay` at once, as the daily settlement
 * (SettlementService) would one day at a time: the same rule (`settleDay`) on the same figures (each
 * day's pools by cooperative from the ledger, the links valid that day), the same rows (settled_day,
 * settlement_run, household_allocation) and the same trail rollups (`countAllocations`, summed per
 * month). Seconds instead of a transaction for each of thousands of days, for a demo's first start.
 * Not beside a running app: the job claims days one by one and would not expect a range claimed at once.
 */
export async function settleHistory(client: Client, lastDay: string): Promise<number> {
  const {
    rows: [range],
  } = await client.query(
    `SELECT to_char(coalesce((SELECT max(day) + 1 FROM settled_day), (SELECT min(day) FROM attribution_entry)), 'YYYY-MM-DD') AS first`,
  );
  const firstDay: string | null = range.first;
  if (!firstDay || firstDay > lastDay) return 0;
  const pools: { day: string; cooperative_id: string; pool_fen: string }[] = (
    await client.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, cooperative_id, sum(pool_fen)::text AS pool_fen
         FROM attribution_entry WHERE day BETWEEN $1::date AND $2::date GROUP BY 1, 2 ORDER BY 1, 2`,
      [firstDay, lastDay],
    )
  ).rows;
  const links: { household_id: string; cooperative_id: string; weight: number; valid_from: string; valid_to: string | null }[] = (
    await client.query(
      `SELECT household_id, cooperative_id, weight, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
         FROM household_link WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      [lastDay, firstDay],
    )
  ).rows;
  const runs: unknown[][] = [];
  const allocations: unknown[][] = [];
  for (let start = 0; start < pools.length;) {
    const day = pools[start].day;
    let end = start;
    while (end < pools.length && pools[end].day === day) end++;
    const dayPools = new Map(pools.slice(start, end).map((p) => [p.cooperative_id, Number(p.pool_fen)]));
    const valid = links
      .filter((l) => dayPools.has(l.cooperative_id) && l.valid_from <= day && (l.valid_to === null || l.valid_to >= day))
      .map((l) => ({ householdId: l.household_id, cooperativeId: l.cooperative_id, weight: l.weight }));
    for (const settlement of settleDay(dayPools, valid)) {
      runs.push([day, settlement.cooperativeId, settlement.poolFen, settlement.allocations.length, settlement.unallocatedFen]);
      for (const a of settlement.allocations) allocations.push([day, settlement.cooperativeId, a.householdId, a.amountFen, a.weight]);
    }
    start = end;
  }
  const column = (table: unknown[][], index: number) => table.map((row) => row[index]);
  await client.query('BEGIN');
  try {
    await client.query(`INSERT INTO settled_day (day) SELECT generate_series($1::date, $2::date, interval '1 day')::date`, [
      firstDay,
      lastDay,
    ]);
    for (let start = 0; start < runs.length; start += 50_000) {
      const slice = runs.slice(start, start + 50_000);
      await client.query(
        `INSERT INTO settlement_run (day, cooperative_id, pool_fen, households, unallocated_fen)
         SELECT * FROM unnest($1::date[], $2::uuid[], $3::bigint[], $4::int[], $5::bigint[])`,
        Array.from({ length: 5 }, (_, i) => column(slice, i)),
      );
    }
    await withChecksAfterwards(client, 'household_allocation', async () => {
      for (let start = 0; start < allocations.length; start += 50_000) {
        const slice = allocations.slice(start, start + 50_000);
        await client.query(
          `INSERT INTO household_allocation (day, cooperative_id, household_id, amount_fen, weight)
           SELECT * FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::bigint[], $5::int[])`,
          Array.from({ length: 5 }, (_, i) => column(slice, i)),
        );
      }
    });
    await countAllocations(client, firstDay, lastDay);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return runs.length;
}

/**
 * Runs `write`, a bulk insert into `table`, with the table's foreign keys and its indexes other than
 * the primary key and unique ones set aside, then puts them back as they were (their definitions read
 * from the catalog): every row is checked by one join and indexed by one sort, several times faster
 * than row by row. Only inside a transaction, so that it all holds or none of it does; the table is
 * locked until the commit (anyone else waits), so only where nobody is using the app: a first start,
 * `seed:history`.
 */
export async function withChecksAfterwards(client: Client, table: string, write: () => Promise<void>): Promise<void> {
  const { rows: keys } = await client.query(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [table],
  );
  const { rows: indexes } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT i.indisprimary AND NOT i.indisunique AND NOT i.indisexclusion
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1`,
    [table],
  );
  for (const key of keys) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await write();
  for (const index of indexes) await client.query(index.definition);
  for (const key of keys) await client.query(`ALTER TABLE ${table} ADD CONSTRAINT ${key.name} ${key.definition}`);
}

/** Not a password anyone knows: history accounts exist for the figures, not to sign in. */
export const LOCKED_HASH = '$argon2id$v=19$m=19456,t=2,p=1$aGlzdG9yeS1vbmx5$bG9ja2VkLWFjY291bnQtbm8tcGFzc3dvcmQ';

/**
 * `options.organisations` verified budget units across Guangzhou's districts, each with a purchaser
 * (also its manager), one delivery site, and a plan for the last day's year and the year before:
 * a canteen food budget of ¥0.5–20 million and the default 10% share (one in twenty has no canteen).
 */
async function addOrganisations(client: Client, options: HistoryOptions, runTag: string, random: () => number): Promise<void> {
  const count = options.organisations!;
  const districts: string[] = (await client.query(`SELECT code FROM delivery_district ORDER BY code`)).rows.map((r) => r.code);
  const { rows: accounts } = await client.query(
    `INSERT INTO account (email, password_hash, role, disabled_at) SELECT e, $2, 'buyer', qh_now() FROM unnest($1::text[]) AS e RETURNING id`,
    [Array.from({ length: count }, (_, i) => `history-${runTag}-unit-${i}@organisations.invalid`), LOCKED_HASH],
  );
  const purchasers = accounts.map((r) => r.id as string);
  const ids = purchasers.map(() => randomUUID());
  const district = purchasers.map(() => districts[Math.floor(random() * districts.length)]);
  const serial = Math.floor(random() * 1e8);
  await client.query(
    `INSERT INTO organisation (id, name, name_en, credit_code, type, district_code, budget_unit, has_canteen, contact_name, contact_mobile,
                               status, registered_by, verified_at)
     SELECT x.id, '历史单位' || x.n || '食堂', 'History unit ' || x.n, x.code, x.type, x.district, true, true, '李建华', '13800138000',
            'VERIFIED', x.purchaser, qh_now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS x(id, n, code, type, district, purchaser)`,
    [
      ids,
      ids.map((_, i) => i + 1),
      ids.map((_, i) =>
        makeCreditCode(
          `12${district[i]}${String(serial + i)
            .padStart(9, '0')
            .slice(-9)}`,
        ),
      ),
      ids.map(() => ORGANISATION_TYPE_CODES[Math.floor(random() * ORGANISATION_TYPE_CODES.length)]),
      district,
      purchasers,
    ],
  );
  await client.query(
    `INSERT INTO organisation_member (account_id, organisation_id, roles)
     SELECT x.account_id, x.organisation_id, '{MANAGER,PURCHASER}' FROM unnest($1::uuid[], $2::uuid[]) AS x(account_id, organisation_id)`,
    [purchasers, ids],
  );
  await client.query(
    `INSERT INTO delivery_site (organisation_id, name, district_code, street, contact_name, contact_mobile)
     SELECT x.id, '食堂', x.district, '天河路 1 号', '王', '13900139000' FROM unnest($1::uuid[], $2::text[]) AS x(id, district)`,
    [ids, district],
  );
  const year = Number(options.lastDay.slice(0, 4));
  const plans = ids.flatMap((id, i) =>
    [year - 1, year].map((planYear) => {
      const noCanteen = random() < 0.05;
      const budgetFen = noCanteen ? null : Math.round(500_000_00 + random() * 19_500_000_00);
      return [
        id,
        planYear,
        noCanteen,
        budgetFen,
        noCanteen ? null : 1_000,
        budgetFen === null ? null : reservedTargetFen(budgetFen, 1_000),
        purchasers[i],
      ];
    }),
  );
  const column = (index: number) => plans.map((plan) => plan[index]);
  await client.query(
    `INSERT INTO reserved_share_plan (organisation_id, year, no_canteen, budget_fen, share_bp, target_fen, updated_by)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::boolean[], $4::bigint[], $5::int[], $6::bigint[], $7::uuid[])`,
    Array.from({ length: 7 }, (_, i) => column(i)),
  );
}

/** Columns as arrays, one unnest per table: some thousands of rows per statement. */
async function insertBatch(client: Client, rows: Record<string, unknown[][]>): Promise<void> {
  const column = (table: unknown[][], index: number) => table.map((row) => row[index]);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "order" (id, number, buyer_id, status, address, items_fen, shipping_fen, total_fen, linked_sales_fen, household_pool_fen,
                            refunded_fen, paid_at, completed_at, created_at, updated_at, expires_at, request_hash,
                            organisation_id, delivery_site_id, delivery_on)
       SELECT x.id, x.number, x.buyer_id, x.status, x.address::jsonb, x.items, x.shipping, x.total, x.linked, x.pool, x.refunded,
              x.at, x.at + interval '11 days', x.at, x.at, x.expires, 'history', x.organisation_id, x.site_id, x.delivery_on
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
                     $10::bigint[], $11::bigint[], $12::timestamptz[], $13::timestamptz[], $14::uuid[], $15::uuid[], $16::date[])
              AS x(id, number, buyer_id, status, address, items, shipping, total, linked, pool, refunded, at, expires,
                   organisation_id, site_id, delivery_on)`,
      Array.from({ length: 16 }, (_, i) => column(rows.orders, i)),
    );
    await client.query(
      `INSERT INTO fulfillment (id, order_id, cooperative_id, status, shipping_class, weight_g, items_fen, fee_fen, carrier, tracking_no, shipped_at, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::int[], $9::text[], $10::text[],
                            $11::timestamptz[], $12::timestamptz[])`,
      Array.from({ length: 12 }, (_, i) => column(rows.fulfillments, i)),
    );
    await client.query(
      `INSERT INTO order_line (id, order_id, fulfillment_id, variant_id, product_id, cooperative_id, product_slug, title_zh, title_en, label_zh, label_en,
                               category, origin_township_code, unit_price_fen, quantity, line_total_fen, weight_g, certified, benefit_rate_bp, pool_fen,
                               shipping_class, refunded_quantity)
       SELECT x.id, x.order_id, x.fulfillment_id, x.variant_id, x.product_id, x.cooperative_id, x.slug, x.title_zh, x.title_en, x.label_zh, x.label_en,
              x.category, x.township, x.price, x.quantity, x.price::bigint * x.quantity, x.weight, x.certified, x.rate, x.pool, x.shipping_class, x.refunded
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::int[], $15::int[], $16::int[], $17::boolean[], $18::int[], $19::bigint[], $20::text[], $21::int[])
              AS x(id, order_id, fulfillment_id, variant_id, product_id, cooperative_id, slug, title_zh, title_en, label_zh, label_en,
                   category, township, price, quantity, weight, certified, rate, pool, shipping_class, refunded)`,
      Array.from({ length: 21 }, (_, i) => column(rows.lines, i)),
    );
    await client.query(
      `INSERT INTO payment (id, order_id, provider, provider_ref, amount_fen, status, received_fen, received_currency, succeeded_at, created_at, updated_at)
       SELECT x.id, x.order_id, x.provider, x.ref, x.amount, x.status, x.amount, 'cny', x.at, x.at, x.at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::timestamptz[]) AS x(id, order_id, provider, ref, amount, status, at)`,
      Array.from({ length: 7 }, (_, i) => column(rows.payments, i)),
    );
    if (rows.refunds.length) {
      await client.query(
        `INSERT INTO refund (id, order_id, payment_id, kind, amount_fen, shipping_fen, reason, status, provider_ref, created_at, confirmed_at, updated_at)
         SELECT x.id, x.order_id, x.payment_id, 'ADMIN', x.amount, x.shipping, '历史退款', 'SUCCEEDED', 'demo_refund_' || x.id, x.at, x.at, x.at
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::bigint[], $6::timestamptz[]) AS x(id, order_id, payment_id, amount, shipping, at)`,
        Array.from({ length: 6 }, (_, i) => column(rows.refunds, i)),
      );
      await client.query(
        `INSERT INTO refund_line (refund_id, order_line_id, quantity, amount_fen) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::bigint[])`,
        Array.from({ length: 4 }, (_, i) => column(rows.refundLines, i)),
      );
    }
    if (rows.entries.length) {
      await client.query(
        `INSERT INTO attribution_entry (kind, order_id, order_line_id, refund_id, buyer_id, cooperative_id, township_code, category, quantity,
                                        linked_sales_fen, pool_fen, occurred_at, day)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::bigint[],
                              $11::bigint[], $12::timestamptz[], $13::date[])`,
        Array.from({ length: 13 }, (_, i) => column(rows.entries, i)),
      );
    }
    await client.query(
      `INSERT INTO coop_entry (kind, order_id, refund_id, cooperative_id, goods_fen, shipping_fen, fee_fen, fee_bp, pool_fen, day, created_at)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[], $8::int[], $9::bigint[],
                            $10::date[], $11::timestamptz[])`,
      Array.from({ length: 11 }, (_, i) => column(rows.coopEntries, i)),
    );
    await client.query(
      // Counted already: rebuildRollups counts the history in bulk.
      `INSERT INTO impact_order_group (order_id, cooperative_id, township_code, category, day, buyer_id, linked, counted)
       SELECT g.*, true FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::uuid[], $7::boolean[]) AS g`,
      Array.from({ length: 7 }, (_, i) => column(rows.groups, i)),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
