import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { cooperativeOf, type Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { CooperativesRepository } from './cooperatives.repository';
import type { ManagedProductDto } from './dto/managed-product.dto';
import { toManagedProduct } from './managed-product';
import { ProductsRepository, type ManagedProductRow } from './products.repository';

/** The one place that decides whether a cooperative's staff may read or change a product or variant: only their own. */
@Injectable()
export class CoopProductAccess {
  constructor(
    private readonly products: ProductsRepository,
    private readonly cooperatives: CooperativesRepository,
  ) {}

  async get(user: Acting, id: string): Promise<ManagedProductDto> {
    const row = await this.products.find(id);
    if (!row) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
    if (row.cooperativeId !== cooperativeOf(user)) throw notYours();
    return toManagedProduct(row);
  }

  /** Staff of a suspended cooperative cannot change its shop. */
  async checkActive(manager: EntityManager, cooperativeId: string): Promise<void> {
    if ((await this.cooperatives.status(cooperativeId, manager)) === 'SUSPENDED') {
      throw new AppError('COOPERATIVE_SUSPENDED', 'Your cooperative is suspended; contact the platform to change products.');
    }
  }

  /** Locks the product, checks it is the user's and still editable, and reads it whole. */
  async forWrite(manager: EntityManager, user: Acting, id: string, options: { archivedToo?: boolean } = {}): Promise<ManagedProductRow> {
    const locked = await this.products.lock(manager, id);
    if (!locked) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
    if (locked.cooperativeId !== cooperativeOf(user)) throw notYours();
    await this.checkActive(manager, locked.cooperativeId);
    if (locked.status === 'ARCHIVED' && !options.archivedToo)
      throw new AppError('PRODUCT_STATUS_CONFLICT', 'An archived product cannot be changed.');
    return (await this.products.find(id, manager))!;
  }

  /** The product of one of the user's variants. */
  async productOfVariant(user: Acting, variantId: string): Promise<string> {
    const owner = await this.products.variantOwner(variantId);
    if (!owner) throw new AppError('VARIANT_NOT_FOUND', 'No such variant.');
    if (owner.cooperativeId !== cooperativeOf(user)) throw notYours();
    return owner.productId;
  }
}

function notYours(): AppError {
  return new AppError('NOT_YOUR_COOPERATIVE', 'This belongs to another cooperative.');
}
