import { vi } from 'vitest';
import type { CooperativePage, ProductDetail, ProductListItem, ProductVariant } from '../modules/shop/catalog';

/** A product as `GET /api/products` lists it: a certified, in-stock cherry box unless told otherwise. */
export function productItem(overrides: Partial<ProductListItem> = {}): ProductListItem {
  const slug = overrides.slug ?? 'shedongguan-cherry-box';
  return {
    id: `id-${slug}`,
    slug,
    titleZh: '厍东关玛瑙红樱桃礼盒',
    titleEn: 'Shedongguan agate-red cherry gift box',
    category: 'CHERRY',
    cooperative: { id: 'coop-1', name: '厍东关樱桃合作社', nameEn: 'Shedongguan Cherry Cooperative' },
    township: { code: '520525202', name: '厍东关乡', nameEn: 'Shedongguan Township' },
    minPriceFen: 19800,
    maxPriceFen: 36800,
    inStock: true,
    certified: true,
    imageUrl: null,
    season: { inSeason: true, presale: false, presaleShipsOn: null, saleStartsAt: null, saleEndsAt: null },
    ...overrides,
  };
}

/** `count` distinct products, numbered from `from`: `product-1`, `product-2`, … */
export function productItems(count: number, from = 1): ProductListItem[] {
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    return productItem({ slug: `product-${n}`, titleZh: `商品 ${n}`, titleEn: `Product ${n}` });
  });
}

export function variant(overrides: Partial<ProductVariant> = {}): ProductVariant {
  return {
    id: 'v-1',
    sku: 'SKU-1',
    labelZh: '2.5 kg 礼盒',
    labelEn: '2.5 kg gift box',
    priceFen: 19800,
    weightG: 3300,
    stockStatus: 'IN_STOCK',
    priceBreaks: [],
    ...overrides,
  };
}

/** A product as `GET /api/products/:slug` answers. */
export function productDetail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  const item = productItem(overrides);
  const linkedHouseholds = {
    households: 20,
    byMechanism: [
      { mechanism: 'EQUITY_DIVIDEND' as const, households: 8 },
      { mechanism: 'CONTRACT_PURCHASE' as const, households: 12 },
      { mechanism: 'EMPLOYMENT' as const, households: 0 },
      { mechanism: 'LAND_LEASE' as const, households: 0 },
    ],
  };
  return {
    ...item,
    descriptionZh: '当天采摘的玛瑙红樱桃，冷链次日达广州。',
    descriptionEn: 'Cherries picked the same day, chilled to Guangzhou overnight.',
    images: [],
    shippingClass: 'CHILLED',
    shelfLifeDays: 7,
    variants: [
      variant({
        id: 'v-small',
        labelZh: '2.5 kg 礼盒',
        labelEn: '2.5 kg gift box',
        priceFen: 19800,
        weightG: 3300,
        stockStatus: 'IN_STOCK',
      }),
      variant({ id: 'v-large', labelZh: '5 kg 礼盒', labelEn: '5 kg gift box', priceFen: 36800, weightG: 6200, stockStatus: 'LOW' }),
      variant({
        id: 'v-family',
        labelZh: '10 kg 家庭装',
        labelEn: '10 kg family case',
        priceFen: 69800,
        weightG: 11500,
        stockStatus: 'SOLD_OUT',
      }),
    ],
    certification: { number: 'GZ-FP-2026-0042', issuer: '贵州省农业农村厅', batch: null, validUntil: '2027-06-30', valid: true },
    cooperativeProfile: {
      id: item.cooperative.id,
      nameZh: item.cooperative.name,
      nameEn: item.cooperative.nameEn,
      descriptionZh: '合作社位于厍东关乡。',
      descriptionEn: 'The cooperative is in Shedongguan.',
      township: item.township,
      creditCode: '93520525MA6DKQ4T1X',
      verifiedAt: '2026-01-10T00:00:00.000Z',
      linkedHouseholds,
    },
    linkedHouseholds,
    ...overrides,
  };
}

/** A cooperative as `GET /api/cooperatives/:id` answers. */
export function cooperativePage(overrides: Partial<CooperativePage> = {}): CooperativePage {
  const profile = productDetail().cooperativeProfile;
  return { ...profile, products: productItems(3), ...overrides };
}

/**
 * Replaces IntersectionObserver with one the test drives: `reveal()` tells every observer that
 * its targets came into view, as scrolling down to them would.
 */
export function fakeIntersectionObserver() {
  const observers = new Set<{ callback: IntersectionObserverCallback; targets: Set<Element> }>();
  class FakeIntersectionObserver {
    private readonly state: { callback: IntersectionObserverCallback; targets: Set<Element> };
    constructor(callback: IntersectionObserverCallback) {
      this.state = { callback, targets: new Set() };
      observers.add(this.state);
    }
    observe(target: Element): void {
      this.state.targets.add(target);
    }
    unobserve(target: Element): void {
      this.state.targets.delete(target);
    }
    disconnect(): void {
      observers.delete(this.state);
    }
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);

  function report(isIntersecting: boolean): void {
    for (const { callback, targets } of observers) {
      const entries = [...targets].map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
      if (entries.length > 0) callback(entries, {} as IntersectionObserver);
    }
  }
  return { reveal: () => report(true), hide: () => report(false), count: () => observers.size };
}
