import { describe, expect, it } from 'vitest';
import {
  allowedShippingClasses,
  changesNeedReview,
  emptyForm,
  emptyVariant,
  fenToYuanText,
  formFromProduct,
  isoToLocalInput,
  localInputToIso,
  parsePriceFen,
  pendingChanges,
  shippingClassFor,
  toCreateBody,
  toUpdateBody,
  validateProductForm,
  type ProductForm,
} from './product-form';
import { canArchive, canEdit, canSubmit } from './product-status';
import { managedProduct, managedVariant } from './testing/fixtures';

function filledForm(overrides: Partial<ProductForm> = {}): ProductForm {
  return {
    ...emptyForm(),
    category: 'CHERRY',
    titleZh: '玛瑙红樱桃 尝鲜装',
    titleEn: 'Agate-red cherries, taster box',
    originTownshipCode: '520525202',
    shippingClass: 'CHILLED',
    shelfLifeDays: '7',
    variants: [{ ...emptyVariant(), labelZh: '1公斤', labelEn: '1 kg', priceYuan: '88', weightG: '1400', stock: '30' }],
    ...overrides,
  };
}

describe('parsePriceFen', () => {
  it('turns a price typed in yuan into integer fen', () => {
    expect(parsePriceFen('198')).toEqual({ fen: 19800 });
    expect(parsePriceFen('36.8')).toEqual({ fen: 3680 });
    expect(parsePriceFen('0.29')).toEqual({ fen: 29 });
    expect(parsePriceFen(' ¥1,234.50 ')).toEqual({ fen: 123450 });
  });

  it('reads full-width digits from a Chinese keyboard', () => {
    expect(parsePriceFen('１２．５')).toEqual({ fen: 1250 });
  });

  it('says why a price is not one', () => {
    expect(parsePriceFen('')).toEqual({ error: { key: 'required' } });
    expect(parsePriceFen('abc')).toEqual({ error: { key: 'priceInvalid' } });
    expect(parsePriceFen('1.999')).toEqual({ error: { key: 'priceDecimals' } });
    expect(parsePriceFen('0')).toEqual({ error: { key: 'pricePositive' } });
    expect(parsePriceFen('-5')).toEqual({ error: { key: 'pricePositive' } });
    expect(parsePriceFen('100000.01')).toEqual({ error: { key: 'priceTooHigh', params: { max: '100000.00' } } });
  });

  it('reads back what fenToYuanText writes', () => {
    for (const fen of [1, 5, 29, 100, 19800, 123456, 10_000_000]) {
      expect(parsePriceFen(fenToYuanText(fen))).toEqual({ fen });
    }
    expect(fenToYuanText(5)).toBe('0.05');
  });
});

describe('shipping classes', () => {
  it('offers only the classes a category can travel in', () => {
    expect(allowedShippingClasses('CHERRY')).toEqual(['CHILLED']);
    expect(allowedShippingClasses('TEA')).toEqual(['AMBIENT']);
    expect(allowedShippingClasses('PORK')).toEqual(['CHILLED', 'FROZEN']);
    expect(allowedShippingClasses('')).toEqual([]);
  });

  it('keeps a still-allowed choice, picks the only one, or asks again', () => {
    expect(shippingClassFor('MUSHROOM', 'AMBIENT')).toBe('AMBIENT');
    expect(shippingClassFor('CHERRY', 'FROZEN')).toBe('CHILLED');
    expect(shippingClassFor('PORK', 'AMBIENT')).toBe('');
  });

  it('refuses a class the category does not allow', () => {
    expect(validateProductForm(filledForm({ category: 'TEA', shippingClass: 'CHILLED' }))).toEqual({
      shippingClass: { key: 'shippingNotAllowed' },
    });
  });
});

