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
import { UnitOfWork } from '../database/unit-of-work';
import { cooperativeOf, type Acting } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/keyset-cursor';
import { CooperativesRepository } from './cooperatives.repository';
import {
  CreateProductDto,
  MAX_IMAGES,
  ManagedProductDto,
  ManagedProductPageDto,
  ManagedProductQueryDto,
  UpdateProductDto,
} from './dto/managed-product.dto';
import type { CooperativeSettingsDto, ManagedCooperativeDto } from './dto/admin-catalog.dto';
import { toManagedCooperative, toManagedProduct } from './managed-product';
import { pinyinOf, productSlug } from './pinyin';
import { ImageType, ProductImageStore } from './product-images';
import { ProductsRepository, type ManagedProductRow, type ProductWrite } from './products.repository';
import { CoopProductAccess } from './coop-product-access';
import { checkDistinctLabels, CoopVariantsService } from './coop-variants.service';

const DEFAULT_PAGE_SIZE = 50;

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

/** What a cooperative's staff do with their own products (their variants: CoopVariantsService). Every write is audited in its own transaction. */
@Injectable()
export class CoopProductsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly products: ProductsRepository,
    private readonly cooperatives: CooperativesRepository,
    private readonly images: ProductImageStore,
    private readonly access: CoopProductAccess,
    private readonly variants: CoopVariantsService,
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

  get(user: Acting, id: string): Promise<ManagedProductDto> {
    return this.access.get(user, id);
  }

  async cooperative(user: Acting): Promise<ManagedCooperativeDto> {
    const row = await this.cooperatives.find(cooperativeOf(user));
    if (!row) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
    return toManagedCooperative(row);
  }

  /** Staff set how many days their cooperative needs before an organisation's delivery. */
  async updateSettings(user: Acting, dto: CooperativeSettingsDto): Promise<ManagedCooperativeDto> {
    const cooperativeId = cooperativeOf(user);
    await this.unitOfWork.run(async ({ manager, audit }) => {
      const before = await this.cooperatives.find(cooperativeId, manager);
      if (!before) throw new AppError('COOPERATIVE_NOT_FOUND', 'No such cooperative.');
      await this.cooperatives.setLeadDays(manager, cooperativeId, dto.leadDays);
      await audit({
        actor: user,
        action: 'cooperative.settings_changed',
        entityType: 'cooperative',
        entityId: cooperativeId,
        before: { leadDays: before.leadDays },
        after: { leadDays: dto.leadDays },
      });
    });
    return this.cooperative(user);
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
    const slug = productSlug(dto.titleEn ?? '', dto.titleZh, randomBytes(4).toString('hex'));
    const { full, initials } = pinyinOf(dto.titleZh);
    const fields: ProductWrite = {
      category: dto.category,
      titleZh: dto.titleZh.trim(),
      // English is optional for a cooperative: English pages then show the Chinese.
      titleEn: dto.titleEn?.trim() || dto.titleZh.trim(),
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
      await this.access.checkActive(manager, cooperativeId);
      const productId = await this.products.insert(manager, cooperativeId, slug, fields);
      await this.variants.insert(manager, user, productId, slug, dto.variants, 0);
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
      const current = await this.access.forWrite(manager, user, id);
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
      await this.variants.edit(work, user, current, variantChanges, newVariants);
    });
    return this.get(user, id);
  }

  /** The file is written first and removed again if the product cannot take it. */
  async addImage(user: Acting, productId: string, bytes: Buffer, type: ImageType): Promise<ManagedProductDto> {
    // Checked before writing anything, then again under the row lock.
    await this.get(user, productId);
    const url = await this.images.save(bytes, type);
    try {
      await this.unitOfWork.run(async ({ manager, audit }) => {
        const current = await this.access.forWrite(manager, user, productId);
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
      const current = await this.access.forWrite(manager, user, id, { archivedToo: true });
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
