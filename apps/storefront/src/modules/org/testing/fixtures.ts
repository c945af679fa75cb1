import { makeCreditCode } from '@qh/domain';
import type { SessionUser } from '../../../stores/session';
import { userWithRole } from '../../../testing/app';
import { cooperatives, order } from '../../../testing/orders';
import type { DeliverySite, Invitation, Member, MyOrganisation, OrgOrder, OrgQuote, OrgQuoteLine, OrgQuotePart } from '../org-api';

/** A valid unified social credit code of a Tianhe District public institution. */
export const CREDIT_CODE = makeCreditCode('12440106MB2C39485');

/** The caller's organisation as `GET /api/org` answers: a pending canteen the caller manages, unless told otherwise. */
export function myOrganisation(overrides: Partial<MyOrganisation> = {}): MyOrganisation {
  return {
    id: 'org-1',
    name: '广州市天河区机关事务管理局饭堂',
    nameEn: 'Tianhe District Government Canteen',
    creditCode: CREDIT_CODE,
    type: 'PUBLIC_INSTITUTION',
    districtCode: '440106',
    budgetUnit: true,
    hasCanteen: true,
    contactName: '李建华',
    contactMobile: '13800138000',
    approvalThresholdFen: 500_000,
    approvalHoldHours: 48,
    status: 'PENDING',
    rejectionReason: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    verifiedAt: null,
    roles: ['MANAGER'],
    ...overrides,
  };
}

/** A signed-in buyer who belongs to `organisation` with its roles, as `/api/me` and the refresh answer. */
export function buyerIn(organisation: MyOrganisation | null): SessionUser {
  return userWithRole('buyer', {
    organisation: organisation && {
      id: organisation.id,
      name: organisation.name,
      nameEn: organisation.nameEn,
      status: organisation.status,
      roles: organisation.roles,
    },
  });
}

export function member(overrides: Partial<Member> = {}): Member {
  return {
    accountId: 'user-buyer',
    email: 'buyer@example.com',
    displayName: '李建华',
    roles: ['MANAGER'],
    joinedAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

export function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    email: 'chen@example.com',
    roles: ['PURCHASER'],
    status: 'PENDING',
    invitedAt: '2026-03-02T02:00:00.000Z',
    expiresAt: '2026-03-09T02:00:00.000Z',
    ...overrides,
  };
}

export function deliverySite(overrides: Partial<DeliverySite> = {}): DeliverySite {
  return {
    id: 'site-1',
    name: '机关一食堂',
    districtCode: '440106',
    street: '天府路 1 号 机关大院 3 号楼 负一层 卸货区',
    contactName: '王师傅',
    contactMobile: '13900139000',
    receivingWindows: [{ weekdays: [1, 2, 3, 4, 5], from: '06:30', to: '10:00' }],
    driverNotes: '从东门进，卸货区限高 3.2 米',
    ...overrides,
  };
}

/** An organisation's order as `GET /api/org/orders/:number` answers: the shop's order (two cooperatives) placed by the signed-in buyer for a site and day. */
export function orgOrder(overrides: Partial<OrgOrder> = {}): OrgOrder {
  return {
    ...order(),
    site: { id: 'site-1', name: '机关一食堂' },
    address: { name: '王师傅', mobile: '13900139000', districtCode: '440106', street: '天府路 1 号 机关大院 3 号楼 负一层 卸货区' },
    deliveryOn: '2026-12-14',
    placedBy: { accountId: 'user-buyer', email: 'buyer@example.com' },
    decidedBy: null,
    decidedAt: null,
    rejectionReason: null,
    onAccount: false,
    ...overrides,
  };
}

/** A line of `POST /api/org/orders/quote`: 30 cases of cherries, whose break from 20 makes each ¥418.00 instead of ¥458.00. */
export function quoteLine(overrides: Partial<OrgQuoteLine> = {}): OrgQuoteLine {
  const quantity = overrides.quantity ?? 30;
  const unitPriceFen = overrides.unitPriceFen ?? 41_800;
  return {
    variantId: 'v-case',
    titleZh: '厍东关玛瑙红樱桃',
    titleEn: 'Shedongguan agate-red cherries',
    labelZh: '5 kg 整箱',
    labelEn: '5 kg case',
    cooperative: cooperatives.cherry,
    quantity,
    basePriceFen: 45_800,
    unitPriceFen,
    lineTotalFen: unitPriceFen * quantity,
    priceBreaks: [
      { minQuantity: 20, priceFen: 41_800 },
      { minQuantity: 50, priceFen: 39_800 },
    ],
    stock: 200,
    ...overrides,
  };
}

export function quotePart(overrides: Partial<OrgQuotePart> = {}): OrgQuotePart {
  return {
    cooperative: cooperatives.cherry,
    shippingClass: 'CHILLED',
    weightG: 180_000,
    itemsFen: 1_254_000,
    feeFen: 12_000,
    shipsFrom: null,
    leadDays: 2,
    earliestDeliveryOn: '2026-12-03',
    lastDeliveryOn: null,
    ...overrides,
  };
}

/** A quote as `POST /api/org/orders/quote` answers for `lines` in one cooperative's part. */
export function orgQuote(lines: OrgQuoteLine[] = [quoteLine()], overrides: Partial<OrgQuote> = {}): OrgQuote {
  const itemsFen = lines.reduce((sum, line) => sum + line.lineTotalFen, 0);
  const part = quotePart({ itemsFen });
  return {
    lines,
    parts: [part],
    itemsFen,
    shippingFen: part.feeFen,
    totalFen: itemsFen + part.feeFen,
    earliestDeliveryOn: part.earliestDeliveryOn,
    needsApproval: itemsFen + part.feeFen >= 500_000,
    deliveryProblems: [],
    ...overrides,
  };
}
