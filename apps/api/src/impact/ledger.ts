import { Injectable } from '@nestjs/common';
import { allocateByRates, reversalShareFen } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { IS_CERTIFIED } from '../catalog/product-sql';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { coopEntriesWrite, coopPartsOf, coopRefundEntries, coopSaleEntries, type CoopEntries, type CoopPart } from './coop-entries';
import { preparedRowsIn, recordSet } from '../database/sql';
import { pendingSumsOf, takeCountTurn, uncountOrder } from './rollups';

/** An order line as the ledger counts it: where it comes from, what it sold, and (once paid) whether it was certified and its pool. */
export interface LedgerLine {
  id: string;
  buyerId: string;
  cooperativeId: string;
  townshipCode: string;
  category: string;
  quantity: number;
  refundedQuantity: number;
  amountFen: number;
  rateBp: number;
  poolFen: number;
  certified: boolean;
}

const LINE_COLUMNS = `l.id, o.buyer_id AS "buyerId", l.cooperative_id AS "cooperativeId", l.origin_township_code AS "townshipCode",
  l.category, l.quantity, l.refunded_quantity AS "refundedQuantity", l.line_total_fen AS "amountFen",
  l.benefit_rate_bp AS "rateBp", l.pool_fen AS "poolFen"`;

/** What a payment fixes for good: each line's certification and pool, and the order's sums of them; and its cooperatives' parts, for their entries. */
export interface SaleAttribution {
  lines: LedgerLine[];
  linkedSalesFen: number;
  poolFen: number;
  coopParts: CoopPart[];
}

/** Giving back `quantity` units of `line` after `before` units went back already: its share of the line's sales and pool. */
function reversal(line: LedgerLine, before: number, quantity: number): Movement {
  const salesBackFen = reversalShareFen(line.amountFen, line.quantity, before, quantity);
  return {
    line,
    quantity: -quantity,
    gmvFen: -salesBackFen,
    linkedSalesFen: line.certified ? -salesBackFen : 0,
    poolFen: -reversalShareFen(line.poolFen, line.quantity, before, quantity),
  };
}

/** One change of one line: signed figures for the ledger (when certified) and the rollup (always). */
export interface Movement {
  line: LedgerLine;
  quantity: number;
  gmvFen: number;
  linkedSalesFen: number;
  poolFen: number;
}

/** The Movements of a payment or refund, as Ledger.write takes them. */
const MOVEMENTS = recordSet({
  line_id: 'uuid',
  certified: 'boolean',
  buyer_id: 'uuid',
  cooperative_id: 'uuid',
  township_code: 'text',
  category: 'text',
  quantity: 'int',
  gmv: 'bigint',
  linked: 'bigint',
  pool: 'bigint',
});

/** A CTE of Ledger.write for a sale (`movement`: its lines): the order's groups, for countOrders to count. */
const SALE_GROUPS = `
  groups AS (
    INSERT INTO impact_order_group (order_id, cooperative_id, township_code, category, day, buyer_id, linked)
    SELECT $2, x.cooperative_id, x.township_code, x.category, qh_today(), x.buyer_id, bool_or(x.certified)
      FROM movement x
     GROUP BY x.cooperative_id, x.township_code, x.category, x.buyer_id)`;

/**
 * The attribution ledger: what each paid line of a certified product pledged to the linked
 * households, and what refunds gave back. Entries are only ever added (a trigger refuses the rest),
 * with the cooperatives' entries and their months in the same transaction; the sums the reports read
 * take the payment's pending sums in, and the orders and buyers count the order, later, before any
 * report reads them (ImpactCatchUp), so that the reports always agree with the entries. The ledger
 * reads order lines and works out what a payment or refund means for them; the orders write it on
 * their own rows (OrderTransitions), the ledger on its own.
 */
