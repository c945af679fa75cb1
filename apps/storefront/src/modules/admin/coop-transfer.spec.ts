import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoopMonthStatement } from './admin-api';
import { sharesFrom, sharesTotalFen, transferRequest, type ShareDraft, type TransferDraft } from './coop-transfer';

const statement = (month: string, owedFen: number) => ({ month, owedFen }) as CoopMonthStatement;

function draft(overrides: Partial<TransferDraft> = {}): TransferDraft {
  return {
    cooperativeId: 'coop-eggs',
    amountText: '2000.00',
    paidOn: '2026-12-10',
    bankReference: 'ICBC-1',
    note: '',
    shares: [
      { month: '2026-10', owedFen: 120_000, chosen: true, amountText: '1200.00' },
      { month: '2026-11', owedFen: 80_000, chosen: true, amountText: '800.00' },
    ],
    ...overrides,
  };
}

describe('sharesFrom', () => {
  it('offers the months still owed, each share all that is owed, none ticked', () => {
    expect(
      sharesFrom([statement('2026-10', 120_000), statement('2026-11', 0), statement('2026-12', -500), statement('2027-01', 5)]),
    ).toEqual([
      { month: '2026-10', owedFen: 120_000, chosen: false, amountText: '1200.00' },
      { month: '2027-01', owedFen: 5, chosen: false, amountText: '0.05' },
    ]);
  });
});

describe('transferRequest', () => {
  it('sends the amount and each ticked month’s share in fen', () => {
    expect(transferRequest(draft({ note: ' 十一月 ' }))).toEqual({
      request: {
        cooperativeId: 'coop-eggs',
        amountFen: 200_000,
        paidOn: '2026-12-10',
        bankReference: 'ICBC-1',
        note: '十一月',
        statements: [
          { month: '2026-10', amountFen: 120_000 },
          { month: '2026-11', amountFen: 80_000 },
        ],
      },
    });
  });

  it('leaves out the months not ticked', () => {
    const shares = draft().shares.map((share, index) => ({ ...share, chosen: index === 1 }));
    expect(transferRequest(draft({ shares, amountText: '800' }))).toMatchObject({
      request: { amountFen: 80_000, statements: [{ month: '2026-11', amountFen: 80_000 }] },
    });
  });

  it('names each problem as the API would refuse it', () => {
    const shares: ShareDraft[] = [
      { month: '2026-10', owedFen: 120_000, chosen: true, amountText: '1200.01' },
      { month: '2026-11', owedFen: 80_000, chosen: true, amountText: '0' },
    ];
    expect(transferRequest(draft({ shares, amountText: '12.345', paidOn: '', bankReference: ' ' }))).toEqual({
      problems: {
        fields: {
          amount: { key: 'adminPayouts.problems.amount' },
          paidOn: { key: 'adminPayouts.problems.paidOn' },
          bankReference: { key: 'adminPayouts.problems.bankReference' },
        },
        shares: {
          '2026-10': { key: 'adminPayouts.problems.shareTooMuch', params: { amount: '¥1,200.00' } },
          '2026-11': { key: 'adminPayouts.problems.share' },
        },
      },
    });
    expect(transferRequest(draft({ cooperativeId: '', shares: [] }))).toMatchObject({
      problems: { fields: { cooperativeId: { key: 'adminPayouts.problems.cooperative' } } },
    });
    expect(transferRequest(draft({ shares: draft().shares.map((share) => ({ ...share, chosen: false })) }))).toMatchObject({
      problems: { fields: { shares: { key: 'adminPayouts.problems.noMonth' } } },
    });
  });

  it('refuses an amount other than the shares’ sum, saying the sum', () => {
    expect(transferRequest(draft({ amountText: '1999.99' }))).toMatchObject({
      problems: { fields: { amount: { key: 'adminPayouts.problems.mismatch', params: { amount: '¥2,000.00' } } } },
    });
  });

  it('always sends shares that add up to the amount, each within what its month owes', () => {
    const month = fc.record({ owedFen: fc.integer({ min: 1, max: 10_000_000_000 }), part: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 12 }), (months) => {
        const shares = months.map(({ owedFen, part }, index) => {
          const shareFen = Math.max(1, Math.floor(owedFen * part));
          return {
            month: `2026-${String(index + 1).padStart(2, '0')}`,
            owedFen,
            chosen: true,
            amountText: `${Math.floor(shareFen / 100)}.${String(shareFen % 100).padStart(2, '0')}`,
          };
        });
        const total = sharesTotalFen(shares);
        const checked = transferRequest(
          draft({ shares, amountText: `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}` }),
        );
        if (!('request' in checked)) return false;
        const sent = checked.request.statements;
        return (
          sent.reduce((sum, share) => sum + share.amountFen, 0) === checked.request.amountFen &&
          sent.every((share, index) => share.amountFen >= 1 && share.amountFen <= shares[index]!.owedFen)
        );
      }),
    );
  });
});
