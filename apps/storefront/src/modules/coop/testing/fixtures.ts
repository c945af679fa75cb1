import type { OwnCooperative } from '../composables/useOwnCooperative';
import type { ManagedProduct, ManagedVariant } from '../product-form';

/** A variant as the portal and admin API answer it: 2.5 kg of cherries at ¥198.00, 20 in stock. */
export function managedVariant(overrides: Partial<ManagedVariant> = {}): ManagedVariant {
  return {
    id: 'v-1',
    sku: 'SDG-CHERRY-2.5KG',
    labelZh: '2.5公斤礼盒',
    labelEn: '2.5 kg gift box',
    priceFen: 19800,
    weightG: 3300,
    stock: 20,
    priceBreaks: [],
    ...overrides,
  };
}

/** A product as `GET /api/coop/products/:id` answers: a draft cherry box unless told otherwise. */
export function managedProduct(overrides: Partial<ManagedProduct> = {}): ManagedProduct {
  return {
    id: 'p-1',
    slug: 'agate-red-cherries-1a2b3c4d',
    status: 'DRAFT',
    rejectReason: null,
    cooperative: { id: 'coop-1', name: '厍东关樱桃合作社', nameEn: 'Shedongguan Cherry Cooperative' },
    category: 'CHERRY',
    titleZh: '玛瑙红樱桃 2.5公斤',
    titleEn: 'Agate-red cherries 2.5 kg',
    descriptionZh: '厍东关乡果园直采。',
    descriptionEn: 'Picked in Shedongguan orchards.',
    originTownshipCode: '520525202',
    shippingClass: 'CHILLED',
    shelfLifeDays: 7,
    saleStartsAt: null,
    saleEndsAt: null,
    presaleShipsOn: null,
    images: [],
    certification: null,
    variants: [managedVariant()],
    publishedAt: null,
    submittedAt: null,
    updatedAt: '2026-04-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The staff member's own cooperative as `GET /api/coop/cooperative` answers: verified unless told otherwise. */
export function ownCooperative(overrides: Partial<OwnCooperative> = {}): OwnCooperative {
  return {
    id: 'coop-1',
    nameZh: '厍东关樱桃合作社',
    nameEn: 'Shedongguan Cherry Cooperative',
    creditCode: '93520525MA6DKQ4T1X',
    creditCodeValid: true,
    township: { code: '520525202', name: '厍东关乡', nameEn: 'Shedongguan Township' },
    status: 'VERIFIED',
    suspendedReason: null,
    verifiedAt: '2026-01-10T00:00:00.000Z',
    productCount: 2,
    platformFeeBp: 0,
    publishedCount: 1,
    leadDays: 2,
    createdAt: '2026-01-05T00:00:00.000Z',
    ...overrides,
  };
}
