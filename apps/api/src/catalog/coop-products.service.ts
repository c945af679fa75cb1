import { Injectable } from '@nestjs/common';
import {
  isShippingClassAllowed,
  nextProductStatus,
  SALE_WINDOW_PROBLEMS,
  saleWindowProblems,
  statusAfterEdit,
  type ProductCategory,
  type ShippingClass,
} from '@qh/domain';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { cooperativeOf, type Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { CooperativesRepository } from './cooperatives.repository';
import {
  CreateProductDto,
  MAX_IMAGES,
  MAX_VARIANTS,
  ManagedProductDto,
  ManagedProductPageDto,
  ManagedProductQueryDto,
  StockAdjustmentDto,
  StockDto,
  StockMovementDto,
  UpdateProductDto,
  UpdateVariantDto,
  VariantChangeDto,
  VariantInputDto,
} from './dto/managed-product.dto';
import type { ManagedCooperativeDto } from './dto/admin-catalog.dto';
import { toManagedCooperative, toManagedProduct } from './managed-product';
import { pinyinOf, productSlug } from './pinyin';
import { ImageType, ProductImageStore } from './product-images';
import { ProductsRepository, type ManagedProductRow, type ProductWrite } from './products.repository';

const DEFAULT_PAGE_SIZE = 50;
const MOVEMENTS_SHOWN = 50;

/**
 * The sale window must be a window, and a pre-sale needs one: the domain's rule, which the portal's
 * form checks too. Instants come as the DTO took them (with their offset) or as stored.
 */
function checkSaleWindow(window: {
  saleStartsAt: string | Date | null;
  saleEndsAt: string | Date | null;
  presaleShipsOn: string | null;
}): void {
  const instant = (value: string | Date | null) => (value === null ? null : new Date(value));
  const problems = saleWindowProblems({
    saleStartsAt: instant(window.saleStartsAt),
    saleEndsAt: instant(window.saleEndsAt),
    presaleShipsOn: window.presaleShipsOn,
  }).map((problem) => SALE_WINDOW_PROBLEMS[problem]);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.join('; '), [{ field: 'saleWindow', problems }]);
}

function checkShippingClass(category: ProductCategory, shippingClass: ShippingClass): void {
  if (!isShippingClassAllowed(category, shippingClass)) {
    throw new AppError('SHIPPING_CLASS_NOT_ALLOWED', `${category} cannot ship ${shippingClass}.`);
  }
}

