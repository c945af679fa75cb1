import type { Account, Statement, StatementSummary } from '../billing';

/** A statement of November: two deliveries, a case credited short, nothing paid yet. */
export function statementSummary(overrides: Partial<StatementSummary> = {}): StatementSummary {
  return {
    number: 'ST20261130-000001',
    periodFrom: null,
    periodTo: '2026-11-30',
    dueOn: '2026-12-30',
    openingFen: 0,
    chargesFen: 1_316_000,
    creditsFen: 41_800,
    paymentsFen: 0,
    closingFen: 1_274_200,
    issuedAt: '2026-12-01T00:05:00.000Z',
    ...overrides,
  };
}

export function statement(overrides: Partial<Statement> = {}): Statement {
  return {
    ...statementSummary(),
    organisation: {
      name: '广州市天河区机关事务管理局饭堂',
      nameEn: 'Tianhe District Government Canteen',
      creditCode: '12440106MB0N7D2K5X',
    },
    items: [
      {
        kind: 'CHARGE',
        day: '2026-11-13',
        amountFen: 1_254_000,
        orderNumber: 'QH20261110-000042',
        deliveryOn: '2026-11-16',
        siteName: '机关一食堂',
        cooperativeName: '张家湾蛋鸡合作社',
        cooperativeNameEn: 'Zhangjiawan Egg Cooperative',
        refundKind: null,
        reason: null,
        reference: null,
      },
      {
        kind: 'CHARGE',
        day: '2026-11-13',
        amountFen: 62_000,
        orderNumber: 'QH20261110-000042',
        deliveryOn: '2026-11-16',
        siteName: '机关一食堂',
        cooperativeName: '百姓面业合作社',
        cooperativeNameEn: 'Baixing Noodle Cooperative',
        refundKind: null,
        reason: null,
        reference: null,
      },
      {
        kind: 'CREDIT',
        day: '2026-11-17',
        amountFen: 41_800,
        orderNumber: 'QH20261110-000042',
        deliveryOn: '2026-11-16',
        siteName: '机关一食堂',
        cooperativeName: null,
        cooperativeNameEn: null,
        refundKind: 'SHORTFALL',
        reason: '一箱破损',
        reference: null,
      },
    ],
    ...overrides,
  };
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    terms: { paymentDays: 30, creditLimitFen: 20_000_000, grantedAt: '2026-10-01T02:00:00.000Z' },
    owedFen: 1_274_200,
    overdueFen: 0,
    availableFen: 18_725_800,
    unbilledFen: 0,
    latestStatement: statementSummary(),
    ...overrides,
  };
}
