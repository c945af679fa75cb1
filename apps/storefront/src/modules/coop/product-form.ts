import type { components } from '@qh/api-client';
import {
  parseYuan,
  REVIEWED_PRODUCT_FIELDS,
  SHIPPING_CLASSES_BY_CATEGORY,
  isShippingClassAllowed,
  saleWindowProblems,
  type ProductCategory,
  type SaleWindowProblem,
  type ShippingClass,
} from '@qh/domain';
import { fenToYuanText, normalizeDigits } from '../../lib/yuan-input';

export type ManagedProduct = components['schemas']['ManagedProductDto'];
export type ManagedVariant = components['schemas']['ManagedVariantDto'];
export type CreateProductBody = components['schemas']['CreateProductDto'];
export type UpdateProductBody = components['schemas']['UpdateProductDto'];
export type VariantInputBody = components['schemas']['VariantInputDto'];
export type UpdateVariantBody = components['schemas']['UpdateVariantDto'];

// The API's limits (apps/api/src/catalog/dto/managed-product.dto.ts), checked here first so that a
// cooperative sees every problem at once, in its own language, before a round trip.
export const LIMITS = {
  titleZh: { min: 2, max: 60 },
  // English is optional: left empty, the API fills it from the Chinese.
  titleEn: { min: 2, max: 120, optional: true },
  descriptionZh: { max: 2000 },
  descriptionEn: { max: 4000 },
  shelfLifeDays: { min: 1, max: 3650 },
  labelZh: { min: 1, max: 40 },
  labelEn: { min: 1, max: 80, optional: true },
  priceFen: { min: 1, max: 10_000_000 },
  weightG: { min: 1, max: 100_000 },
  stock: { min: 0, max: 1_000_000 },
  variants: { max: 20 },
  images: { max: 8, bytes: 5 * 1024 * 1024 },
} as const;

const SKU_PATTERN = /^[A-Z0-9][A-Z0-9._-]{2,39}$/;

/** One variant row as typed: numbers stay text until they are checked. `id` is null until it is saved. */
export interface VariantForm {
  /** Stable key for v-for, also for rows that have no id yet. */
  key: number;
  id: string | null;
  sku: string;
  labelZh: string;
  labelEn: string;
  priceYuan: string;
  weightG: string;
  /** Starting stock of a new variant; a saved variant's stock changes through stock movements only. */
  stock: string;
}

export interface ProductForm {
  category: ProductCategory | '';
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  originTownshipCode: string;
  shippingClass: ShippingClass | '';
  shelfLifeDays: string;
  /** `<input type="datetime-local">` values (local time, no zone); '' for none. */
  saleStartsAt: string;
  saleEndsAt: string;
  /** `<input type="date">` value. */
  presaleShipsOn: string;
  variants: VariantForm[];
}

/** A message to show for a field: an i18n key under `coop.form.errors` and its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

/** Errors by the API's field path (`titleZh`, `variants.0.priceFen`), so server details land on the same fields. */
export type FormErrors = Record<string, FieldError>;

let nextKey = 1;

export function emptyVariant(): VariantForm {
  return { key: nextKey++, id: null, sku: '', labelZh: '', labelEn: '', priceYuan: '', weightG: '', stock: '' };
}

export function emptyForm(): ProductForm {
  return {
    category: '',
    titleZh: '',
    titleEn: '',
    descriptionZh: '',
    descriptionEn: '',
    originTownshipCode: '',
    shippingClass: '',
    shelfLifeDays: '',
    saleStartsAt: '',
    saleEndsAt: '',
    presaleShipsOn: '',
    variants: [emptyVariant()],
  };
}

// Shared with the organisation's forms (approval threshold, order quantities).
export { fenToYuanText, normalizeDigits };

/** A price typed in yuan as integer fen, or the reason it is not one. */
export function parsePriceFen(text: string): { fen: number } | { error: FieldError } {
  const normalized = normalizeDigits(text);
  if (normalized === '') return { error: { key: 'required' } };
  let fen: number;
  try {
    fen = parseYuan(normalized);
  } catch {
    return { error: { key: /\.\d{3,}$/.test(normalized) ? 'priceDecimals' : 'priceInvalid' } };
  }
  if (fen < LIMITS.priceFen.min) return { error: { key: 'pricePositive' } };
  if (fen > LIMITS.priceFen.max) return { error: { key: 'priceTooHigh', params: { max: fenToYuanText(LIMITS.priceFen.max) } } };
  return { fen };
}

/** A whole number typed into a field, or null when it is not one (`12`, `-3` with `signed`). */
export function parseWhole(text: string, signed = false): number | null {
  const normalized = normalizeDigits(text);
  if (!(signed ? /^[+-]?\d+$/ : /^\d+$/).test(normalized)) return null;
  const value = Number(normalized);
  return Number.isSafeInteger(value) ? value : null;
}