@Injectable()
export class Ledger {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /**
   * The order was just paid: what counts is fixed now. Certification is read as of the payment
   * (a certificate may have lapsed since checkout), and the order's pool is split among its lines
   * by largest remainder, so the lines add up to the order's pool exactly. With the impact writes
   * to come (recordSale), the same statement reads the cooperatives' parts: a round trip fewer.
   */
  async saleAttribution(manager: EntityManager, orderId: string): Promise<SaleAttribution> {
    const impact = this.config.impactWrites;
    const [{ lines, coopParts }] = await preparedRowsIn<{ lines: LedgerLine[]; coopParts: CoopPart[] }>(
      manager,
      `SELECT (SELECT json_agg(l ORDER BY l.id) FROM (
                SELECT ${LINE_COLUMNS}, ${IS_CERTIFIED} AS certified
                  FROM order_line l JOIN product p ON p.id = l.product_id WHERE l.order_id = o.id) l) AS lines,
              ${impact ? coopPartsOf('o.id') : `'[]'::json`} AS "coopParts"
         FROM "order" o WHERE o.id = $1`,
      [orderId],
    );
    const pools = allocateByRates(
      lines.map((line) => line.amountFen),
      lines.map((line) => (line.certified ? line.rateBp : 0)),
    );
    lines.forEach((line, index) => (line.poolFen = pools[index]));
    return {
      lines,
      linkedSalesFen: lines.filter((line) => line.certified).reduce((sum, line) => sum + line.amountFen, 0),
      poolFen: pools.reduce((sum, pool) => sum + pool, 0),
      coopParts,
    };
  }

  /**
   * The order was paid (its lines now hold `attribution`): its entries, its pending sums, and its
   * groups, which ImpactCatchUp takes into the sums and counts among the orders and buyers later.
   */
  async recordSale(manager: EntityManager, orderId: string, { lines, coopParts }: SaleAttribution): Promise<void> {
    // Off only in `npm run bench:payments`, to weigh these writes; a production start refuses that.
    if (!this.config.impactWrites) return;
    const movements = lines.map((line) => ({
      line,
      quantity: line.quantity,
      gmvFen: line.amountFen,
      linkedSalesFen: line.certified ? line.amountFen : 0,
      poolFen: line.poolFen,
    }));
    await this.write(manager, orderId, null, movements, coopSaleEntries(coopParts, lines));
  }

  /**
   * The provider confirmed a refund: each refunded unit gives back its share of its line's sales
   * and pool, so that once every unit of a line is back its entries sum to zero exactly. `whole`:
   * the order is refunded in full, so whatever no line-by-line refund covered goes back too (a
   * refund made at the provider knows no lines).
   */
  async refundMovements(manager: EntityManager, orderId: string, refundId: string, whole: boolean): Promise<Movement[]> {
    const lines: (LedgerLine & { refunding: number })[] = await manager.query(
      `SELECT ${LINE_COLUMNS}, l.certified, coalesce(rl.quantity, 0) AS refunding
         FROM order_line l JOIN "order" o ON o.id = l.order_id
         LEFT JOIN refund_line rl ON rl.order_line_id = l.id AND rl.refund_id = $2
        WHERE l.order_id = $1 ORDER BY l.id FOR UPDATE OF l`,
      [orderId, refundId],
    );
    return lines
      .map((line) => ({ line, quantity: whole ? line.quantity - line.refundedQuantity : line.refunding }))
      .filter(({ quantity }) => quantity > 0)
      .map(({ line, quantity }) => reversal(line, line.refundedQuantity, quantity));
  }