/** What a cooperative's staff do with their own products. Every write is audited in its own transaction. */
@Injectable()
export class CoopProductsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly products: ProductsRepository,
    private readonly cooperatives: CooperativesRepository,
    private readonly images: ProductImageStore,
  ) {}

  async list(user: Acting, query: ManagedProductQueryDto): Promise<ManagedProductPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.products.list({
      cooperativeId: cooperativeOf(user),
      status: query.status,
      order: 'newest',
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, 'newest') : undefined,
    });
    return keysetPage(rows, limit, 'newest', toManagedProduct);
  }

  async get(user: Acting, id: string): Promise<ManagedProductDto> {
    const row = await this.products.find(id);
    if (!row) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
    if (row.cooperativeId !== cooperativeOf(user)) throw notYours();
    return toManagedProduct(row);
  }

  async cooperative(user: Acting): Promise<ManagedCooperativeDto> {
    const row = await this.cooperatives.find(cooperativeOf(user));
    if (!row) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
    return toManagedCooperative(row);
  }

  async movements(user: Acting, variantId: string): Promise<StockMovementDto[]> {
    await this.productOfVariant(user, variantId);
    const rows = await this.products.movements(variantId, MOVEMENTS_SHOWN);
    return rows.map((m) => ({ delta: m.delta, stockAfter: m.stockAfter, reason: m.reason, note: m.note, at: m.createdAt.toISOString() }));
  }

  async create(user: Acting, dto: CreateProductDto): Promise<ManagedProductDto> {
    const cooperativeId = cooperativeOf(user);
    checkShippingClass(dto.category, dto.shippingClass);
    const window = {
      saleStartsAt: dto.saleStartsAt ?? null,
      saleEndsAt: dto.saleEndsAt ?? null,
      presaleShipsOn: dto.presaleShipsOn ?? null,
    };
    checkSaleWindow(window);
    checkDistinctLabels(dto.variants.map((v) => v.labelZh));
    const slug = productSlug(dto.titleEn, dto.titleZh, randomBytes(4).toString('hex'));
    const { full, initials } = pinyinOf(dto.titleZh);
    const fields: ProductWrite = {
      category: dto.category,
      titleZh: dto.titleZh.trim(),
      titleEn: dto.titleEn.trim(),
      descriptionZh: dto.descriptionZh ?? '',
      descriptionEn: dto.descriptionEn ?? '',
      pinyin: full,
      pinyinInitials: initials,
      originTownshipCode: dto.originTownshipCode,
      shippingClass: dto.shippingClass,
      shelfLifeDays: dto.shelfLifeDays,
      ...window,
      images: [],
    };
    const id = await this.unitOfWork.run(async ({ manager, audit }) => {
      await this.checkActive(manager, cooperativeId);
      const productId = await this.products.insert(manager, cooperativeId, slug, fields);
      await this.addVariants(manager, user, productId, slug, dto.variants, 0);
      await audit({
        actor: user,
        action: 'product.created',
        entityType: 'product',
        entityId: productId,
        after: { ...dto },
      });
      return productId;
    });
    return this.get(user, id);
  }

  /** The product's fields and its variants' changes and additions, in one transaction: all of it is saved, or none. */
  async update(user: Acting, id: string, { variantChanges = [], newVariants = [], ...dto }: UpdateProductDto): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async (work) => {
      const { manager, audit } = work;
      const current = await this.ownProductForWrite(manager, user, id);
      // Only the fields sent: an absent field is left alone, a null one is cleared.
      const changes: Partial<ProductWrite> = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      const changed = (Object.keys(changes) as (keyof ProductFields)[]).filter((key) => changes[key] !== currentValue(current, key));
      checkShippingClass(dto.category ?? current.category, dto.shippingClass ?? current.shippingClass);
      checkSaleWindow({
        saleStartsAt: dto.saleStartsAt !== undefined ? dto.saleStartsAt : current.saleStartsAt,
        saleEndsAt: dto.saleEndsAt !== undefined ? dto.saleEndsAt : current.saleEndsAt,
        presaleShipsOn: dto.presaleShipsOn !== undefined ? dto.presaleShipsOn : current.presaleShipsOn,
      });
      if (dto.images) {
        const known = new Set(current.images);
        if (new Set(dto.images).size !== dto.images.length || !dto.images.every((url) => known.has(url))) {
          throw new AppError('VALIDATION_FAILED', "images may only reorder or leave out the product's uploaded images", [
            { field: 'images', problems: ['unknown or repeated image URL'] },
          ]);
        }
      }
      if (dto.titleZh) Object.assign(changes, { pinyin: pinyinOf(dto.titleZh).full, pinyinInitials: pinyinOf(dto.titleZh).initials });
      const status = statusAfterEdit(current.status as Exclude<typeof current.status, 'ARCHIVED'>, changed);
      if (Object.keys(changes).length > 0 || (variantChanges.length === 0 && newVariants.length === 0)) {
        await this.products.update(manager, id, changes, status);
        await audit({
          actor: user,
          action: 'product.updated',
          entityType: 'product',
          entityId: id,
          before: { status: current.status, ...pick(current, changed) },
          after: { status, ...dto },
        });
      }
      await this.editVariants(work, user, current, variantChanges, newVariants);
    });
    return this.get(user, id);
  }

  /** Variants changed and added with their product; the same checks as one at a time, over the variants as they will be. */
  private async editVariants(
    { manager, audit }: Work,
    user: Acting,
    current: { id: string; slug: string; variants: { id: string; labelZh: string }[] },
    changes: VariantChangeDto[],
    added: VariantInputDto[],
  ): Promise<void> {
    if (changes.length === 0 && added.length === 0) return;
    const own = new Map(current.variants.map((variant) => [variant.id, variant]));
    if (changes.some((change) => !own.has(change.id))) throw new AppError('VARIANT_NOT_FOUND', 'No such variant of this product.');
    if (new Set(changes.map((change) => change.id)).size !== changes.length)
      throw new AppError('VALIDATION_FAILED', 'A variant is changed twice', [
        { field: 'variantChanges', problems: ['a variant id is repeated'] },
      ]);
    if (current.variants.length + added.length > MAX_VARIANTS)
      throw new AppError('TOO_MANY_VARIANTS', `A product has at most ${MAX_VARIANTS} variants.`);
    const labelOf = new Map(changes.map((change) => [change.id, change.labelZh]));
    checkDistinctLabels([...current.variants.map((v) => labelOf.get(v.id) ?? v.labelZh), ...added.map((variant) => variant.labelZh)]);
    for (const { id: variantId, ...body } of changes) {
      await this.products.updateVariant(manager, variantId, body);
      await audit({
        actor: user,
        action: 'variant.updated',
        entityType: 'variant',
        entityId: variantId,
        before: { ...own.get(variantId) },
        after: { ...body },
      });
    }
    if (added.length === 0) return;
    await this.addVariants(manager, user, current.id, current.slug, added, current.variants.length);
    for (const variant of added)
      await audit({
        actor: user,
        action: 'variant.added',
        entityType: 'product',
        entityId: current.id,
        after: { ...variant },
      });
  }

  async addVariant(user: Acting, productId: string, dto: VariantInputDto): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.ownProductForWrite(manager, user, productId);
      if (current.variants.length >= MAX_VARIANTS)
        throw new AppError('TOO_MANY_VARIANTS', `A product has at most ${MAX_VARIANTS} variants.`);
      checkDistinctLabels([...current.variants.map((v) => v.labelZh), dto.labelZh]);
      await this.addVariants(manager, user, productId, current.slug, [dto], current.variants.length);
      await audit({
        actor: user,
        action: 'variant.added',
        entityType: 'product',
        entityId: productId,
        after: { ...dto },
      });
    });
    return this.get(user, productId);
  }

  async updateVariant(user: Acting, variantId: string, dto: UpdateVariantDto): Promise<ManagedProductDto> {
    const productId = await this.productOfVariant(user, variantId);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.ownProductForWrite(manager, user, productId);
      const before = current.variants.find((v) => v.id === variantId);
      if (dto.labelZh !== undefined) checkDistinctLabels(current.variants.map((v) => (v.id === variantId ? dto.labelZh! : v.labelZh)));
      await this.products.updateVariant(manager, variantId, dto);
      await audit({
        actor: user,
        action: 'variant.updated',
        entityType: 'variant',
        entityId: variantId,
        before: { ...before },
        after: { ...dto },
      });
    });
    return this.get(user, productId);
  }

  async adjustStock(user: Acting, variantId: string, dto: StockAdjustmentDto): Promise<StockDto> {
    if (dto.delta === 0)
      throw new AppError('VALIDATION_FAILED', 'delta must not be 0', [{ field: 'delta', problems: ['delta must not be 0'] }]);
    const productId = await this.productOfVariant(user, variantId);
    return this.unitOfWork.run(async ({ manager, audit }) => {
      await this.ownProductForWrite(manager, user, productId, { archivedToo: true });
      const stock = await this.products.adjustStock(manager, {
        variantId,
        delta: dto.delta,
        reason: dto.reason,
        note: dto.note ?? null,
        actorId: user.id,
      });
      if (stock === null) throw new AppError('INSUFFICIENT_STOCK', 'There is not that much stock to take away.');
      await audit({
        actor: user,
        action: 'stock.adjusted',
        entityType: 'variant',
        entityId: variantId,
        after: { ...dto, stock },
      });
      return { variantId, stock };
    });
  }

  /** The file is written first and removed again if the product cannot take it. */
  async addImage(user: Acting, productId: string, bytes: Buffer, type: ImageType): Promise<ManagedProductDto> {
    // Checked before writing anything, then again under the row lock.
    await this.get(user, productId);
    const url = await this.images.save(bytes, type);
    try {
      await this.unitOfWork.run(async ({ manager, audit }) => {
        const current = await this.ownProductForWrite(manager, user, productId);
        if (current.images.length >= MAX_IMAGES) throw new AppError('TOO_MANY_IMAGES', `A product has at most ${MAX_IMAGES} images.`);
        await this.products.update(manager, productId, { images: [...current.images, url] }, current.status);
        await audit({
          actor: user,
          action: 'product.image_added',
          entityType: 'product',
          entityId: productId,
          after: { url, bytes: bytes.length },
        });
      });
    } catch (error) {
      await this.images.remove(url);
      throw error;
    }
    return this.get(user, productId);
  }

  submit(user: Acting, id: string): Promise<ManagedProductDto> {
    return this.transition(user, id, 'submit');
  }

  archive(user: Acting, id: string): Promise<ManagedProductDto> {
    return this.transition(user, id, 'archive');
  }

  private async transition(user: Acting, id: string, transition: 'submit' | 'archive'): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.ownProductForWrite(manager, user, id, { archivedToo: true });
      const status = nextProductStatus(current.status, transition);
      if (!status)
        throw new AppError(
          'PRODUCT_STATUS_CONFLICT',
          `A ${current.status} product cannot be ${transition === 'submit' ? 'submitted' : 'archived'}.`,
        );
      await this.products.setStatus(manager, id, status, transition === 'submit' ? null : current.rejectReason);
      await audit({
        actor: user,
        action: transition === 'submit' ? 'product.submitted' : 'product.archived',
        entityType: 'product',
        entityId: id,
        before: { status: current.status },
        after: { status },
      });
    });
    return this.get(user, id);
  }

  private async checkActive(manager: EntityManager, cooperativeId: string): Promise<void> {
    if ((await this.cooperatives.status(cooperativeId, manager)) === 'SUSPENDED') {
      throw new AppError('COOPERATIVE_SUSPENDED', 'Your cooperative is suspended; contact the platform to change products.');
    }
  }

  /** Locks the product, checks it is the user's and still editable, and reads it whole. */
  private async ownProductForWrite(manager: EntityManager, user: Acting, id: string, options: { archivedToo?: boolean } = {}) {
    const locked = await this.products.lock(manager, id);
    if (!locked) throw new AppError('PRODUCT_NOT_FOUND', 'No such product.');
    if (locked.cooperativeId !== cooperativeOf(user)) throw notYours();
    await this.checkActive(manager, locked.cooperativeId);
    if (locked.status === 'ARCHIVED' && !options.archivedToo)
      throw new AppError('PRODUCT_STATUS_CONFLICT', 'An archived product cannot be changed.');
    return (await this.products.find(id, manager))!;
  }

  private async productOfVariant(user: Acting, variantId: string): Promise<string> {
    const owner = await this.products.variantOwner(variantId);
    if (!owner) throw new AppError('VARIANT_NOT_FOUND', 'No such variant.');
    if (owner.cooperativeId !== cooperativeOf(user)) throw notYours();
    return owner.productId;
  }

  private async addVariants(
    manager: EntityManager,
    user: Acting,
    productId: string,
    slug: string,
    variants: VariantInputDto[],
    firstSortOrder: number,
  ) {
    const given = variants.map((v) => v.sku).filter((sku): sku is string => sku !== undefined);
    if (new Set(given).size !== given.length) throw new AppError('SKU_TAKEN', 'Two variants have the same sku.');
    const taken = given.length ? await this.products.skuTaken(manager, given) : [];
    if (taken.length)
      throw new AppError('SKU_TAKEN', `The sku ${taken.join(', ')} is already in use.`, [
        { field: 'variants.sku', problems: taken.map((sku) => `${sku} is already in use`) },
      ]);
    for (const [index, variant] of variants.entries()) {
      const sortOrder = firstSortOrder + index;
      const sku = variant.sku ?? `${slug.toUpperCase().slice(-24)}-${sortOrder + 1}`;
      const variantId = await this.products.insertVariant(manager, productId, { ...variant, sku, sortOrder });
      if (variant.stock) {
        await this.products.adjustStock(manager, { variantId, delta: variant.stock, reason: 'INITIAL', note: null, actorId: user.id });
      }
    }
  }
}

function notYours(): AppError {
  return new AppError('NOT_YOUR_COOPERATIVE', 'This belongs to another cooperative.');
}

function checkDistinctLabels(labels: string[]): void {
  if (new Set(labels).size !== labels.length)
    throw new AppError('VARIANT_LABEL_TAKEN', 'Two variants of one product cannot share a label.');
}

/** The product's own fields of an update (its variants' changes come beside them). */
type ProductFields = Omit<UpdateProductDto, 'variantChanges' | 'newVariants'>;

/** Fields the row holds as the DTO sends them; the others (times, images) always count as changed when sent. */
const COMPARABLE = new Set<keyof ProductFields>([
  'category',
  'titleZh',
  'titleEn',
  'descriptionZh',
  'descriptionEn',
  'originTownshipCode',
  'shippingClass',
  'shelfLifeDays',
  'presaleShipsOn',
]);

/** The stored value of a DTO field, to tell a real change from a resend of the same value. */
function currentValue(row: ManagedProductRow, key: keyof ProductFields): unknown {
  return COMPARABLE.has(key) ? row[key as keyof ManagedProductRow] : Symbol('always different');
}

function pick(row: ManagedProductRow, keys: (keyof ProductFields)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof ManagedProductRow]]));
}
