import type { HouseholdPayout, HouseholdStatement, Trail } from '../trail';

/** Township codes of the demo county: 张家湾镇 and 厍东关彝族白族苗族乡. */
export const ZHANGJIAWAN = '520525108';
export const SHEDONGGUAN = '520525202';

const row = (pledgedFen: number, paidFen: number, acknowledgedFen: number) => ({
  pledgedFen,
  paidToHouseholdsFen: paidFen,
  acknowledgedFen,
  outstandingFen: pledgedFen - paidFen,
});

/** A year's trail whose tables each add up to its cards (as the API's do). */
export function trailOf(overrides: Partial<Trail> = {}): Trail {
  return {
    year: 2026,
    pledgedFen: 123_456,
    paidToCooperativesFen: 5_000_000,
    paidToHouseholdsFen: 100_000,
    acknowledgedFen: 80_000,
    outstandingFen: 23_456,
    ageing: { upTo30DaysFen: 20_000, from31To60DaysFen: 3_456, over60DaysFen: 0 },
    overdue: { payouts: 2, amountFen: 1_500 },
    byTownship: [
      { code: ZHANGJIAWAN, name: '张家湾镇', ...row(100_000, 80_000, 70_000) },
      { code: SHEDONGGUAN, name: '厍东关彝族白族苗族乡', ...row(23_456, 20_000, 10_000) },
    ],
    byCooperative: [{ id: 'coop-eggs', name: '张家湾蛋鸡合作社', ...row(123_456, 100_000, 80_000) }],
    byHouseholdStatus: [
      { status: 'LIFTED', ...row(100_000, 90_000, 70_000) },
      { status: 'MONITORED', ...row(23_456, 10_000, 10_000) },
    ],
    peopleByExitYear: [
      { exitYear: 2019, households: 3, people: 12 },
      { exitYear: null, households: 1, people: 5 },
    ],
    ...overrides,
  };
}

export function householdPayout(overrides: Partial<HouseholdPayout> = {}): HouseholdPayout {
  return {
    id: 'payout-1',
    household: { id: 'household-1', code: 'NY-000108', maskedName: '王**', village: '张家湾村', townshipCode: ZHANGJIAWAN },
    cooperative: { id: 'coop-eggs', name: '张家湾蛋鸡合作社' },
    period: '2026-11',
    amountFen: 12_345,
    method: 'BANK',
    reference: 'NX-1',
    hasReceipt: false,
    paidOn: '2026-12-05',
    recordedAt: '2026-12-05T02:00:00Z',
    reversesId: null,
    reversed: false,
    acknowledgement: null,
    overdue: false,
    ...overrides,
  };
}

export function householdStatement(overrides: Partial<HouseholdStatement> = {}): HouseholdStatement {
  return {
    household: {
      id: 'household-1',
      code: 'NY-000108',
      village: '张家湾村',
      townshipCode: ZHANGJIAWAN,
      status: 'MONITORED',
      members: 4,
      exitYear: null,
    },
    allocations: [
      { month: '2026-10', cooperative: { id: 'coop-eggs', name: '张家湾蛋鸡合作社' }, mechanism: 'EQUITY_DIVIDEND', amountFen: 10_000 },
      {
        month: '2026-11',
        cooperative: { id: 'coop-eggs', name: '张家湾蛋鸡合作社' },
        mechanism: 'CONTRACT_PURCHASE+EMPLOYMENT',
        amountFen: 2_345,
      },
    ],
    payouts: [
      householdPayout({
        acknowledgement: { visitedOn: '2026-12-08', note: '本人签收', acknowledgedAt: '2026-12-08T06:00:00Z' },
      }),
    ],
    balance: { allocatedFen: 12_345, paidFen: 12_345, acknowledgedFen: 12_345, outstandingFen: 0 },
    ...overrides,
  };
}
