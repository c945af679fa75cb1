import { progressBp, reservedTargetFen, straightLinePathFen } from '@qh/domain';
import type { Plan, PlanList, Progress } from '../org-api';

/** ¥3.6 million of canteen food a year, 10% reserved: a target of ¥360,000. */
export const BUDGET_FEN = 360_000_000;
export const SHARE_BP = 1_000;

/** What the canteen bought each month of 2026 (fen), to the day the tests stand on in December. */
const BOUGHT_FEN = [0, 0, 500_000, 1_200_000, 0, 800_000, 0, 0, 1_000_000, 567_800, 500_000, 0];

/**
 * The canteen's progress in 2026 as `GET /api/org/progress` answers: a plan at 10% of ¥3.6 million,
 * ¥45,678.00 bought (¥30,000.00 of it certified), two orders on account not paid yet.
 */
export function progress(overrides: Partial<Progress> = {}): Progress {
  const plan =
    overrides.plan === undefined
      ? { noCanteen: false, budgetFen: BUDGET_FEN, shareBp: SHARE_BP, targetFen: reservedTargetFen(BUDGET_FEN, SHARE_BP) }
      : overrides.plan;
  const targetFen = plan && !plan.noCanteen ? (plan.targetFen ?? null) : null;
  let achievedFen = 0;
  const months = BOUGHT_FEN.map((gmvFen, index) => {
    achievedFen += gmvFen;
    return {
      month: index + 1,
      gmvFen,
      linkedSalesFen: Math.floor(gmvFen / 2),
      achievedFen,
      pathFen: targetFen === null ? null : straightLinePathFen(targetFen, 2026, index + 1),
    };
  });
  return {
    organisationId: 'org-1',
    name: '广州市天河区机关事务管理局饭堂',
    year: 2026,
    plan,
    achievedFen,
    linkedSalesFen: 3_000_000,
    progressBp: progressBp(achievedFen, targetFen),
    remainingFen: targetFen === null ? null : Math.max(0, targetFen - achievedFen),
    months,
    pending: { orders: 2, goodsFen: 1_316_000 },
    lastOrderDay: '2026-11-30',
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    year: 2026,
    noCanteen: false,
    budgetFen: BUDGET_FEN,
    shareBp: SHARE_BP,
    targetFen: reservedTargetFen(BUDGET_FEN, SHARE_BP),
    updatedAt: '2026-01-05T02:00:00.000Z',
    updatedBy: 'canteen@demo.cn',
    ...overrides,
  };
}

/** `GET /api/org/plans`: the district's default share is 12% unless told otherwise. */
export function planList(items: Plan[] = [plan()], defaultShareBp = 1_200): PlanList {
  return { defaultShareBp, items };
}