function checkWhole(text: string, range: { min: number; max: number }): FieldError | null {
  if (normalizeDigits(text) === '') return { key: 'required' };
  const value = parseWhole(text);
  if (value === null || value < range.min || value > range.max) return { key: 'wholeRange', params: range };
  return null;
}

function checkLength(text: string, range: { min?: number; max: number; optional?: boolean }): FieldError | null {
  const length = [...text.trim()].length;
  if (range.optional && length === 0) return null;
  if (range.min !== undefined && length === 0) return { key: 'required' };
  if (range.min !== undefined && length < range.min) return { key: 'tooShort', params: { min: range.min } };
  if (length > range.max) return { key: 'tooLong', params: { max: range.max } };
  return null;
}

/** The shipping classes a category can travel in, e.g. only chilled for cherries. */
export function allowedShippingClasses(category: ProductCategory | ''): readonly ShippingClass[] {
  return category === '' ? [] : SHIPPING_CLASSES_BY_CATEGORY[category];
}

/**
 * The shipping class to keep after the category changed: the same one when still allowed, the only
 * one when there is just one, otherwise none so the cooperative picks.
 */
export function shippingClassFor(category: ProductCategory | '', current: ShippingClass | ''): ShippingClass | '' {
  const allowed = allowedShippingClasses(category);
  if (current !== '' && allowed.includes(current)) return current;
  return allowed.length === 1 ? allowed[0]! : '';
}

