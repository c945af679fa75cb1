import type { Claim, Quality } from '../claims';
import type { LabelSheet, LotLabel, Lot } from '../lots';

/** The cherry box the shop's order fixtures sell (`testing/orders.ts`), as a lot names its product. */
export const CHERRY_BOX = {
  id: 'p-cherry',
  slug: 'shedongguan-cherry-box',
  titleZh: '厍东关玛瑙红樱桃礼盒',
  titleEn: 'Shedongguan agate-red cherry gift box',
  category: 'CHERRY',
};

export const FREE_RANGE_EGGS = {
  id: 'p-eggs',
  slug: 'huazuo-eggs',
  titleZh: '化作村林下土鸡蛋 20枚',
  titleEn: 'Free-range eggs from Huazuo, 20',
  category: 'EGG',
};

/** A lot as `GET /api/coop/lots` lists it: 40 boxes of cherries from 化作村, none shipped, unless told otherwise. */
export function lot(overrides: Partial<Lot> = {}): Lot {
  return {
    id: 'lot-1',
    code: 'K7QX3M9A',
    product: CHERRY_BOX,
    cooperativeId: 'coop-1',
    cooperativeName: '厍东关樱桃合作社',
    village: '化作村',
    producedOn: '2026-12-01',
    bestBefore: '2099-12-07',
    quantity: 40,
    shippedQuantity: 0,
    certificateNo: 'HGZ-520525-20261',
    quarantineNo: null,
    hasReport: false,
    closedAt: null,
    recalledAt: null,
    recallNotice: null,
    createdAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A box label of a shipped part: three boxes of eggs from one lot unless told otherwise. */
export function lotLabel(overrides: Partial<LotLabel> = {}): LotLabel {
  return {
    titleZh: FREE_RANGE_EGGS.titleZh,
    titleEn: FREE_RANGE_EGGS.titleEn,
    labelZh: '20枚装',
    lotCode: 'K7QX3M9A',
    lotPath: '/lot/K7QX3M9A',
    village: '化作村',
    townshipName: '厍东关乡',
    producedOn: '2026-12-02',
    bestBefore: '2026-12-26',
    certificateNo: 'HGZ-520525-20261',
    quarantineNo: '5205252026120300173',
    copies: 3,
    ...overrides,
  };
}

export function labelSheet(labels: LotLabel[] = [lotLabel()]): LabelSheet {
  return { orderNumber: 'QH20261203-000042', cooperativeName: '厍东关樱桃合作社', labels };
}

/** A claim on the cooperative's shipment: two boxes of eggs broken on the way, open for an answer, unless told otherwise. */
export function coopClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'claim-1',
    status: 'OPEN',
    orderNumber: 'QH20261203-000042',
    fulfillmentId: 'f-1',
    cooperative: { id: 'coop-1', name: '纳雍县张家湾镇蛋鸡养殖专业合作社' },
    organisationName: null,
    reason: 'DAMAGED',
    note: '两盒鸡蛋运输中压碎',
    photos: 0,
    lines: [
      {
        lineId: 'ol-1',
        titleZh: FREE_RANGE_EGGS.titleZh,
        titleEn: FREE_RANGE_EGGS.titleEn,
        labelZh: '20枚装',
        unitPriceFen: 4600,
        quantity: 3,
        askedQuantity: 2,
        offeredQuantity: null,
        grantedQuantity: null,
      },
    ],
    askedFen: 9200,
    offeredFen: null,
    grantedFen: null,
    answerDueAt: '2099-12-04T10:00:00.000Z',
    answeredAt: null,
    answerNote: null,
    decisionNote: null,
    refund: null,
    createdAt: '2026-12-03T10:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

/** `GET /api/coop/quality`: 40 parcels, 39 within 48 h, 2 claims, ¥92 of ¥7,360 refunded. */
export function coopQuality(overrides: Partial<Quality['byCooperative'][number]> = {}): Quality {
  return {
    byCooperative: [
      {
        cooperativeId: 'coop-1',
        cooperativeName: '厍东关樱桃合作社',
        productId: null,
        productTitle: null,
        shipments: 40,
        onTimeShipments: 39,
        claims: 2,
        claimRateBp: 500,
        shippedFen: 736000,
        refundedByClaimsFen: 9200,
        refundedShareBp: 125,
        ...overrides,
      },
    ],
    byProduct: [],
  };
}
