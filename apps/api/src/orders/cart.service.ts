import { Injectable } from '@nestjs/common';
import { sumFen } from '@qh/domain';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/current-user';
import { LOW_STOCK_THRESHOLD } from '../catalog/catalog.service';
import { AppError } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import { CartLineRow, CartOwner, CartRepository } from './cart.repository';
import { CartDto, CartLineDto, CartLineProblem, MAX_LINE_QUANTITY } from './dto/cart.dto';

/** Who is shopping: a signed-in buyer, a guest with a cart cookie, or a guest without one yet. */
export interface Shopper {
  user?: AuthUser;
  /** The guest cart cookie's token, when the browser sent one. */
  guestToken?: string;
}

/** What the controller must do with the guest cookie after the call. */
export type GuestCookie = { set: string } | 'clear' | null;

export function problemOf(line: Pick<CartLineRow, 'buyable' | 'stock' | 'quantity'>): CartLineProblem | null {
  if (!line.buyable) return 'UNAVAILABLE';
  if (line.stock <= 0) return 'SOLD_OUT';
  return line.stock < line.quantity ? 'NOT_ENOUGH_STOCK' : null;
}

function toLine(row: CartLineRow): CartLineDto {
  return {
    id: row.id,
    variantId: row.variantId,
    productSlug: row.productSlug,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    cooperative: { id: row.cooperativeId, name: row.cooperativeName, nameEn: row.cooperativeNameEn },
    imageUrl: row.imageUrl,
    unitPriceFen: row.priceFen,
    quantity: row.quantity,
    lineTotalFen: row.priceFen * row.quantity,
    stockStatus: row.stock <= 0 ? 'SOLD_OUT' : row.stock < LOW_STOCK_THRESHOLD ? 'LOW' : 'IN_STOCK',
    problem: problemOf(row),
  };
}

/** How long a guest's cart cookie lives; the daily purge deletes guest carts untouched for longer. */
export const GUEST_CART_DAYS = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * Guests and buyers keep a cart; prices are always today's. A guest's cart follows a random token
 * in an httpOnly cookie (only its hash is stored) and moves into the account's cart at the first
 * cart call after signing in.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly carts: CartRepository,
  ) {}

  async view(shopper: Shopper): Promise<{ cart: CartDto; cookie: GuestCookie }> {
    const { cartId, cookie } = await this.resolve(shopper, false);
    return { cart: await this.cartOf(cartId), cookie };
  }

  /** A guest's in one transaction: a guest cart made for this line disappears again if the line cannot be added. */
  async add(shopper: Shopper, variantId: string, quantity: number): Promise<{ cart: CartDto; cookie: GuestCookie }> {
    const { user } = shopper;
    if (user?.role === 'buyer' && !shopper.guestToken) {
      // Signed in with no guest cart to merge: one statement does it all.
      const lines = await this.carts.addToAccountCart(user.id, variantId, quantity, MAX_LINE_QUANTITY);
      if (lines.length === 0) throw variantNotFound();
      return { cart: cartFrom(lines), cookie: null };
    }
    const { cartId, cookie } = await this.unitOfWork.run(async ({ manager }) => {
      const resolved = await this.resolve(shopper, true, manager);
      if (!(await this.carts.addLine(manager, resolved.cartId!, variantId, quantity, MAX_LINE_QUANTITY))) throw variantNotFound();
      return resolved;
    });
    return { cart: await this.cartOf(cartId), cookie };
  }

  async setQuantity(shopper: Shopper, lineId: string, quantity: number): Promise<{ cart: CartDto; cookie: GuestCookie }> {
    const { cartId, cookie } = await this.resolve(shopper, false);
    if (!cartId || !(await this.carts.setQuantity(cartId, lineId, quantity))) throw lineNotFound();
    return { cart: await this.cartOf(cartId), cookie };
  }

  async remove(shopper: Shopper, lineId: string): Promise<{ cart: CartDto; cookie: GuestCookie }> {
    const { cartId, cookie } = await this.resolve(shopper, false);
    if (!cartId || !(await this.carts.removeLine(cartId, lineId))) throw lineNotFound();
    return { cart: await this.cartOf(cartId), cookie };
  }

  /**
   * The shopper's cart id (made when `create`), merging a guest cart into the account's on the way.
   * Without a manager it runs its own transaction when it has more than one thing to do.
   */
  private async resolve(
    shopper: Shopper,
    create: boolean,
    manager?: EntityManager,
  ): Promise<{ cartId: string | undefined; cookie: GuestCookie }> {
    if (shopper.user && shopper.user.role !== 'buyer') throw new AppError('FORBIDDEN', 'Only buyer accounts have a cart.');
    if (!manager) return this.unitOfWork.run(({ manager: own }) => this.resolve(shopper, create, own));
    const guest: CartOwner | undefined = shopper.guestToken ? { tokenHash: hashToken(shopper.guestToken) } : undefined;
    if (shopper.user) {
      const owner = { accountId: shopper.user.id };
      const guestCartId = guest ? await this.carts.find(guest, manager) : undefined;
      if (!guestCartId && !create) return { cartId: await this.carts.find(owner, manager), cookie: guest ? 'clear' : null };
      const cartId = await this.carts.findOrCreate(manager, owner);
      if (guestCartId) await this.carts.merge(manager, guestCartId, cartId, MAX_LINE_QUANTITY);
      return { cartId, cookie: guest ? 'clear' : null };
    }
    const existing = guest ? await this.carts.find(guest, manager) : undefined;
    if (existing || !create) return { cartId: existing, cookie: null };
    const token = randomBytes(32).toString('base64url');
    return { cartId: await this.carts.findOrCreate(manager, { tokenHash: hashToken(token) }), cookie: { set: token } };
  }

  purgeAbandonedGuestCarts(): Promise<number> {
    return this.carts.purgeGuestCarts(GUEST_CART_DAYS);
  }

  private async cartOf(cartId: string | undefined): Promise<CartDto> {
    return cartFrom(cartId ? await this.carts.lines({ cartId }) : []);
  }
}

function cartFrom(rows: CartLineRow[]): CartDto {
  const lines = rows.map(toLine);
  return {
    lines,
    itemsFen: sumFen(lines.filter((line) => line.problem === null).map((line) => line.lineTotalFen)),
    maxLineQuantity: MAX_LINE_QUANTITY,
  };
}

// Not on sale is the same answer as unknown: a cart tells nothing of products the shop does not show.
function variantNotFound(): AppError {
  return new AppError('VARIANT_NOT_FOUND', 'No such product variant on sale.');
}

function lineNotFound(): AppError {
  return new AppError('CART_LINE_NOT_FOUND', 'No such line in your cart.');
}
