import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { unitPriceFen, type PriceBreak, type ProductCategory, type ShippingClass } from '@qh/domain';
import { IS_BUYABLE, IS_CERTIFIED, priceBreaksOf } from '../catalog/product-sql';
import { preparedRowsIn, row, rows } from '../database/sql';

/** Units of a variant at today's price, with what a checkout needs to price, ship and schedule them. */
export interface PricedLine {
  variantId: string;
  quantity: number;
  productId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  labelZh: string;
  labelEn: string;
  category: ProductCategory;
  originTownshipCode: string;
  cooperativeId: string;
  cooperativeName: string;
  cooperativeNameEn: string;
  imageUrl: string | null;
  /** What one unit costs on this line: the variant's price, or a price break its quantity reaches. */
  priceFen: number;
  /** The variant's own price, before any break. */
  basePriceFen: number;
  priceBreaks: PriceBreak[];
  weightG: number;
  stock: number;
  shippingClass: ShippingClass;
  certified: boolean;
  benefitRateBp: number;
  /** Set for pre-sale goods that ship after today. */
  shipsFrom: string | null;
  /** Published, by a verified cooperative, and on sale now. */
  buyable: boolean;
  /** Days the cooperative needs before an organisation's delivery. */
  leadDays: number;
  /** The last China day a seasonal product is sold; null all year. */
  lastSaleDay: string | null;
}

/** A cart line at today's price, with what the cart shows and what the checkout needs. */
export interface CartLineRow extends PricedLine {
  id: string;
  cartId: string;
}

/** The facts of a priced line over a line `l` (its variant_id and quantity), its variant `v`, product `p` and cooperative `c`. */
const PRICED_LINE_COLUMNS = `l.variant_id AS "variantId", l.quantity, p.id AS "productId", p.slug AS "productSlug",
  p.title_zh AS "titleZh", p.title_en AS "titleEn", v.label_zh AS "labelZh", v.label_en AS "labelEn", p.category,
  p.origin_township_code AS "originTownshipCode", c.id AS "cooperativeId", c.name_zh AS "cooperativeName",
  c.name_en AS "cooperativeNameEn", p.images->>0 AS "imageUrl", v.price_fen AS "basePriceFen",
  ${priceBreaksOf('v')} AS "priceBreaks", v.weight_g AS "weightG", v.stock,
  p.shipping_class AS "shippingClass", ${IS_CERTIFIED} AS certified,
  coalesce(p.benefit_rate_bp, c.default_benefit_rate_bp) AS "benefitRateBp",
  CASE WHEN p.presale_ships_on > qh_today() THEN to_char(p.presale_ships_on, 'YYYY-MM-DD') END AS "shipsFrom",
  ${IS_BUYABLE} AS buyable, c.lead_days AS "leadDays",
  to_char(((p.sale_ends_at - interval '1 microsecond') AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "lastSaleDay"`;
const PRICED_LINE_JOINS = `JOIN product_variant v ON v.id = l.variant_id JOIN product p ON p.id = v.product_id JOIN cooperative c ON c.id = p.cooperative_id`;

/** The cart of the owner $1 in `column` (account_id or token_hash), made on first use: its id. */
const UPSERT_CART = (column: string) =>
  `INSERT INTO cart (${column}) VALUES ($1) ON CONFLICT (${column}) DO UPDATE SET updated_at = qh_now() RETURNING id`;

/** What CART_LINES reads of a cart line. */
const LINE_FIELDS = 'id, cart_id, variant_id, quantity, created_at';

/**
 * Adds $3 (at most $4) of the variant $2 to the cart that `cart` names, if the variant can be bought
 * now; answers the line as it is now when it went in.
 */
const ADD_LINE = (cart: string) => `
  INSERT INTO cart_line (cart_id, variant_id, quantity)
  SELECT ${cart}, v.id, least($3::int, $4::int)
    FROM product_variant v JOIN product p ON p.id = v.product_id JOIN cooperative c ON c.id = p.cooperative_id
   WHERE v.id = $2 AND ${IS_BUYABLE}
  ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = least(cart_line.quantity + EXCLUDED.quantity, $4::int)
  RETURNING ${LINE_FIELDS}`;

/** The lines of carts `l` (LINE_FIELDS) at today's price, oldest first. */
const CART_LINES = (l: string) => `SELECT l.id, l.cart_id AS "cartId", ${PRICED_LINE_COLUMNS}
  FROM ${l} ${PRICED_LINE_JOINS}
 ORDER BY l.created_at, l.id`;

/** Each line priced by the break its quantity reaches. */
const priced = <Line extends Omit<PricedLine, 'priceFen'>>(lines: Line[]): (Line & { priceFen: number })[] =>
  lines.map((line) => ({ ...line, priceFen: unitPriceFen(line.basePriceFen, line.priceBreaks, line.quantity) }));

export type CartOwner = { accountId: string } | { tokenHash: Buffer };