  /**
   * An order on account was just paid and its sale recorded: the credits given on it before (its
   * confirmed refunds, oldest first) reverse their share now, each unit exactly as it would have had
   * it come after the payment, so that the order's entries end where an order paid online would.
   */
  async recordCreditsBeforePayment(manager: EntityManager, order: { id: string; buyerId: string }): Promise<void> {
    const credits: { refundId: string; lineId: string; quantity: number }[] = await manager.query(
      `SELECT r.id AS "refundId", rl.order_line_id AS "lineId", rl.quantity
         FROM refund r JOIN refund_line rl ON rl.refund_id = r.id
        WHERE r.order_id = $1 AND r.status = 'SUCCEEDED' AND rl.quantity > 0
        ORDER BY r.confirmed_at, r.id, rl.order_line_id`,
      [order.id],
    );
    if (!credits.length) return;
    const lines: LedgerLine[] = await manager.query(
      `SELECT ${LINE_COLUMNS}, l.certified FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE l.order_id = $1`,
      [order.id],
    );
    const byId = new Map(lines.map((line) => [line.id, line]));
    const reversedUnits = new Map<string, number>();
    for (const refundId of new Set(credits.map((credit) => credit.refundId))) {
      const movements = credits
        .filter((credit) => credit.refundId === refundId)
        .map((credit) => {
          const line = byId.get(credit.lineId)!;
          const before = reversedUnits.get(line.id) ?? 0;
          reversedUnits.set(line.id, before + credit.quantity);
          return reversal(line, before, credit.quantity);
        });
      await this.recordRefund(manager, order, refundId, false, movements);
    }
  }

  /** The refund's `movements` (its lines now hold them as refunded units): its reversal entries and the rollups. */
  async recordRefund(
    manager: EntityManager,
    order: { id: string; buyerId: string },
    refundId: string,
    whole: boolean,
    movements: Movement[],
  ): Promise<void> {
    // What is read, the count turn, then the rows every payment and refund writes.
    const coop = await coopRefundEntries(manager, order.id, refundId, movements);
    if (whole) await takeCountTurn(manager);
    await this.write(manager, order.id, refundId, movements, coop);
    // Refunded in full, the order no longer counts among the orders and buyers of any group.
    if (whole) await uncountOrder(manager, order.id, order.buyerId);
  }

  /**
   * Ledger entries for the certified lines, the pending sums of every line (pendingSumsOf) and the
   * cooperatives' entries and months; for a sale, the order's groups too (its lines by cooperative,
   * township and category), uncounted. One statement: a payment's time went more to the round trips
   * and the planning of its statements than to what they do. The cooperatives' months are the only
   * rows that payments share, in cooperative order, and every payment waits for the one before it on
   * them until it commits: nothing comes between this statement and the commit.
   */
  private async write(
    manager: EntityManager,
    orderId: string,
    refundId: string | null,
    movements: Movement[],
    coop: CoopEntries,
  ): Promise<void> {
    if (!movements.length) {
      // A refund of shipping only: the cooperatives' entries alone.
      const alone = coopEntriesWrite(coop, { order: '$1', refund: '$2', first: 3 });
      if (alone) await preparedRowsIn(manager, `WITH ${alone.ctes} SELECT 1`, [orderId, refundId, ...alone.values]);
      return;
    }
    const coopWrite = coopEntriesWrite(coop, { order: '$2', refund: '$3', first: 5 });
    await preparedRowsIn(
      manager,
      `WITH movement AS (
         SELECT * FROM ${MOVEMENTS.from('$4', 'x')}),
       ${coopWrite ? `${coopWrite.ctes},` : ''}
       ${refundId === null ? `${SALE_GROUPS},` : ''}
       entries AS (
         INSERT INTO attribution_entry (kind, order_id, order_line_id, refund_id, buyer_id, cooperative_id, township_code, category,
                                        quantity, linked_sales_fen, pool_fen, day)
         SELECT $1, $2, x.line_id, $3, x.buyer_id, x.cooperative_id, x.township_code, x.category, x.quantity, x.linked, x.pool, qh_today()
           FROM movement x WHERE x.certified)
       ${pendingSumsOf('$2')}`,
      [
        refundId === null ? 'SALE' : 'REVERSAL',
        orderId,
        refundId,
        MOVEMENTS.value(
          movements.map((m) => ({
            line_id: m.line.id,
            certified: m.line.certified,
            buyer_id: m.line.buyerId,
            cooperative_id: m.line.cooperativeId,
            township_code: m.line.townshipCode,
            category: m.line.category,
            quantity: m.quantity,
            gmv: m.gmvFen,
            linked: m.linkedSalesFen,
            pool: m.poolFen,
          })),
        ),
        ...(coopWrite?.values ?? []),
      ],
    );
  }
}
