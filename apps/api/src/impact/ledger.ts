import { Injectable } from '@nestjs/common';
import { allocateByRates, reversalShareFen } from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { IS_CERTIFIED } from '../catalog/product-sql';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { recordCoopRefund, recordCoopSale } from './coop-entries';
import { countOrder, countPurchase, refreshThisMonth, uncountOrder } from './rollups';

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

/** What a payment fixes for good: each line's certification and pool, and the order's sums of them. */
export interface SaleAttribution {
  lines: LedgerLine[];
  linkedSalesFen: number;
  poolFen: number;
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

/**
 * The attribution ledger: what each paid line of a certified product pledged to the linked
 * households, and what refunds gave back. Entries are only ever added (a trigger refuses the rest);
 * the rollups the reports read change in the same transaction, so they always agree. The ledger
 * reads order lines and works out what a payment or refund means for them; the orders write it on
 * their own rows (OrderTransitions), the ledger on its own.
 */
@Injectable()
export class Ledger {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /**
   * The order was just paid: what counts is fixed now. Certification is read as of the payment
   * (a certificate may have lapsed since checkout), and the order's pool is split among its lines
   * by largest remainder, so the lines add up to the order's pool exactly.
   */
  async saleAttribution(manager: EntityManager, orderId: string): Promise<SaleAttribution> {
    const lines: LedgerLine[] = await manager.query(
      `SELECT ${LINE_COLUMNS}, ${IS_CERTIFIED} AS certified
         FROM order_line l JOIN "order" o ON o.id = l.order_id JOIN product p ON p.id = l.product_id
        WHERE l.order_id = $1 ORDER BY l.id`,
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
    };
  }

  /** The order was paid (its lines now hold `attribution`): its entries, its groups and the rollups. */
  async recordSale(manager: EntityManager, orderId: string, { lines }: SaleAttribution): Promise<void> {
    // Off only in `npm run bench:payments`, to weigh these writes; a production start refuses that.
    if (!this.config.impactWrites) return;
    await manager.query(
      `INSERT INTO impact_order_group (order_id, cooperative_id, township_code, category, day, buyer_id, linked)
       SELECT $1, x.cooperative_id, x.township_code, x.category, qh_today(), $2, bool_or(x.certified)
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::boolean[]) AS x(cooperative_id, township_code, category, certified)
        GROUP BY x.cooperative_id, x.township_code, x.category`,
      [
        orderId,
        lines[0].buyerId,
        lines.map((line) => line.cooperativeId),
        lines.map((line) => line.townshipCode),
        lines.map((line) => line.category),
        lines.map((line) => line.certified),
      ],
    );
    await this.write(
      manager,
      orderId,
      null,
      lines.map((line) => ({
        line,
        quantity: line.quantity,
        gmvFen: line.amountFen,
        linkedSalesFen: line.certified ? line.amountFen : 0,
        poolFen: line.poolFen,
      })),
    );
    await recordCoopSale(manager, orderId, lines);
    // Last: every payment updates the rows of all time, this year and this month, so they are held
    // for as short a time before the commit as the transaction allows.
    await countOrder(manager, orderId, lines[0].buyerId);
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
    if (movements.length) await this.write(manager, order.id, refundId, movements);
    await recordCoopRefund(manager, order.id, refundId, movements);
    // Refunded in full, the order no longer counts among the orders and buyers of any group (last, as in recordSale).
    if (whole) await uncountOrder(manager, order.id, order.buyerId);
  }

  /**
   * Ledger entries for the certified lines, and the rollups for every line (who bought them too), in
   * key order so concurrent writers never deadlock.
   */
  private async write(manager: EntityManager, orderId: string, refundId: string | null, movements: Movement[]): Promise<void> {
    const certified = movements.filter((m) => m.line.certified);
    if (certified.length) {
      await manager.query(
        `INSERT INTO attribution_entry (kind, order_id, order_line_id, refund_id, buyer_id, cooperative_id, township_code, category,
                                        quantity, linked_sales_fen, pool_fen, day)
         SELECT $1, $2, x.line_id, $3, x.buyer_id, x.cooperative_id, x.township_code, x.category, x.quantity, x.linked, x.pool, qh_today()
           FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::bigint[], $11::bigint[])
                AS x(line_id, buyer_id, cooperative_id, township_code, category, quantity, linked, pool)`,
        [
          refundId ? 'REVERSAL' : 'SALE',
          orderId,
          refundId,
          certified.map((m) => m.line.id),
          certified.map((m) => m.line.buyerId),
          certified.map((m) => m.line.cooperativeId),
          certified.map((m) => m.line.townshipCode),
          certified.map((m) => m.line.category),
          certified.map((m) => m.quantity),
          certified.map((m) => m.linkedSalesFen),
          certified.map((m) => m.poolFen),
        ],
      );
    }
    await manager.query(
      `INSERT INTO impact_daily AS d (day, cooperative_id, township_code, category, gmv_fen, linked_sales_fen, pool_fen, units)
       SELECT qh_today(), x.cooperative_id, x.township_code, x.category, sum(x.gmv), sum(x.linked), sum(x.pool), sum(x.quantity)
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::int[])
              AS x(cooperative_id, township_code, category, gmv, linked, pool, quantity)
        GROUP BY x.cooperative_id, x.township_code, x.category
        ORDER BY x.cooperative_id, x.township_code, x.category
       ON CONFLICT (day, cooperative_id, township_code, category) DO UPDATE
         SET gmv_fen = d.gmv_fen + EXCLUDED.gmv_fen, linked_sales_fen = d.linked_sales_fen + EXCLUDED.linked_sales_fen,
             pool_fen = d.pool_fen + EXCLUDED.pool_fen, units = d.units + EXCLUDED.units`,
      [
        movements.map((m) => m.line.cooperativeId),
        movements.map((m) => m.line.townshipCode),
        movements.map((m) => m.line.category),
        movements.map((m) => m.gmvFen),
        movements.map((m) => m.linkedSalesFen),
        movements.map((m) => m.poolFen),
        movements.map((m) => m.quantity),
      ],
    );
    // Signed: a refund's movements are negative.
    const total = (figure: (m: Movement) => number) => movements.reduce((sum, m) => sum + figure(m), 0);
    await countPurchase(
      manager,
      orderId,
      total((m) => m.gmvFen),
      total((m) => m.linkedSalesFen),
    );
    await refreshThisMonth(
      manager,
      movements.map((m) => m.line),
    );
  }
}
