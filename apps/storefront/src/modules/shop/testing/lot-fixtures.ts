import type { PublicLot } from '../lots';

/** A lot's public page as `GET /api/lots/{code}` answers: eggs from 化作村 with both certificates and a report. */
export function publicLot(overrides: Partial<PublicLot> = {}): PublicLot {
  return {
    code: 'K7QX3M9A',
    product: {
      id: 'p-eggs',
      slug: 'huazuo-eggs',
      titleZh: '化作村林下土鸡蛋 20枚',
      titleEn: 'Free-range eggs from Huazuo, 20',
      category: 'EGG',
    },
    imageUrl: '/media/products/eggs-thumb.webp',
    cooperative: { id: 'coop-1', nameZh: '厍东关樱桃合作社', nameEn: 'Shedongguan Cherry Cooperative' },
    township: { code: '520525202', name: '厍东关乡' },
    village: '化作村',
    producedOn: '2026-12-02',
    bestBefore: '2026-12-26',
    certificateNo: 'HGZ-520525-20261',
    quarantineNo: '5205252026120300173',
    hasReport: true,
    linkedHouseholds: {
      households: null,
      byMechanism: [
        { mechanism: 'EQUITY_DIVIDEND', households: null },
        { mechanism: 'CONTRACT_PURCHASE', households: 0 },
        { mechanism: 'EMPLOYMENT', households: 0 },
        { mechanism: 'LAND_LEASE', households: 0 },
      ],
    },
    trail: { year: 2026, pledgedFen: 1_234_550, paidToHouseholdsFen: 800_000 },
    recall: null,
    ...overrides,
  };
}
