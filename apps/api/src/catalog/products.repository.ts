import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PriceBreak, ProductCategory, ProductStatus, ShippingClass } from '@qh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { databaseErrorOf } from '../common/database-errors';
import { timestampKey } from '../common/keyset-cursor';
import { row, rows } from '../database/sql';
import { writeAtCommit } from '../database/unit-of-work';
import { IS_CERTIFIED, priceBreaksOf } from './product-sql';

export interface ManagedVariantRow {
  id: string;
  sku: string;
  labelZh: string;
  labelEn: string;
  priceFen: number;
  weightG: number;
  stock: number;
  priceBreaks: PriceBreak[];
}

export interface ManagedProductRow {
  id: string;
  slug: string;
  status: ProductStatus;
  rejectReason: string | null;
  cooperativeId: string;
  cooperativeName: string;
  cooperativeNameEn: string;
  category: ProductCategory;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  originTownshipCode: string;
  shippingClass: ShippingClass;
  shelfLifeDays: number;
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  presaleShipsOn: string | null;
  images: string[];
  certificationNo: string | null;
  certificationIssuer: string | null;
  certificationBatch: string | null;
  certifiedUntil: string | null;
  certified: boolean;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  variants: ManagedVariantRow[];
  sortKey: string;
}

/** The columns a cooperative writes, by their DTO names. */
export interface ProductWrite {
  category: ProductCategory;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  pinyin: string;
  pinyinInitials: string;
  originTownshipCode: string;
  shippingClass: ShippingClass;
  shelfLifeDays: number;
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  presaleShipsOn: string | null;
  images: string[];
}

const COLUMN_OF: Record<keyof ProductWrite, string> = {
  category: 'category',
  titleZh: 'title_zh',
  titleEn: 'title_en',
  descriptionZh: 'description_zh',
  descriptionEn: 'description_en',
  pinyin: 'pinyin',
  pinyinInitials: 'pinyin_initials',
  originTownshipCode: 'origin_township_code',
  shippingClass: 'shipping_class',
  shelfLifeDays: 'shelf_life_days',
  saleStartsAt: 'sale_starts_at',
  saleEndsAt: 'sale_ends_at',
  presaleShipsOn: 'presale_ships_on',
  images: 'images',
};

const MANAGED_COLUMNS = `
  p.id, p.slug, p.status, p.reject_reason AS "rejectReason", p.category, p.title_zh AS "titleZh", p.title_en AS "titleEn",
  p.description_zh AS "descriptionZh", p.description_en AS "descriptionEn", p.origin_township_code AS "originTownshipCode",
  p.shipping_class AS "shippingClass", p.shelf_life_days AS "shelfLifeDays", p.sale_starts_at AS "saleStartsAt",
  p.sale_ends_at AS "saleEndsAt", to_char(p.presale_ships_on, 'YYYY-MM-DD') AS "presaleShipsOn", p.images,
  p.certification_no AS "certificationNo", p.certification_issuer AS "certificationIssuer",
  p.certification_batch AS "certificationBatch", to_char(p.certified_until, 'YYYY-MM-DD') AS "certifiedUntil",
  ${IS_CERTIFIED} AS certified,
  p.submitted_at AS "submittedAt", p.published_at AS "publishedAt", p.updated_at AS "updatedAt",
  c.id AS "cooperativeId", c.name_zh AS "cooperativeName", c.name_en AS "cooperativeNameEn",
  coalesce((SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'labelZh', v.label_zh, 'labelEn', v.label_en,
                                              'priceFen', v.price_fen, 'weightG', v.weight_g, 'stock', v.stock,
                                              'priceBreaks', ${priceBreaksOf('v')})
                            ORDER BY v.sort_order, v.created_at)
              FROM product_variant v WHERE v.product_id = p.id), '[]') AS variants`;

/** Both orders are keyset-paginated on (key, id): a cooperative's newest first, the review queue oldest submission first. */
const ORDERS = {
  newest: { key: timestampKey('p.created_at'), direction: 'DESC' },
  queue: { key: timestampKey('p.submitted_at'), direction: 'ASC' },
} as const;
export type ManagedOrder = keyof typeof ORDERS;

