import { platformFeeChangeFen, splitRefundedShipping } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { recordSet } from '../database/sql';

/** What a line of the order holds for its cooperative (the ledger's LedgerLine). */
interface SoldLine {
  cooperativeId: string;
  amountFen: number;
  poolFen: number;
}

/** One change of one line (the ledger's Movement): signed goods and pool. */
interface LineMovement {
  line: { cooperativeId: string };
  gmvFen: number;
  poolFen: number;
}

export interface CoopEntry {
  cooperativeId: string;
  goodsFen: number;
  shippingFen: number;
  feeFen: number;
  feeBp: number;
  poolFen: number;
}

/** A payment's or a refund's entries for the cooperatives of the order, as coopEntriesWrite writes them. */
export interface CoopEntries {
  kind: 'SALE' | 'REFUND';
  entries: CoopEntry[];
}

/** A cooperative's part of an order, as a sale's entries need it: its parcel's shipping and its platform fee rate. */
export interface CoopPart {
  cooperativeId: string;
  shippingFen: number;
  feeBp: number;
}

/** The parts (CoopPart) of the order `order` (an SQL expression) as a JSON array, in cooperative order: for a statement that reads the order anyway. */
export const coopPartsOf = (order: string) => `(
  SELECT coalesce(json_agg(p ORDER BY p."cooperativeId"), '[]')
    FROM (SELECT f.cooperative_id AS "cooperativeId", f.fee_fen AS "shippingFen", c.platform_fee_bp AS "feeBp"
            FROM fulfillment f JOIN cooperative c ON c.id = f.cooperative_id WHERE f.order_id = ${order}) p)`;

/**
 * What each payment and refund means for the cooperatives of the order: the rows the marketplace's
 * statements to them are summed from, written in the same transaction as the ledger (by the ledger's
 * statement, with coopEntriesWrite). The only writer of `coop_entry`. A sale's: from the order's
 * parts (coopPartsOf) and its lines.
 */
export function coopSaleEntries(parts: CoopPart[], lines: SoldLine[]): CoopEntries {
  const entries = parts.map((part): CoopEntry => {
    const own = lines.filter((line) => line.cooperativeId === part.cooperativeId);
    const goodsFen = own.reduce((sum, line) => sum + line.amountFen, 0);
    return {
      cooperativeId: part.cooperativeId,
      goodsFen,
      shippingFen: part.shippingFen,
      feeFen: platformFeeChangeFen(0, goodsFen + part.shippingFen, part.feeBp),
      feeBp: part.feeBp,
      poolFen: own.reduce((sum, line) => sum + line.poolFen, 0),
    };
  });
  return { kind: 'SALE', entries };
}

/**
 * A confirmed refund of a paid order: each cooperative gives back its lines' goods and pool as the
 * ledger's movements say, its share of the refund's shipping (in proportion to what its fee still
 * holds), and the platform's fee on what it gives back, at the sale's rate.
 */
export async function coopRefundEntries(
  manager: EntityManager,
  orderId: string,
  refundId: string,
  movements: LineMovement[],
): Promise<CoopEntries> {
  const parts: { cooperativeId: string; netFen: number; shippingLeftFen: number; feeBp: number }[] = await manager.query(
    `SELECT e.cooperative_id AS "cooperativeId", sum(e.goods_fen + e.shipping_fen) AS "netFen", sum(e.shipping_fen) AS "shippingLeftFen",
            max(e.fee_bp) FILTER (WHERE e.kind = 'SALE') AS "feeBp"
       FROM coop_entry e WHERE e.order_id = $1 GROUP BY e.cooperative_id ORDER BY e.cooperative_id`,
    [orderId],
  );
  const [{ shippingFen }] = await manager.query(`SELECT shipping_fen AS "shippingFen" FROM refund WHERE id = $1`, [refundId]);
  const shippingBack = splitRefundedShipping(
    shippingFen,
    parts.map((part) => Math.max(0, part.shippingLeftFen)),
  );
  const entries = parts.map((part, index): CoopEntry => {
    const own = movements.filter((movement) => movement.line.cooperativeId === part.cooperativeId);
    const goodsFen = own.reduce((sum, movement) => sum + movement.gmvFen, 0);
    const after = Math.max(0, part.netFen + goodsFen - shippingBack[index]);
    return {
      cooperativeId: part.cooperativeId,
      goodsFen,
      shippingFen: -shippingBack[index],
      feeFen: platformFeeChangeFen(Math.max(0, part.netFen), after, part.feeBp ?? 0),
      feeBp: part.feeBp ?? 0,
      poolFen: own.reduce((sum, movement) => sum + movement.poolFen, 0),
    };
  });
  return { kind: 'REFUND', entries: entries.filter((entry) => entry.goodsFen || entry.shippingFen || entry.poolFen) };
}