@Injectable()
export class CartRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(owner: CartOwner, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [column, value] = 'accountId' in owner ? ['account_id', owner.accountId] : ['token_hash', owner.tokenHash];
    return (await row<{ id: string }>(manager, `SELECT id FROM cart WHERE ${column} = $1`, [value]))?.id;
  }

  /** The owner's cart, made on first use, in one statement; concurrent first uses end with the same cart. */
  async findOrCreate(manager: EntityManager, owner: CartOwner): Promise<string> {
    const [column, value] = 'accountId' in owner ? ['account_id', owner.accountId] : ['token_hash', owner.tokenHash];
    const [cart] = await preparedRowsIn<{ id: string }>(manager, UPSERT_CART(column), [value]);
    return cart.id;
  }

  /** The lines of a cart, found by its id or by the account it belongs to, oldest first. */
  async lines(cart: { cartId: string } | { accountId: string }, manager: EntityManager = this.dataSource.manager): Promise<CartLineRow[]> {
    const [where, value] = 'cartId' in cart ? ['k.id', cart.cartId] : ['k.account_id', cart.accountId];
    const found = await preparedRowsIn<Omit<CartLineRow, 'priceFen'>>(
      manager,
      CART_LINES(`(SELECT l.* FROM cart k JOIN cart_line l ON l.cart_id = k.id WHERE ${where} = $1) l`),
      [value],
    );
    return priced(found);
  }

  /** Lines of these variants and quantities, in the order given; an unknown variant is left out. */
  async variantLines(
    wanted: { variantId: string; quantity: number }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PricedLine[]> {
    const found = await rows<Omit<PricedLine, 'priceFen'>>(
      manager,
      `SELECT ${PRICED_LINE_COLUMNS}
         FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS l(variant_id, quantity, n) ${PRICED_LINE_JOINS}
        ORDER BY l.n`,
      [wanted.map((line) => line.variantId), wanted.map((line) => line.quantity)],
    );
    return priced(found);
  }

  /**
   * Adds to the line of the variant if there is one, never beyond `max`. Only a variant that can be
   * bought now goes in: false for anything else (unknown, draft, archived, out of its sale window, of
   * a suspended cooperative), which the cart then never shows.
   */
  async addLine(manager: EntityManager, cartId: string, variantId: string, quantity: number, max: number): Promise<boolean> {
    const added = await preparedRowsIn(manager, ADD_LINE('$1'), [cartId, variantId, quantity, max]);
    return added.length > 0;
  }

  /**
   * addLine into the account's cart, made if it has none yet, and the cart's lines after it, in one
   * statement: a buyer's cart change is one of the commonest writes. No lines when the line cannot go
   * in; the cart stays, empty.
   */
  async addToAccountCart(accountId: string, variantId: string, quantity: number, max: number): Promise<CartLineRow[]> {
    // The statement's reads see the cart as it was before it: the added line comes from the insert's answer.
    const found = await preparedRowsIn<Omit<CartLineRow, 'priceFen'>>(
      this.dataSource,
      `WITH cart AS (${UPSERT_CART('account_id')}),
       added AS (${ADD_LINE('(SELECT id FROM cart)')})
       ${CART_LINES(`(SELECT ${LINE_FIELDS} FROM added
                      UNION ALL
                      SELECT ${LINE_FIELDS} FROM cart_line
                       WHERE cart_id = (SELECT id FROM cart) AND id NOT IN (SELECT id FROM added)
                        AND EXISTS (SELECT 1 FROM added)) l`)}`,
      [accountId, variantId, quantity, max],
    );
    return priced(found);
  }

  // TypeORM answers an UPDATE or DELETE with [rows, affected count].

  async setQuantity(cartId: string, lineId: string, quantity: number): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`UPDATE cart_line SET quantity = $3 WHERE id = $2 AND cart_id = $1`, [
      cartId,
      lineId,
      quantity,
    ]);
    return affected > 0;
  }

  async removeLine(cartId: string, lineId: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`DELETE FROM cart_line WHERE id = $2 AND cart_id = $1`, [cartId, lineId]);
    return affected > 0;
  }

  /** Moves a guest cart's lines into the account's cart and deletes the guest cart. */
  async merge(manager: EntityManager, guestCartId: string, accountCartId: string, max: number): Promise<void> {
    await manager.query(
      `INSERT INTO cart_line (cart_id, variant_id, quantity)
       SELECT $2, variant_id, quantity FROM cart_line WHERE cart_id = $1
       ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = least(cart_line.quantity + EXCLUDED.quantity, $3::int)`,
      [guestCartId, accountCartId, max],
    );
    await manager.query(`DELETE FROM cart WHERE id = $1`, [guestCartId]);
  }

  /** Puts an order's goods back into the buyer's cart, as after a checkout that could not reach the payment provider. */
  async restoreFromOrder(manager: EntityManager, cartId: string, orderId: string, max: number): Promise<void> {
    await manager.query(
      `INSERT INTO cart_line (cart_id, variant_id, quantity)
       SELECT $1, variant_id, least(sum(quantity), $3::int) FROM order_line WHERE order_id = $2 GROUP BY variant_id
       ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = least(cart_line.quantity + EXCLUDED.quantity, $3::int)`,
      [cartId, orderId, max],
    );
  }

  /** Deletes guest carts (and their lines) untouched for `days`: their cookie has expired. Returns how many. */
  async purgeGuestCarts(days: number): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM cart WHERE token_hash IS NOT NULL AND updated_at < qh_now() - make_interval(days => $1)`,
      [days],
    );
    return deleted;
  }

  /** Takes the ordered lines out of the cart; the lines not chosen stay for later. */
  async removeLines(manager: EntityManager, cartId: string, lineIds: string[]): Promise<void> {
    await preparedRowsIn(manager, `DELETE FROM cart_line WHERE cart_id = $1 AND id = ANY($2::uuid[])`, [cartId, lineIds]);
  }
}