describe('validateProductForm', () => {
  it('accepts a complete form', () => {
    expect(validateProductForm(filledForm())).toEqual({});
  });

  it('names every missing field of an empty form, by the API field it maps to; English names are optional', () => {
    expect(validateProductForm(emptyForm())).toEqual({
      category: { key: 'chooseOne' },
      titleZh: { key: 'required' },
      originTownshipCode: { key: 'chooseOne' },
      shippingClass: { key: 'chooseOne' },
      shelfLifeDays: { key: 'required' },
      'variants.0.labelZh': { key: 'required' },
      'variants.0.priceFen': { key: 'required' },
      'variants.0.weightG': { key: 'required' },
    });
  });

  it('applies the API length and range limits', () => {
    const errors = validateProductForm(
      filledForm({ titleZh: '樱', titleEn: 'x'.repeat(121), descriptionZh: '好'.repeat(2001), shelfLifeDays: '0' }),
    );
    expect(errors).toEqual({
      titleZh: { key: 'tooShort', params: { min: 2 } },
      titleEn: { key: 'tooLong', params: { max: 120 } },
      descriptionZh: { key: 'tooLong', params: { max: 2000 } },
      shelfLifeDays: { key: 'wholeRange', params: { min: 1, max: 3650 } },
    });
  });

  it('needs at least one variant, with distinct names', () => {
    expect(validateProductForm(filledForm({ variants: [] }))).toEqual({ variants: { key: 'variantsRequired' } });
    const [first] = filledForm().variants;
    expect(validateProductForm(filledForm({ variants: [first!, { ...first!, key: 99 }] }))).toEqual({
      'variants.1.labelZh': { key: 'labelDuplicate' },
    });
  });

  it('checks each variant price, weight, stock and SKU', () => {
    const variant = { ...emptyVariant(), labelZh: '1公斤', labelEn: '1 kg', priceYuan: '0', weightG: '1.5', stock: '-1', sku: 'ab' };
    expect(validateProductForm(filledForm({ variants: [variant] }))).toEqual({
      'variants.0.priceFen': { key: 'pricePositive' },
      'variants.0.weightG': { key: 'wholeRange', params: { min: 1, max: 100000 } },
      'variants.0.stock': { key: 'wholeRange', params: { min: 0, max: 1000000 } },
      'variants.0.sku': { key: 'skuFormat' },
    });
  });

  it('wants the sale to end after it starts, and a pre-sale to have a start on or before shipping', () => {
    expect(validateProductForm(filledForm({ saleStartsAt: '2027-04-10T08:00', saleEndsAt: '2027-04-10T08:00' }))).toEqual({
      saleEndsAt: { key: 'saleEndBeforeStart' },
    });
    expect(validateProductForm(filledForm({ presaleShipsOn: '2027-05-01' }))).toEqual({ presaleShipsOn: { key: 'presaleNeedsStart' } });
    expect(validateProductForm(filledForm({ saleStartsAt: '2027-04-10T08:00', presaleShipsOn: '2027-04-09' }))).toEqual({
      presaleShipsOn: { key: 'presaleBeforeStart' },
    });
    expect(validateProductForm(filledForm({ saleStartsAt: '2027-04-10T08:00', presaleShipsOn: '2027-04-10' }))).toEqual({});
  });

  it('counts the ship day from the day in China the sale opens, wherever the browser is', () => {
    // 04:00 on 11 April in China is still 10 April in UTC and further west: shipping on the 10th is before the sale.
    const saleStartsAt = isoToLocalInput('2027-04-11T04:00:00+08:00');
    expect(validateProductForm(filledForm({ saleStartsAt, presaleShipsOn: '2027-04-10' }))).toEqual({
      presaleShipsOn: { key: 'presaleBeforeStart' },
    });
    expect(validateProductForm(filledForm({ saleStartsAt, presaleShipsOn: '2027-04-11' }))).toEqual({});
  });

  it('says only that a start which is no time is invalid, not that a pre-sale lacks one', () => {
    expect(validateProductForm(filledForm({ saleStartsAt: '2027-13-01T08:00', presaleShipsOn: '2027-05-01' }))).toEqual({
      saleStartsAt: { key: 'dateInvalid' },
    });
  });
});

