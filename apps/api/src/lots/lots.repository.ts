import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LotAssignment, LotStock } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { row, rows, type Queryable } from '../database/sql';

export interface LotRow {
  id: string;
  code: string;
  cooperativeId: string;
  cooperativeName: string;
  product: { id: string; slug: string; titleZh: string; titleEn: string; category: string };
  village: string;
  producedOn: string;
  bestBefore: string;
  quantity: number;
  shippedQuantity: number;
  certificateNo: string;
  quarantineNo: string | null;
  reportSha256: string | null;
  closedAt: Date | null;
  recalledAt: Date | null;
  recallNotice: string | null;
  createdAt: Date;
}

const LOT_COLUMNS = `lt.id, lt.code, lt.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName",
  json_build_object('id', p.id, 'slug', p.slug, 'titleZh', p.title_zh, 'titleEn', p.title_en, 'category', p.category) AS product,
  lt.village, to_char(lt.produced_on, 'YYYY-MM-DD') AS "producedOn", to_char(lt.best_before, 'YYYY-MM-DD') AS "bestBefore",
  lt.quantity, (SELECT coalesce(sum(s.quantity), 0) FROM lot_shipment s WHERE s.lot_id = lt.id)::int AS "shippedQuantity",
  lt.certificate_no AS "certificateNo", lt.quarantine_no AS "quarantineNo", lt.report_sha256 AS "reportSha256",
  lt.closed_at AS "closedAt", lt.recalled_at AS "recalledAt", lt.recall_notice AS "recallNotice", lt.created_at AS "createdAt"`;
const LOT_FROM = `lot lt JOIN product p ON p.id = lt.product_id JOIN cooperative c ON c.id = lt.cooperative_id`;

/** A line of a part about to ship, with the units it sends, and whether its cooperative keeps lots of its product. */
export interface ShippingLine {
  lineId: string;
  productId: string;
  quantity: number;
  traced: boolean;
}