/** `2027-04-01T08:00` (local time) as an ISO instant, or null when empty or not a time. */
export function localInputToIso(value: string): string | null {
  if (value === '') return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** An ISO instant as a `datetime-local` value in the reader's time zone, to the minute. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

function validateVariant(variant: VariantForm, path: string, errors: FormErrors): void {
  const set = (field: string, error: FieldError | null) => {
    if (error) errors[`${path}.${field}`] = error;
  };
  const sku = variant.sku.trim().toUpperCase();
  if (variant.id === null && sku !== '' && !SKU_PATTERN.test(sku)) set('sku', { key: 'skuFormat' });
  set('labelZh', checkLength(variant.labelZh, LIMITS.labelZh));
  set('labelEn', checkLength(variant.labelEn, LIMITS.labelEn));
  const price = parsePriceFen(variant.priceYuan);
  if ('error' in price) set('priceFen', price.error);
  set('weightG', checkWhole(variant.weightG, LIMITS.weightG));
  if (variant.id === null && normalizeDigits(variant.stock) !== '') set('stock', checkWhole(variant.stock, LIMITS.stock));
}

/** Where the form shows each problem of the sale window. */
const SALE_WINDOW_ERRORS: Record<SaleWindowProblem, [field: string, error: FieldError]> = {
  SALE_ENDS_BEFORE_START: ['saleEndsAt', { key: 'saleEndBeforeStart' }],
  PRESALE_NEEDS_START: ['presaleShipsOn', { key: 'presaleNeedsStart' }],
  PRESALE_BEFORE_START: ['presaleShipsOn', { key: 'presaleBeforeStart' }],
};

/** Every problem with the form, mirroring the API's rules; empty when it can be sent. */
export function validateProductForm(form: ProductForm): FormErrors {
  const errors: FormErrors = {};
  const set = (field: string, error: FieldError | null) => {
    if (error) errors[field] = error;
  };
  if (form.category === '') set('category', { key: 'chooseOne' });
  set('titleZh', checkLength(form.titleZh, LIMITS.titleZh));
  set('titleEn', checkLength(form.titleEn, LIMITS.titleEn));
  set('descriptionZh', checkLength(form.descriptionZh, LIMITS.descriptionZh));
  set('descriptionEn', checkLength(form.descriptionEn, LIMITS.descriptionEn));
  if (form.originTownshipCode === '') set('originTownshipCode', { key: 'chooseOne' });
  if (form.shippingClass === '') set('shippingClass', { key: 'chooseOne' });
  else if (form.category !== '' && !isShippingClassAllowed(form.category, form.shippingClass)) {
    set('shippingClass', { key: 'shippingNotAllowed' });
  }
  set('shelfLifeDays', checkWhole(form.shelfLifeDays, LIMITS.shelfLifeDays));

  const startsAt = localInputToIso(form.saleStartsAt);
  const endsAt = localInputToIso(form.saleEndsAt);
  if (form.saleStartsAt !== '' && startsAt === null) set('saleStartsAt', { key: 'dateInvalid' });
  if (form.saleEndsAt !== '' && endsAt === null) set('saleEndsAt', { key: 'dateInvalid' });
  // The API's rule on the instants the form sends: a ship day counts from the day in China the sale opens.
  const problems = saleWindowProblems({
    saleStartsAt: startsAt === null ? null : new Date(startsAt),
    saleEndsAt: endsAt === null ? null : new Date(endsAt),
    presaleShipsOn: form.presaleShipsOn === '' ? null : form.presaleShipsOn,
  });
  for (const problem of problems) {
    // A start that was typed but is no time already has its own error.
    if (problem === 'PRESALE_NEEDS_START' && form.saleStartsAt !== '') continue;
    set(...SALE_WINDOW_ERRORS[problem]);
  }

  if (form.variants.length === 0) set('variants', { key: 'variantsRequired' });
  if (form.variants.length > LIMITS.variants.max) set('variants', { key: 'tooManyVariants', params: { max: LIMITS.variants.max } });
  form.variants.forEach((variant, index) => validateVariant(variant, `variants.${index}`, errors));
  // Labels name the choice a buyer makes, so two variants of one product cannot share one.
  const seen = new Set<string>();
  form.variants.forEach((variant, index) => {
    const label = variant.labelZh.trim();
    if (label !== '' && seen.has(label)) set(`variants.${index}.labelZh`, { key: 'labelDuplicate' });
    seen.add(label);
  });
  return errors;
}

/** The body of a new variant (`POST …/variants`, or one of `variants` on create) from a valid row. */
export function toVariantBody(variant: VariantForm): VariantInputBody {
  const price = parsePriceFen(variant.priceYuan);
  if ('error' in price) throw new RangeError('validate the form before building its body');
  const body: VariantInputBody = {
    labelZh: variant.labelZh.trim(),
    priceFen: price.fen,
    weightG: parseWhole(variant.weightG)!,
  };
  if (variant.labelEn.trim() !== '') body.labelEn = variant.labelEn.trim();
  const sku = variant.sku.trim().toUpperCase();
  if (sku !== '') body.sku = sku;
  const stock = parseWhole(variant.stock);
  if (stock !== null && stock > 0) body.stock = stock;
  return body;
}

/** The body of `POST /api/coop/products` for a valid form. */
export function toCreateBody(form: ProductForm): CreateProductBody {
  const body: CreateProductBody = {
    category: form.category as ProductCategory,
    titleZh: form.titleZh.trim(),
    originTownshipCode: form.originTownshipCode,
    shippingClass: form.shippingClass as ShippingClass,
    shelfLifeDays: parseWhole(form.shelfLifeDays)!,
    variants: form.variants.map(toVariantBody),
  };
  if (form.titleEn.trim() !== '') body.titleEn = form.titleEn.trim();
  if (form.descriptionZh.trim() !== '') body.descriptionZh = form.descriptionZh.trim();
  if (form.descriptionEn.trim() !== '') body.descriptionEn = form.descriptionEn.trim();
  if (form.saleStartsAt !== '') body.saleStartsAt = localInputToIso(form.saleStartsAt);
  if (form.saleEndsAt !== '') body.saleEndsAt = localInputToIso(form.saleEndsAt);
  if (form.presaleShipsOn !== '') body.presaleShipsOn = form.presaleShipsOn;
  return body;
}

export function formFromProduct(product: ManagedProduct): ProductForm {
  return {
    category: product.category,
    titleZh: product.titleZh,
    titleEn: product.titleEn,
    descriptionZh: product.descriptionZh,
    descriptionEn: product.descriptionEn,
    originTownshipCode: product.originTownshipCode,
    shippingClass: product.shippingClass,
    shelfLifeDays: String(product.shelfLifeDays),
    saleStartsAt: isoToLocalInput(product.saleStartsAt),
    saleEndsAt: isoToLocalInput(product.saleEndsAt),
    presaleShipsOn: product.presaleShipsOn ?? '',
    variants: product.variants.map((variant) => ({
      key: nextKey++,
      id: variant.id,
      sku: variant.sku,
      labelZh: variant.labelZh,
      labelEn: variant.labelEn,
      priceYuan: fenToYuanText(variant.priceFen),
      weightG: String(variant.weightG),
      stock: String(variant.stock),
    })),
  };
}

/**
 * The `PATCH /api/coop/products/:id` body for what the form changed compared with `product`; only
 * changed fields are sent, so resending a title cannot send a published product back to review.
 */
export function toUpdateBody(form: ProductForm, product: ManagedProduct): UpdateProductBody {
  const body: UpdateProductBody = {};
  if (form.category !== '' && form.category !== product.category) body.category = form.category;
  for (const field of ['titleZh', 'descriptionZh', 'descriptionEn'] as const) {
    if (form[field].trim() !== product[field].trim()) body[field] = form[field].trim();
  }
  // An English title cleared means "as the Chinese".
  const titleEn = form.titleEn.trim() || form.titleZh.trim();
  if (titleEn !== product.titleEn.trim()) body.titleEn = titleEn;
  if (form.originTownshipCode !== product.originTownshipCode) body.originTownshipCode = form.originTownshipCode;
  if (form.shippingClass !== '' && form.shippingClass !== product.shippingClass) body.shippingClass = form.shippingClass;
  const shelfLifeDays = parseWhole(form.shelfLifeDays);
  if (shelfLifeDays !== null && shelfLifeDays !== product.shelfLifeDays) body.shelfLifeDays = shelfLifeDays;
  // Compared as the inputs show them, so a stored time with seconds is not "changed" by being displayed.
  if (form.saleStartsAt !== isoToLocalInput(product.saleStartsAt)) body.saleStartsAt = localInputToIso(form.saleStartsAt);
  if (form.saleEndsAt !== isoToLocalInput(product.saleEndsAt)) body.saleEndsAt = localInputToIso(form.saleEndsAt);
  if (form.presaleShipsOn !== (product.presaleShipsOn ?? '')) body.presaleShipsOn = form.presaleShipsOn === '' ? null : form.presaleShipsOn;
  return body;
}

/** The `PATCH /api/coop/variants/:id` body for a saved variant's changes; empty when nothing changed. */
export function toVariantUpdateBody(variant: VariantForm, saved: ManagedVariant): UpdateVariantBody {
  const body: UpdateVariantBody = {};
  if (variant.labelZh.trim() !== saved.labelZh) body.labelZh = variant.labelZh.trim();
  const labelEn = variant.labelEn.trim() || variant.labelZh.trim();
  if (labelEn !== saved.labelEn) body.labelEn = labelEn;
  const price = parsePriceFen(variant.priceYuan);
  if ('fen' in price && price.fen !== saved.priceFen) body.priceFen = price.fen;
  const weightG = parseWhole(variant.weightG);
  if (weightG !== null && weightG !== saved.weightG) body.weightG = weightG;
  return body;
}

/** Everything still to send for `product`: the product's own fields, changed variants, new variants. */
export function pendingChanges(form: ProductForm, product: ManagedProduct) {
  const savedById = new Map(product.variants.map((variant) => [variant.id, variant]));
  const changedVariants = form.variants.flatMap((variant, index) => {
    const saved = variant.id === null ? undefined : savedById.get(variant.id);
    if (!saved) return [];
    const body = toVariantUpdateBody(variant, saved);
    return Object.keys(body).length > 0 ? [{ index, id: saved.id, body }] : [];
  });
  const newVariants = form.variants.flatMap((variant, index) => (variant.id === null ? [{ index, variant }] : []));
  return { product: toUpdateBody(form, product), changedVariants, newVariants };
}

/**
 * The one request that saves the form's changes to `product` (the API keeps all of it or none), and
 * `formField`, which names a field the API found fault with the way the form does (`newVariants.0.priceFen`
 * is the form's `variants.2.priceFen` when the new variant is the form's third).
 */
export function toSaveBody(form: ProductForm, product: ManagedProduct): { body: UpdateProductBody; formField: (field: string) => string } {
  const { product: fields, changedVariants, newVariants } = pendingChanges(form, product);
  const body: UpdateProductBody = { ...fields };
  if (changedVariants.length > 0) body.variantChanges = changedVariants.map((change) => ({ id: change.id, ...change.body }));
  if (newVariants.length > 0) body.newVariants = newVariants.map(({ variant }) => toVariantBody(variant));
  const formIndexes: Record<string, number[]> = {
    variantChanges: changedVariants.map((change) => change.index),
    newVariants: newVariants.map((added) => added.index),
  };
  const formField = (field: string) =>
    field.replace(/^(variantChanges|newVariants)\.(\d+)(?=\.|$)/, (whole, list: string, index: string) => {
      const formIndex = formIndexes[list]?.[Number(index)];
      return formIndex === undefined ? whole : `variants.${formIndex}`;
    });
  return { body, formField };
}

export function hasPendingChanges(form: ProductForm, product: ManagedProduct): boolean {
  const pending = pendingChanges(form, product);
  return Object.keys(pending.product).length > 0 || pending.changedVariants.length > 0 || pending.newVariants.length > 0;
}

/** True when saving would take a published product back to review: what it is or where it comes from changed. */
export function changesNeedReview(form: ProductForm, product: ManagedProduct): boolean {
  if (product.status !== 'PUBLISHED') return false;
  const changed = Object.keys(toUpdateBody(form, product));
  return changed.some((field) => (REVIEWED_PRODUCT_FIELDS as readonly string[]).includes(field));
}
