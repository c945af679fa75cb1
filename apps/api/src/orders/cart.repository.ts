import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProductCategory, ShippingClass } from '@qh/domain';
import { IS_BUYABLE, IS_CERTIFIED } from '../catalog/product-sql';

/** A cart line at today's price, with what the cart shows and what the checkout needs to price and ship it. */
export interface CartLineRow {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  product_id: string;
  product_slug: string;
  title_zh: string;
  title_en: string;
  label_zh: string;
  label_en: string;
  category: ProductCategory;
  origin_township_code: string;
  cooperative_id: string;
  cooperative_name: string;
  cooperative_name_en: string;
  image_url: string | null;
  price_fen: number;
  weight_g: number;
  stock: number;
  shipping_class: ShippingClass;
  certified: boolean;
  benefit_rate_bp: number;
  /** Set for pre-sale goods that ship after today. */
  ships_from: string | null;
  /** Published, by a verified cooperative, and on sale now. */
  buyable: boolean;
}

export type CartOwner = { accountId: string } | { tokenHash: Buffer };

@Injectable()
export class CartRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(owner: CartOwner, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [row] =
      'accountId' in owner
        ? await manager.query(`SELECT id FROM cart WHERE account_id = $1`, [owner.accountId])
        : await manager.query(`SELECT id FROM cart WHERE token_hash = $1`, [owner.tokenHash]);
    return row?.id;
  }

  /** The owner's cart, made on first use, in one statement; concurrent first uses end with the same cart. */
  async findOrCreate(manager: EntityManager, owner: CartOwner): Promise<string> {
    const [column, value] = 'accountId' in owner ? ['account_id', owner.accountId] : ['token_hash', owner.tokenHash];
    const [row] = await manager.query(
      `INSERT INTO cart (${column}) VALUES ($1) ON CONFLICT (${column}) DO UPDATE SET updated_at = qh_now() RETURNING id`,
      [value],
    );
    return row.id;
  }

  /** The lines of a cart, found by its id or by the account it belongs to, oldest first. */
  lines(cart: { cartId: string } | { accountId: string }, manager: EntityManager = this.dataSource.manager): Promise<CartLineRow[]> {
    const [where, value] = 'cartId' in cart ? ['k.id', cart.cartId] : ['k.account_id', cart.accountId];
    return manager.query(
      `SELECT l.id, l.cart_id, l.variant_id, l.quantity, p.id AS product_id, p.slug AS product_slug, p.title_zh, p.title_en,
              v.label_zh, v.label_en, p.category, p.origin_township_code,
              c.id AS cooperative_id, c.name_zh AS cooperative_name, c.name_en AS cooperative_name_en,
              p.images->>0 AS image_url, v.price_fen, v.weight_g, v.stock, p.shipping_class, ${IS_CERTIFIED} AS certified,
              coalesce(p.benefit_rate_bp, c.default_benefit_rate_bp) AS benefit_rate_bp,
              CASE WHEN p.presale_ships_on > qh_today() THEN to_char(p.presale_ships_on, 'YYYY-MM-DD') END AS ships_from,
              ${IS_BUYABLE} AS buyable
         FROM cart k
         JOIN cart_line l ON l.cart_id = k.id
         JOIN product_variant v ON v.id = l.variant_id
         JOIN product p ON p.id = v.product_id
         JOIN cooperative c ON c.id = p.cooperative_id
        WHERE ${where} = $1
        ORDER BY l.created_at, l.id`,
      [value],
    );
  }

  /**
   * Adds to the line of the variant if there is one, never beyond `max`. Only a variant that can be
   * bought now goes in: false for anything else (unknown, draft, archived, out of its sale window, of
   * a suspended cooperative), which the cart then never shows.
   */
  async addLine(manager: EntityManager, cartId: string, variantId: string, quantity: number, max: number): Promise<boolean> {
    const added = await manager.query(
      `INSERT INTO cart_line (cart_id, variant_id, quantity)
       SELECT $1, v.id, least($3::int, $4::int)
         FROM product_variant v JOIN product p ON p.id = v.product_id JOIN cooperative c ON c.id = p.cooperative_id
        WHERE v.id = $2 AND ${IS_BUYABLE}
       ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = least(cart_line.quantity + EXCLUDED.quantity, $4::int)
       RETURNING variant_id`,
      [cartId, variantId, quantity, max],
    );
    return added.length > 0;
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

  async empty(manager: EntityManager, cartId: string): Promise<void> {
    await manager.query(`DELETE FROM cart_line WHERE cart_id = $1`, [cartId]);
  }
}