/** coop_month, the entries summed per cooperative and month, as the entries are now: after a bulk write of entries (the history). */
export async function rebuildCoopMonths(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query(`TRUNCATE coop_month`);
  await client.query(
    `INSERT INTO coop_month (cooperative_id, month, goods_fen, refunded_goods_fen, shipping_fen, refunded_shipping_fen, fee_fen, pool_fen)
     SELECT cooperative_id, date_trunc('month', day)::date,
            coalesce(sum(goods_fen) FILTER (WHERE kind = 'SALE'), 0), -coalesce(sum(goods_fen) FILTER (WHERE kind = 'REFUND'), 0),
            coalesce(sum(shipping_fen) FILTER (WHERE kind = 'SALE'), 0), -coalesce(sum(shipping_fen) FILTER (WHERE kind = 'REFUND'), 0),
            sum(fee_fen), sum(pool_fen)
       FROM coop_entry GROUP BY 1, 2`,
  );
}

/** The cooperatives' entries as coopEntriesWrite takes them: one row per cooperative of the order. */
const COOP_PARTS = recordSet({ cooperative_id: 'uuid', goods: 'bigint', shipping: 'bigint', fee: 'bigint', fee_bp: 'int', pool: 'bigint' });

/**
 * CTEs writing `entries` (coop_entry, and coop_month raised by them, in cooperative order) into a
 * statement about the order and the refund that the parameter references `order` and `refund` name,
 * with their own values as the parameters from `$first` on (answered as `values`); null when there is
 * nothing to write.
 */
export function coopEntriesWrite(
  { kind, entries }: CoopEntries,
  { order, refund, first }: { order: string; refund: string; first: number },
): { ctes: string; values: unknown[] } | null {
  if (!entries.length) return null;
  // A refund's entries are negative: what went back is counted as refunded, positive.
  const sign = kind === 'SALE' ? 1 : -1;
  const [goods, shipping] = kind === 'SALE' ? ['goods_fen', 'shipping_fen'] : ['refunded_goods_fen', 'refunded_shipping_fen'];
  const $ = (n: number) => `$${first + n}`;
  const ctes = `
    coop_part AS (
      SELECT * FROM ${COOP_PARTS.from($(0), 'x')}),
    coop_entries AS (
      INSERT INTO coop_entry (kind, order_id, refund_id, cooperative_id, goods_fen, shipping_fen, fee_fen, fee_bp, pool_fen, day)
      SELECT '${kind}', ${order}, ${refund}, x.cooperative_id, x.goods, x.shipping, x.fee, x.fee_bp, x.pool, qh_today() FROM coop_part x),
    coop_months AS (
      INSERT INTO coop_month AS m (cooperative_id, month, ${goods}, ${shipping}, fee_fen, pool_fen)
      SELECT x.cooperative_id, date_trunc('month', qh_today())::date, ${sign} * x.goods, ${sign} * x.shipping, x.fee, x.pool
        FROM coop_part x
       ORDER BY x.cooperative_id
      ON CONFLICT (cooperative_id, month) DO UPDATE
        SET ${goods} = m.${goods} + EXCLUDED.${goods}, ${shipping} = m.${shipping} + EXCLUDED.${shipping},
            fee_fen = m.fee_fen + EXCLUDED.fee_fen, pool_fen = m.pool_fen + EXCLUDED.pool_fen)`;
  return {
    ctes,
    values: [
      COOP_PARTS.value(
        entries.map((entry) => ({
          cooperative_id: entry.cooperativeId,
          goods: entry.goodsFen,
          shipping: entry.shippingFen,
          fee: entry.feeFen,
          fee_bp: entry.feeBp,
          pool: entry.poolFen,
        })),
      ),
    ],
  };
}