describe('toCreateBody', () => {
  it('sends prices as integer fen and leaves out what was not filled in', () => {
    expect(toCreateBody(filledForm())).toEqual({
      category: 'CHERRY',
      titleZh: '玛瑙红樱桃 尝鲜装',
      titleEn: 'Agate-red cherries, taster box',
      originTownshipCode: '520525202',
      shippingClass: 'CHILLED',
      shelfLifeDays: 7,
      variants: [{ labelZh: '1公斤', labelEn: '1 kg', priceFen: 8800, weightG: 1400, stock: 30 }],
    });
  });

  it('leaves the English names out when they are empty: the API fills them from the Chinese', () => {
    const form = filledForm({ titleEn: ' ' });
    form.variants[0]!.labelEn = '';
    const body = toCreateBody(form);
    expect(body).not.toHaveProperty('titleEn');
    expect(body.variants[0]).not.toHaveProperty('labelEn');
    expect(validateProductForm(form)).toEqual({});
  });

  it('sends the sale window as ISO instants and an upper-cased SKU', () => {
    const form = filledForm({ saleStartsAt: '2027-04-10T08:00', presaleShipsOn: '2027-05-01' });
    form.variants[0]!.sku = 'sdg-1kg';
    const body = toCreateBody(form);
    expect(body.saleStartsAt).toBe(new Date(2027, 3, 10, 8, 0).toISOString());
    expect(body.presaleShipsOn).toBe('2027-05-01');
    expect(body.variants[0]!.sku).toBe('SDG-1KG');
  });
});

describe('editing a saved product', () => {
  it('shows a datetime in the inputs as it was stored, to the minute', () => {
    const iso = new Date(2027, 3, 10, 8, 30).toISOString();
    expect(isoToLocalInput(iso)).toBe('2027-04-10T08:30');
    expect(localInputToIso('2027-04-10T08:30')).toBe(iso);
  });

  it('sends only what changed, and null to clear a sale date', () => {
    const product = managedProduct({ saleStartsAt: new Date(2027, 3, 10, 8, 0).toISOString() });
    const form = formFromProduct(product);
    expect(toUpdateBody(form, product)).toEqual({});

    form.titleZh = '玛瑙红樱桃 家庭装';
    form.saleStartsAt = '';
    form.variants[0]!.priceYuan = '188';
    const pending = pendingChanges(form, product);
    expect(pending.product).toEqual({ titleZh: '玛瑙红樱桃 家庭装', saleStartsAt: null });
    expect(pending.changedVariants).toEqual([{ index: 0, id: 'v-1', body: { priceFen: 18800 } }]);
    expect(pending.newVariants).toEqual([]);
  });

  it('warns before a published product would go back to review', () => {
    const published = managedProduct({ status: 'PUBLISHED' });
    const form = formFromProduct(published);
    form.variants[0]!.priceYuan = '99';
    form.shelfLifeDays = '10';
    expect(changesNeedReview(form, published)).toBe(false);
    form.descriptionEn = 'Now with a new description.';
    expect(changesNeedReview(form, published)).toBe(true);
    expect(changesNeedReview(form, managedProduct({ status: 'DRAFT' }))).toBe(false);
  });

  it('lists a row without an id as a new variant', () => {
    const product = managedProduct({ variants: [managedVariant()] });
    const form = formFromProduct(product);
    form.variants.push({ ...emptyVariant(), labelZh: '5公斤', labelEn: '5 kg', priceYuan: '368', weightG: '6200' });
    expect(pendingChanges(form, product).newVariants.map(({ index }) => index)).toEqual([1]);
  });
});

describe('status-dependent actions', () => {
  it('submits only drafts, archives anything not archived yet, and edits anything but archived', () => {
    expect([canSubmit('DRAFT'), canSubmit('PENDING_REVIEW'), canSubmit('PUBLISHED'), canSubmit('ARCHIVED')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([canArchive('DRAFT'), canArchive('PENDING_REVIEW'), canArchive('PUBLISHED'), canArchive('ARCHIVED')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(canEdit('PUBLISHED')).toBe(true);
    expect(canEdit('ARCHIVED')).toBe(false);
  });
});
