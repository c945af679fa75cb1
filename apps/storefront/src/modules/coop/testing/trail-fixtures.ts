import type { CoopHousehold, CoopPayout, CoopStatement, HouseholdPayout, MonthStatement } from '../trail';

/** A statement of October 2026: ¥1,000.00 of goods, ¥50.00 refunded, ¥80.00 shipping, a 1% fee, ¥100.00 pledged. */
export function coopStatement(overrides: Partial<CoopStatement> = {}): CoopStatement {
  return {
    from: '2026-10-01',
    to: '2026-10-31',
    goodsFen: 100_000,
    refundedGoodsFen: 5_000,
    shippingFen: 8_000,
    refundedShippingFen: 0,
    platformFeeFen: 1_030,
    netPayableFen: 101_970,
    poolFen: 10_000,
    ...overrides,
  };
}

/** A month of the year's statements, as `GET /api/coop/statements` answers it: settled in part. */
export function monthStatement(month: string, overrides: Partial<MonthStatement> = {}): MonthStatement {
  return {
    ...coopStatement({ from: `${month}-01`, to: `${month}-28` }),
    month,
    settledFen: 50_000,
    owedFen: 51_970,
    ...overrides,
  };
}

/** A transfer from the marketplace, awaiting the cooperative's answer. */
export function coopPayout(overrides: Partial<CoopPayout> = {}): CoopPayout {
  return {
    id: 'cp-1',
    cooperative: { id: 'coop-1', name: '厍东关樱桃合作社' },
    amountFen: 50_000,
    paidOn: '2026-11-05',
    bankReference: 'ICBC20261105-0042',
    note: null,
    status: 'AWAITING',
    disputeReason: null,
    statements: [{ month: '2026-10', amountFen: 50_000 }],
    recordedAt: '2026-11-05T02:00:00Z',
    reversesId: null,
    ...overrides,
  };
}

/** A household linked to the cooperative, still owed ¥5.00 of ¥12.00 allocated. */
export function coopHousehold(overrides: Partial<CoopHousehold> = {}): CoopHousehold {
  return {
    id: 'h-1',
    code: 'NY-000123',
    maskedName: '王**',
    village: '桃营村',
    townshipCode: '520525202',
    status: 'LIFTED',
    allocatedFen: 1_200,
    paidFen: 700,
    outstandingFen: 500,
    ...overrides,
  };
}

/** A bank payout to the first household, not yet acknowledged and not overdue. */
export function householdPayout(overrides: Partial<HouseholdPayout> = {}): HouseholdPayout {
  return {
    id: 'hp-1',
    household: { id: 'h-1', code: 'NY-000123', maskedName: '王**', village: '桃营村', townshipCode: '520525202' },
    cooperative: { id: 'coop-1', name: '厍东关樱桃合作社' },
    period: '2026-10',
    amountFen: 700,
    method: 'BANK',
    reference: 'NX20261103-0017',
    hasReceipt: false,
    paidOn: '2026-11-03',
    recordedAt: '2026-11-03T03:00:00Z',
    reversesId: null,
    reversed: false,
    acknowledgement: null,
    overdue: false,
    ...overrides,
  };
}
