import { Injectable } from '@nestjs/common';
import { priceBreaksProblem, type PriceBreak } from '@qh/domain';
import { EntityManager } from 'typeorm';
import type { Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork, type Work } from '../database/unit-of-work';
import { CoopProductAccess } from './coop-product-access';
import {
  MAX_VARIANTS,
  ManagedProductDto,
  PriceBreaksInputDto,
  StockAdjustmentDto,
  StockDto,
  StockMovementDto,
  UpdateVariantDto,
  VariantChangeDto,
  VariantInputDto,
} from './dto/managed-product.dto';
import { ProductsRepository } from './products.repository';

const MOVEMENTS_SHOWN = 50;

/** A variant's breaks must stay below its price: refused when they would not, naming the field that made it so. */
function checkPriceBreaks(field: 'breaks' | 'priceFen', priceFen: number, breaks: readonly PriceBreak[]): void {
  const problem = priceBreaksProblem(priceFen, breaks);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', `The price breaks do not fit: ${problem}.`, [
      { field, problems: [problem], rules: ['priceBreaks'] },
    ]);
  }
}

export function checkDistinctLabels(labels: string[]): void {
  if (new Set(labels).size !== labels.length)
    throw new AppError('VARIANT_LABEL_TAKEN', 'Two variants of one product cannot share a label.');
}

/** A cooperative's variants (sizes, weights) of its own products and their stock. Every write is audited in its transaction. */
@Injectable()
export class CoopVariantsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly products: ProductsRepository,
    private readonly access: CoopProductAccess,
  ) {}

  async movements(user: Acting, variantId: string): Promise<StockMovementDto[]> {
    await this.access.productOfVariant(user, variantId);
    const rows = await this.products.movements(variantId, MOVEMENTS_SHOWN);
    return rows.map((m) => ({ delta: m.delta, stockAfter: m.stockAfter, reason: m.reason, note: m.note, at: m.createdAt.toISOString() }));
  }

  async add(user: Acting, productId: string, dto: VariantInputDto): Promise<ManagedProductDto> {
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.access.forWrite(manager, user, productId);
      if (current.variants.length >= MAX_VARIANTS)
        throw new AppError('TOO_MANY_VARIANTS', `A product has at most ${MAX_VARIANTS} variants.`);
      checkDistinctLabels([...current.variants.map((v) => v.labelZh), dto.labelZh]);
      await this.insert(manager, user, productId, current.slug, [dto], current.variants.length);
      await audit({
        actor: user,
        action: 'variant.added',
        entityType: 'product',
        entityId: productId,
        after: { ...dto },
      });
    });
    return this.access.get(user, productId);
  }

  async update(user: Acting, variantId: string, dto: UpdateVariantDto): Promise<ManagedProductDto> {
    const productId = await this.access.productOfVariant(user, variantId);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.access.forWrite(manager, user, productId);
      const before = current.variants.find((v) => v.id === variantId)!;
      if (dto.labelZh !== undefined) checkDistinctLabels(current.variants.map((v) => (v.id === variantId ? dto.labelZh! : v.labelZh)));
      if (dto.priceFen !== undefined) checkPriceBreaks('priceFen', dto.priceFen, before.priceBreaks);
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
    return this.access.get(user, productId);
  }

  /** Replaces the variant's quantity price breaks (阶梯价): each from more units and cheaper than the last, below the price. */
  async setPriceBreaks(user: Acting, variantId: string, dto: PriceBreaksInputDto): Promise<ManagedProductDto> {
    const productId = await this.access.productOfVariant(user, variantId);
    const breaks = [...dto.breaks]
      .sort((a, b) => a.minQuantity - b.minQuantity)
      .map(({ minQuantity, priceFen }) => ({ minQuantity, priceFen }));
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const current = await this.access.forWrite(manager, user, productId);
      const variant = current.variants.find((v) => v.id === variantId)!;
      checkPriceBreaks('breaks', variant.priceFen, breaks);
      await this.products.setPriceBreaks(manager, variantId, breaks);
      await audit({
        actor: user,
        action: 'variant.price_breaks_set',
        entityType: 'variant',
        entityId: variantId,
        before: { priceBreaks: variant.priceBreaks },
        after: { priceBreaks: breaks },
      });
    });
    return this.access.get(user, productId);
  }

  async adjustStock(user: Acting, variantId: string, dto: StockAdjustmentDto): Promise<StockDto> {
    if (dto.delta === 0)
      throw new AppError('VALIDATION_FAILED', 'delta must not be 0', [{ field: 'delta', problems: ['delta must not be 0'] }]);
    const productId = await this.access.productOfVariant(user, variantId);
    return this.unitOfWork.run(async ({ manager, audit }) => {
      await this.access.forWrite(manager, user, productId, { archivedToo: true });
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

  /** Variants changed and added with their product; the same checks as one at a time, over the variants as they will be. */
  async edit(
    { manager, audit }: Work,
    user: Acting,
    current: { id: string; slug: string; variants: { id: string; labelZh: string; priceBreaks: PriceBreak[] }[] },
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
      if (body.priceFen !== undefined) checkPriceBreaks('priceFen', body.priceFen, own.get(variantId)!.priceBreaks);
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
    await this.insert(manager, user, current.id, current.slug, added, current.variants.length);
    for (const variant of added)
      await audit({
        actor: user,
        action: 'variant.added',
        entityType: 'product',
        entityId: current.id,
        after: { ...variant },
      });
  }

  /** Writes new variants after the product's `firstSortOrder` existing ones, each with its starting stock; SKUs must be free. */
  async insert(manager: EntityManager, user: Acting, productId: string, slug: string, variants: VariantInputDto[], firstSortOrder: number) {
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
      const labelEn = variant.labelEn?.trim() || variant.labelZh.trim();
      const variantId = await this.products.insertVariant(manager, productId, { ...variant, labelEn, sku, sortOrder });
      if (variant.stock) {
        await this.products.adjustStock(manager, { variantId, delta: variant.stock, reason: 'INITIAL', note: null, actorId: user.id });
      }
    }
  }
}
