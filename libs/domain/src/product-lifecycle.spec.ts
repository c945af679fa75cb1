import fc from 'fast-check';
import { PRODUCT_CATEGORIES, SHIPPING_CLASSES, SHIPPING_CLASSES_BY_CATEGORY } from './catalog';
import {
  PRODUCT_STATUSES,
  PRODUCT_TRANSITIONS,
  REVIEWED_PRODUCT_FIELDS,
  isShippingClassAllowed,
  nextProductStatus,
  statusAfterEdit,
  type ProductTransition,
} from './product-lifecycle';

const transitions = Object.keys(PRODUCT_TRANSITIONS) as ProductTransition[];
const EDITABLE = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED'] as const;

describe('nextProductStatus', () => {
  it('takes a draft to review, a reviewed product to published, and a rejection back to draft', () => {
    expect(nextProductStatus('DRAFT', 'submit')).toBe('PENDING_REVIEW');
    expect(nextProductStatus('PENDING_REVIEW', 'approve')).toBe('PUBLISHED');
    expect(nextProductStatus('PENDING_REVIEW', 'reject')).toBe('DRAFT');
  });

  it('never publishes a product that was not reviewed', () => {
    expect(nextProductStatus('DRAFT', 'approve')).toBeNull();
    expect(nextProductStatus('ARCHIVED', 'approve')).toBeNull();
  });

  it('leaves an archived product archived whatever is tried', () => {
    for (const transition of transitions) expect(nextProductStatus('ARCHIVED', transition)).toBeNull();
  });

  it('only ever reaches PUBLISHED through approve (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...transitions), { maxLength: 12 }), (steps) => {
        let status: (typeof PRODUCT_STATUSES)[number] = 'DRAFT';
        let lastApplied: ProductTransition | null = null;
        for (const step of steps) {
          const next = nextProductStatus(status, step);
          if (next === null) continue;
          status = next;
          lastApplied = step;
        }
        return status !== 'PUBLISHED' || lastApplied === 'approve';
      }),
    );
  });
});

describe('statusAfterEdit', () => {
  it('keeps a published product published when only prices, stock or the sale window change', () => {
    expect(statusAfterEdit('PUBLISHED', ['variants', 'saleStartsAt', 'saleEndsAt', 'presaleShipsOn', 'images', 'shelfLifeDays'])).toBe(
      'PUBLISHED',
    );
  });

  it('sends a published product back to review when its title changes', () => {
    expect(statusAfterEdit('PUBLISHED', ['titleZh'])).toBe('PENDING_REVIEW');
  });

  it('never changes a draft or a product in review, whatever was edited (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DRAFT' as const, 'PENDING_REVIEW' as const),
        fc.array(fc.constantFrom(...REVIEWED_PRODUCT_FIELDS)),
        (status, fields) => statusAfterEdit(status, fields) === status,
      ),
    );
  });

  it('never publishes through an edit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EDITABLE), fc.array(fc.string()), (status, fields) => {
        const after = statusAfterEdit(status, fields);
        return after !== 'PUBLISHED' || status === 'PUBLISHED';
      }),
    );
  });
});

describe('isShippingClassAllowed', () => {
  it('refuses to ship cherries at ambient temperature', () => {
    expect(isShippingClassAllowed('CHERRY', 'AMBIENT')).toBe(false);
    expect(isShippingClassAllowed('CHERRY', 'CHILLED')).toBe(true);
  });

  it('agrees with the table of classes by category for every pair', () => {
    for (const category of PRODUCT_CATEGORIES) {
      for (const shippingClass of SHIPPING_CLASSES) {
        expect(isShippingClassAllowed(category, shippingClass)).toBe(SHIPPING_CLASSES_BY_CATEGORY[category].includes(shippingClass));
      }
    }
  });
});