/** Reads and writes of products in any status, for their cooperative and for admins. */
@Injectable()
export class ProductsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: {
    cooperativeId?: string;
    status?: ProductStatus;
    order: ManagedOrder;
    limit: number;
    after?: { key: string; id: string };
  }): Promise<ManagedProductRow[]> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const order = ORDERS[filter.order];
    const where: string[] = [];
    if (filter.cooperativeId) where.push(`p.cooperative_id = ${add(filter.cooperativeId)}`);
    if (filter.status) where.push(`p.status = ${add(filter.status)}`);
    if (filter.after) {
      const comparator = order.direction === 'DESC' ? '<' : '>';
      where.push(`(${order.key}, p.id) ${comparator} (${add(filter.after.key)}, ${add(filter.after.id)}::uuid)`);
    }
    return rows(
      this.dataSource,
      `SELECT ${MANAGED_COLUMNS}, ${order.key} AS "sortKey"
         FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order.key} ${order.direction}, p.id ${order.direction}
        LIMIT ${add(filter.limit)}`,
      params,
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ManagedProductRow | undefined> {
    return row(
      manager,
      `SELECT ${MANAGED_COLUMNS}, '' AS "sortKey" FROM product p JOIN cooperative c ON c.id = p.cooperative_id WHERE p.id = $1`,
      [id],
    );
  }

  /** Locks the product row for the rest of the transaction: edits, status changes and stock of one product queue up. */
  lock(manager: EntityManager, id: string): Promise<{ id: string; cooperativeId: string; status: ProductStatus } | undefined> {
    return row(manager, `SELECT id, cooperative_id AS "cooperativeId", status FROM product WHERE id = $1 FOR UPDATE`, [id]);
  }

  async insert(manager: EntityManager, cooperativeId: string, slug: string, fields: ProductWrite): Promise<string> {
    const names = Object.keys(COLUMN_OF) as (keyof ProductWrite)[];
    const values = names.map((name) => (name === 'images' ? JSON.stringify(fields.images) : fields[name]));
    const [inserted] = await rows<{ id: string }>(
      manager,
      `INSERT INTO product (cooperative_id, slug, ${names.map((n) => COLUMN_OF[n]).join(', ')})
       VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
      [cooperativeId, slug, ...values],
    );
    return inserted.id;
  }

  async update(manager: EntityManager, id: string, fields: Partial<ProductWrite>, status: ProductStatus): Promise<void> {
    const params: unknown[] = [id, status];
    const sets = (Object.keys(fields) as (keyof ProductWrite)[]).map((name) => {
      params.push(name === 'images' ? JSON.stringify(fields.images) : fields[name]);
      return `${COLUMN_OF[name]} = $${params.length}`;
    });
    await manager.query(
      `UPDATE product SET ${[...sets, 'status = $2', `submitted_at = CASE WHEN $2 = 'PENDING_REVIEW' AND status <> 'PENDING_REVIEW' THEN qh_now() ELSE submitted_at END`, 'updated_at = qh_now()'].join(', ')}
        WHERE id = $1`,
      params,
    );
  }

  async setStatus(manager: EntityManager, id: string, status: ProductStatus, rejectReason: string | null = null): Promise<void> {
    await manager.query(
      `UPDATE product SET status = $2, reject_reason = $3, updated_at = qh_now(),
              submitted_at = CASE WHEN $2 = 'PENDING_REVIEW' THEN qh_now() ELSE submitted_at END,
              published_at = CASE WHEN $2 = 'PUBLISHED' THEN coalesce(published_at, qh_now()) ELSE published_at END
        WHERE id = $1`,
      [id, status, rejectReason],
    );
  }

  async certify(
    manager: EntityManager,
    id: string,
    certificate: { number: string; issuer: string; batch: string | null; validUntil: string } | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE product SET certification_no = $2, certification_issuer = $3, certification_batch = $4, certified_until = $5, updated_at = qh_now()
        WHERE id = $1`,
      [id, certificate?.number ?? null, certificate?.issuer ?? null, certificate?.batch ?? null, certificate?.validUntil ?? null],
    );
  }

  async insertVariant(
    manager: EntityManager,
    productId: string,
    variant: { sku: string; labelZh: string; labelEn: string; priceFen: number; weightG: number; sortOrder: number },
  ): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      manager,
      `INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [productId, variant.sku, variant.labelZh, variant.labelEn, variant.priceFen, variant.weightG, variant.sortOrder],
    );
    return inserted.id;
  }

  async updateVariant(
    manager: EntityManager,
    id: string,
    fields: { labelZh?: string; labelEn?: string; priceFen?: number; weightG?: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE product_variant SET label_zh = coalesce($2, label_zh), label_en = coalesce($3, label_en),
              price_fen = coalesce($4, price_fen), weight_g = coalesce($5, weight_g), updated_at = qh_now()
        WHERE id = $1`,
      [id, fields.labelZh ?? null, fields.labelEn ?? null, fields.priceFen ?? null, fields.weightG ?? null],
    );
  }

  /** Replaces a variant's price breaks. */
  async setPriceBreaks(manager: EntityManager, variantId: string, breaks: readonly PriceBreak[]): Promise<void> {
    await manager.query(`DELETE FROM price_break WHERE variant_id = $1`, [variantId]);
    if (breaks.length === 0) return;
    await manager.query(`INSERT INTO price_break (variant_id, min_quantity, price_fen) SELECT $1, * FROM unnest($2::int[], $3::int[])`, [
      variantId,
      breaks.map((step) => step.minQuantity),
      breaks.map((step) => step.priceFen),
    ]);
  }

  variantOwner(variantId: string): Promise<{ productId: string; cooperativeId: string } | undefined> {
    return row(
      this.dataSource,
      `SELECT v.product_id AS "productId", p.cooperative_id AS "cooperativeId"
         FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.id = $1`,
      [variantId],
    );
  }

  /** Newest first; a variant's whole history is in the table, the portal shows the recent part. */
  movements(
    variantId: string,
    limit: number,
  ): Promise<{ delta: number; stockAfter: number; reason: string; note: string | null; createdAt: Date }[]> {
    return rows(
      this.dataSource,
      `SELECT delta, stock_after AS "stockAfter", reason, note, created_at AS "createdAt" FROM inventory_movement WHERE variant_id = $1 ORDER BY id DESC LIMIT $2`,
      [variantId, limit],
    );
  }

  async skuTaken(manager: EntityManager, skus: string[]): Promise<string[]> {
    const taken = await rows<{ sku: string }>(manager, `SELECT sku FROM product_variant WHERE sku = ANY($1)`, [skus]);
    return taken.map((variant) => variant.sku);
  }

  /**
   * Takes every line's stock in one statement, all or none, as the last write of the unit of work
   * (writeAtCommit): rows are locked in variant-id order (so two checkouts never wait on each other in
   * opposite orders), each taken only if enough is left, each change recorded as a movement; when any
   * variant has too little, the statement fails (qh_stock_shortage), and with it the unit of work, with
   * `shortage(the short variants' ids)`. NO KEY UPDATE, as the UPDATE itself would take: a plain FOR
   * UPDATE would also wait for the key-share locks that other checkouts' order lines hold on the same
   * variant, and deadlock with them.
   */
  async reserveStock(
    manager: EntityManager,
    orderId: string,
    actorId: string,
    lines: { variantId: string; quantity: number }[],
    shortage: (variantIds: Set<string>) => Error,
  ): Promise<void> {
    await writeAtCommit(manager, {
      text: `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS w(variant_id, quantity)),
                  locked AS (SELECT v.id FROM product_variant v WHERE v.id IN (SELECT variant_id FROM wanted) ORDER BY v.id FOR NO KEY UPDATE),
                  taken AS (
                    UPDATE product_variant v SET stock = v.stock - w.quantity, updated_at = qh_now()
                      FROM wanted w
                     WHERE v.id = w.variant_id AND v.id IN (SELECT id FROM locked) AND v.stock >= w.quantity
                    RETURNING v.id, v.stock, w.quantity),
                  moved AS (
                    INSERT INTO inventory_movement (variant_id, delta, stock_after, reason, actor_account_id, order_id)
                    SELECT id, -quantity, stock, 'ORDER_RESERVED', $3, $4 FROM taken
                    RETURNING variant_id)
             SELECT qh_stock_shortage(ARRAY(SELECT variant_id FROM wanted EXCEPT SELECT variant_id FROM moved))`,
      values: [lines.map((l) => l.variantId), lines.map((l) => l.quantity), actorId, orderId],
      failedAs: (error) => {
        const short = shortVariantsOf(error);
        return short && shortage(short);
      },
    });
  }

  /**
   * Changes stock only if it stays at or above zero, and records the movement in the same statement's
   * transaction; null when there was not enough stock to take away.
   */
  async adjustStock(
    manager: EntityManager,
    movement: { variantId: string; delta: number; reason: string; note: string | null; actorId: string | null; orderId?: string },
  ): Promise<number | null> {
    const changed = await row<{ stockAfter: number }>(
      manager,
      `WITH changed AS (
         UPDATE product_variant SET stock = stock + $2, updated_at = qh_now() WHERE id = $1 AND stock + $2 >= 0 RETURNING id, stock)
       INSERT INTO inventory_movement (variant_id, delta, stock_after, reason, note, actor_account_id, order_id)
       SELECT id, $2, stock, $3, $4, $5, $6 FROM changed RETURNING stock_after AS "stockAfter"`,
      [movement.variantId, movement.delta, movement.reason, movement.note, movement.actorId, movement.orderId ?? null],
    );
    return changed ? changed.stockAfter : null;
  }
}

/** The SQLSTATE of qh_stock_shortage's error (migration 1767513600000-stock-shortage). */
const STOCK_SHORTAGE = 'QH001';

/** The variants a reservation found short (qh_stock_shortage's error: their ids as its detail), or undefined for any other error. */
function shortVariantsOf(error: unknown): Set<string> | undefined {
  const failure = databaseErrorOf(error);
  return failure?.code === STOCK_SHORTAGE && failure.detail ? new Set(failure.detail.split(',')) : undefined;
}
