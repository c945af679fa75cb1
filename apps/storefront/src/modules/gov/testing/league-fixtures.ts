import type { BuyerBreakdown, LeagueRow, LeagueTable } from '../institutions';

const TIANHE = { districtCode: '440106', districtNameZh: '天河区', districtNameEn: 'Tianhe District' };

/** The government canteen: 10% of ¥3.6 million reserved, ¥45,678.00 bought, 12.68% of its target. */
export function canteenRow(overrides: Partial<LeagueRow> = {}): LeagueRow {
  return {
    organisationId: 'org-canteen',
    name: '广州市天河区机关事务管理中心饭堂',
    creditCode: '11440106MB2C39481X',
    type: 'GOVERNMENT',
    ...TIANHE,
    budgetUnit: true,
    plan: { noCanteen: false, budgetFen: 360_000_000, shareBp: 1_000, targetFen: 36_000_000 },
    achievedFen: 4_567_800,
    linkedSalesFen: 3_000_000,
    progressBp: 1_268,
    lastOrderDay: '2026-12-10',
    ...overrides,
  };
}

/** The league table of 2026 in Tianhe, as `GET /api/impact/institutions` answers: lagging first, then no plan, then not a budget unit. */
export function leagueTable(overrides: Partial<LeagueTable> = {}): LeagueTable {
  const school: LeagueRow = {
    organisationId: 'org-school',
    name: '广州市天河区黔粤实验小学',
    creditCode: '12440106MB0N7D2K5X',
    type: 'SCHOOL',
    ...TIANHE,
    budgetUnit: true,
    plan: null,
    achievedFen: 120_000,
    linkedSalesFen: 0,
    progressBp: null,
    lastOrderDay: '2026-11-02',
  };
  const union: LeagueRow = {
    organisationId: 'org-union',
    name: '广州天河软件园科技有限公司工会委员会',
    creditCode: '81440106MC4G8R1P3X',
    type: 'TRADE_UNION',
    ...TIANHE,
    budgetUnit: false,
    plan: null,
    achievedFen: 0,
    linkedSalesFen: 0,
    progressBp: null,
    lastOrderDay: null,
  };
  const total = {
    organisations: 3,
    budgetFen: 360_000_000,
    targetFen: 36_000_000,
    achievedFen: 4_687_800,
    linkedSalesFen: 3_000_000,
    // Only the canteen has a target: what the school bought is in the total, not in the progress.
    achievedOnTargetFen: 4_567_800,
    progressBp: 1_268,
  };
  return {
    year: 2026,
    items: [canteenRow(), school, union],
    total: { key: 'all', nameZh: '合计', nameEn: 'Total', ...total },
    byDistrict: [{ key: '440106', nameZh: '天河区', nameEn: 'Tianhe District', ...total }],
    byType: [
      {
        key: 'GOVERNMENT',
        nameZh: '党政机关',
        nameEn: 'Party or government office',
        ...total,
        organisations: 1,
        achievedFen: 4_567_800,
      },
      {
        key: 'SCHOOL',
        nameZh: '学校',
        nameEn: 'School',
        organisations: 1,
        budgetFen: 0,
        targetFen: 0,
        achievedFen: 120_000,
        linkedSalesFen: 0,
        achievedOnTargetFen: 0,
        progressBp: null,
      },
      {
        key: 'TRADE_UNION',
        nameZh: '工会',
        nameEn: 'Trade union',
        organisations: 1,
        budgetFen: 0,
        targetFen: 0,
        achievedFen: 0,
        linkedSalesFen: 0,
        achievedOnTargetFen: 0,
        progressBp: null,
      },
    ],
    marketplace: { gmvFen: 98_765_400, institutionFen: 4_687_800, householdFen: 94_077_600, institutionShareBp: 474 },
    ...overrides,
  };
}

/** `GET /api/impact/buyers` for 2026: institutions bought 4.74% of the year's sales. */
export function buyerBreakdown(overrides: Partial<BuyerBreakdown> = {}): BuyerBreakdown {
  return {
    year: 2026,
    gmvFen: 98_765_400,
    linkedSalesFen: 60_000_000,
    byKind: [
      { key: 'INSTITUTION', gmvFen: 4_687_800, linkedSalesFen: 3_000_000, shareBp: 474 },
      { key: 'HOUSEHOLD', gmvFen: 94_077_600, linkedSalesFen: 57_000_000, shareBp: 9_525 },
    ],
    byDistrict: [
      {
        key: '440106',
        nameZh: '天河区',
        nameEn: 'Tianhe District',
        gmvFen: 60_000_000,
        linkedSalesFen: 40_000_000,
        institutionFen: 4_687_800,
        householdFen: 55_312_200,
      },
      {
        key: '440104',
        nameZh: '越秀区',
        nameEn: 'Yuexiu District',
        gmvFen: 38_765_400,
        linkedSalesFen: 20_000_000,
        institutionFen: 0,
        householdFen: 38_765_400,
      },
    ],
    ...overrides,
  };
}