/** Lots (批次) and which lot each shipped unit came from: the one writer of `lot` and `lot_shipment`. */
@Injectable()
export class LotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  product(
    manager: EntityManager,
    productId: string,
  ): Promise<{ cooperativeId: string; category: string; shelfLifeDays: number } | undefined> {
    return row(
      manager,
      `SELECT cooperative_id AS "cooperativeId", category, shelf_life_days AS "shelfLifeDays" FROM product WHERE id = $1`,
      [productId],
    );
  }

  /** Inserts the lot under `code`; null when the code is taken (the caller draws another). */
  async insert(
    manager: EntityManager,
    lot: {
      code: string;
      cooperativeId: string;
      productId: string;
      village: string;
      producedOn: string;
      bestBefore: string;
      quantity: number;
      certificateNo: string;
      quarantineNo: string | null;
      createdBy: string;
    },
  ): Promise<string | null> {
    const inserted = await row<{ id: string }>(
      manager,
      `INSERT INTO lot (code, cooperative_id, product_id, village, produced_on, best_before, quantity, certificate_no, quarantine_no, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        lot.code,
        lot.cooperativeId,
        lot.productId,
        lot.village,
        lot.producedOn,
        lot.bestBefore,
        lot.quantity,
        lot.certificateNo,
        lot.quarantineNo,
        lot.createdBy,
      ],
    );
    return inserted?.id ?? null;
  }

  find(where: { id?: string; code?: string }, db: Queryable = this.dataSource): Promise<LotRow | undefined> {
    return row(db, `SELECT ${LOT_COLUMNS} FROM ${LOT_FROM} WHERE ($1::uuid IS NULL OR lt.id = $1) AND ($2::text IS NULL OR lt.code = $2)`, [
      where.id ?? null,
      where.code ?? null,
    ]);
  }

  lock(manager: EntityManager, id: string): Promise<LotRow | undefined> {
    return row(manager, `SELECT ${LOT_COLUMNS} FROM ${LOT_FROM} WHERE lt.id = $1 FOR UPDATE OF lt`, [id]);
  }

  list(filter: { cooperativeId?: string; productId?: string; code?: string; shippableOn?: string; limit: number }): Promise<LotRow[]> {
    return rows(
      this.dataSource,
      `SELECT ${LOT_COLUMNS} FROM ${LOT_FROM}
        WHERE ($1::uuid IS NULL OR lt.cooperative_id = $1) AND ($2::uuid IS NULL OR lt.product_id = $2) AND ($3::text IS NULL OR lt.code = $3)
          AND ($4::date IS NULL OR (lt.closed_at IS NULL AND lt.recalled_at IS NULL AND lt.best_before >= $4
                                    AND lt.quantity > (SELECT coalesce(sum(s.quantity), 0) FROM lot_shipment s WHERE s.lot_id = lt.id)))
        ORDER BY lt.created_at DESC, lt.id DESC LIMIT $5`,
      [filter.cooperativeId ?? null, filter.productId ?? null, filter.code ?? null, filter.shippableOn ?? null, filter.limit],
    );
  }

  async close(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE lot SET closed_at = qh_now() WHERE id = $1 AND closed_at IS NULL`, [id]);
  }

  async setReport(manager: EntityManager, id: string, sha256: string): Promise<void> {
    await manager.query(`UPDATE lot SET report_sha256 = $2 WHERE id = $1`, [id, sha256]);
  }

  async recall(manager: EntityManager, id: string, recall: { notice: string; by: string }): Promise<void> {
    await manager.query(`UPDATE lot SET recalled_at = qh_now(), recall_notice = $2, recalled_by = $3 WHERE id = $1`, [
      id,
      recall.notice,
      recall.by,
    ]);
  }

  /** The lines of a part that are to leave now, with the units each sends (bought, less refunded). */
  shippingLines(manager: EntityManager, fulfillmentId: string): Promise<ShippingLine[]> {
    return rows(
      manager,
      `SELECT l.id AS "lineId", l.product_id AS "productId", l.quantity - l.refunded_quantity AS quantity,
              EXISTS (SELECT 1 FROM lot WHERE lot.product_id = l.product_id AND lot.cooperative_id = l.cooperative_id) AS traced
         FROM order_line l WHERE l.fulfillment_id = $1 AND l.quantity > l.refunded_quantity ORDER BY l.id`,
      [fulfillmentId],
    );
  }

  /**
   * The cooperative's lots named for a shipment, locked in id order (so two shipments never deadlock),
   * with what each still holds. Counted by a second statement, after the locks are held: a statement
   * that waited for a lock still reads the other tables as they were when it started, so it would not
   * see the units the shipment it waited for has just taken.
   */
  async lockStock(manager: EntityManager, cooperativeId: string, lotIds: string[]): Promise<LotStock[]> {
    await manager.query(`SELECT id FROM lot WHERE cooperative_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [
      cooperativeId,
      lotIds,
    ]);
    return rows(
      manager,
      `SELECT lt.id, lt.product_id AS "productId", to_char(lt.best_before, 'YYYY-MM-DD') AS "bestBefore",
              lt.closed_at IS NOT NULL AS closed, lt.recalled_at IS NOT NULL AS recalled,
              lt.quantity - (SELECT coalesce(sum(s.quantity), 0) FROM lot_shipment s WHERE s.lot_id = lt.id)::int AS "leftQuantity"
         FROM lot lt WHERE lt.cooperative_id = $1 AND lt.id = ANY($2::uuid[]) ORDER BY lt.id`,
      [cooperativeId, lotIds],
    );
  }

  async insertShipments(manager: EntityManager, assignments: LotAssignment[]): Promise<void> {
    if (!assignments.length) return;
    await manager.query(
      `INSERT INTO lot_shipment (order_line_id, lot_id, quantity) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
      [assignments.map((a) => a.lineId), assignments.map((a) => a.lotId), assignments.map((a) => a.quantity)],
    );
  }

  /** The labels of a part: one per line and lot, with the cooperative's township. */
  labels(fulfillmentId: string): Promise<
    {
      orderNumber: string;
      cooperativeId: string;
      cooperativeName: string;
      titleZh: string;
      titleEn: string;
      labelZh: string;
      lotCode: string;
      village: string;
      townshipName: string;
      producedOn: string;
      bestBefore: string;
      certificateNo: string;
      quarantineNo: string | null;
      copies: number;
    }[]
  > {
    return rows(
      this.dataSource,
      `SELECT o.number AS "orderNumber", f.cooperative_id AS "cooperativeId", c.name_zh AS "cooperativeName",
              l.title_zh AS "titleZh", l.title_en AS "titleEn", l.label_zh AS "labelZh", lt.code AS "lotCode", lt.village,
              tw.name AS "townshipName", to_char(lt.produced_on, 'YYYY-MM-DD') AS "producedOn",
              to_char(lt.best_before, 'YYYY-MM-DD') AS "bestBefore", lt.certificate_no AS "certificateNo",
              lt.quarantine_no AS "quarantineNo", s.quantity AS copies
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id JOIN cooperative c ON c.id = f.cooperative_id
         JOIN township tw ON tw.code = c.township_code
         JOIN order_line l ON l.fulfillment_id = f.id JOIN lot_shipment s ON s.order_line_id = l.id JOIN lot lt ON lt.id = s.lot_id
        WHERE f.id = $1 ORDER BY l.title_zh, l.id, lt.code`,
      [fulfillmentId],
    );
  }

  fulfillmentOwner(fulfillmentId: string): Promise<{ cooperativeId: string; orderNumber: string; cooperativeName: string } | undefined> {
    return row(
      this.dataSource,
      `SELECT f.cooperative_id AS "cooperativeId", o.number AS "orderNumber", c.name_zh AS "cooperativeName"
         FROM fulfillment f JOIN "order" o ON o.id = f.order_id JOIN cooperative c ON c.id = f.cooperative_id WHERE f.id = $1`,
      [fulfillmentId],
    );
  }

  /** Every order line that received the lot, with its order's buyer and organisation. */
  recipients(lotId: string, db: Queryable = this.dataSource) {
    return rows<{
      orderId: string;
      orderNumber: string;
      buyerId: string;
      lineId: string;
      titleZh: string;
      quantity: number;
      organisationId: string | null;
      organisationName: string | null;
      shippedAt: Date | null;
    }>(
      db,
      `SELECT o.id AS "orderId", o.number AS "orderNumber", o.buyer_id AS "buyerId", l.id AS "lineId", l.title_zh AS "titleZh", s.quantity,
              o.organisation_id AS "organisationId", org.name AS "organisationName", f.shipped_at AS "shippedAt"
         FROM lot_shipment s JOIN order_line l ON l.id = s.order_line_id JOIN "order" o ON o.id = l.order_id
         JOIN fulfillment f ON f.id = l.fulfillment_id LEFT JOIN organisation org ON org.id = o.organisation_id
        WHERE s.lot_id = $1 ORDER BY f.shipped_at, o.number, l.id`,
      [lotId],
    );
  }

  /** The lines of this lot the account (or, as one of its receivers, the account's organisation) received. */
  linesOf(lotId: string, accountId: string) {
    return rows<{ orderNumber: string; lineId: string; quantity: number }>(
      this.dataSource,
      `SELECT o.number AS "orderNumber", l.id AS "lineId", s.quantity
         FROM lot_shipment s JOIN order_line l ON l.id = s.order_line_id JOIN "order" o ON o.id = l.order_id
        WHERE s.lot_id = $1 AND (o.buyer_id = $2 OR EXISTS (
                SELECT 1 FROM organisation_member m WHERE m.account_id = $2 AND m.organisation_id = o.organisation_id AND 'RECEIVER' = ANY(m.roles)))
        ORDER BY o.number, l.id`,
      [lotId, accountId],
    );
  }

  /** What the marketplace's sales of the cooperative pledged and paid to its households in `year` (the money trail's rollup). */
  async trailOfYear(cooperativeId: string, year: number): Promise<{ pledgedFen: number; paidFen: number }> {
    return (await row<{ pledgedFen: number; paidFen: number }>(
      this.dataSource,
      `SELECT coalesce(sum(pledged_fen), 0) AS "pledgedFen", coalesce(sum(paid_fen), 0) AS "paidFen"
         FROM trail_month WHERE cooperative_id = $1 AND month BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 1)`,
      [cooperativeId, year],
    ))!;
  }

  /** What the public lot page shows beside the lot: the cooperative, its township and the product's first photo. */
  origin(lot: { cooperativeId: string; productId: string }) {
    return row<{ townshipCode: string; townshipName: string; nameZh: string; nameEn: string; imageUrl: string | null }>(
      this.dataSource,
      `SELECT tw.code AS "townshipCode", tw.name AS "townshipName", c.name_zh AS "nameZh", c.name_en AS "nameEn",
              (SELECT p.images->>0 FROM product p WHERE p.id = $2) AS "imageUrl"
         FROM cooperative c JOIN township tw ON tw.code = c.township_code WHERE c.id = $1`,
      [lot.cooperativeId, lot.productId],
    );
  }
}
