import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle } from '../../../testing/app';
import { statement } from '../testing/billing-fixtures';
import { buyerIn, myOrganisation } from '../testing/fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const PATH = '/api/org/statements/ST20261130-000001';

async function openStatement(answer: () => Response) {
  const organisation = myOrganisation({ status: 'VERIFIED', roles: ['FINANCE'] });
  const api = fakeSessionApi(buyerIn(organisation), {
    'GET /api/org': () => jsonResponse(200, organisation),
    [`GET ${PATH}`]: answer,
    [`GET ${PATH}/csv`]: () => new Response('\uFEFF日期,金额\r\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }),
  });
  ({ wrapper } = await mountApp({ path: '/org/statements/ST20261130-000001' }));
  await settle();
  return { app: wrapper!, api };
}

describe('OrgStatementPage', () => {
  it('lists deliveries and the credit with signed amounts, the sums, and what is due by when', async () => {
    const { app } = await openStatement(() => jsonResponse(200, statement()));
    expect(app.get('[data-testid="statement-organisation"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(app.get('[data-testid="statement-period"]').text()).toBe('截至 2026年11月30日');
    const items = app.findAll('[data-testid="statement-item"]');
    expect(items.map((item) => item.attributes('data-kind'))).toEqual(['CHARGE', 'CHARGE', 'CREDIT']);
    expect(items[0]!.text()).toContain('张家湾蛋鸡合作社 → 机关一食堂');
    expect(items[0]!.text()).toContain('¥12,540.00');
    expect(items[2]!.text()).toContain('验收短缺：一箱破损');
    expect(items[2]!.text()).toContain('-¥418.00');
    expect(app.get('[data-testid="statement-charges"]').text()).toBe('¥13,160.00');
    expect(app.get('[data-testid="statement-credits"]').text()).toBe('-¥418.00');
    expect(app.get('[data-testid="statement-closing"]').text()).toBe('¥12,742.00');
    expect(app.get('[data-testid="statement-due-on"]').text()).toBe('2026年12月30日');
  });

  it('shows a transfer received as a negative amount with its bank reference, and an overpayment as a negative amount due', async () => {
    const paid = statement({
      periodFrom: '2026-12-01',
      periodTo: '2026-12-31',
      dueOn: '2027-01-30',
      openingFen: 1_274_200,
      chargesFen: 0,
      creditsFen: 0,
      paymentsFen: 1_300_000,
      closingFen: -25_800,
      items: [
        {
          kind: 'PAYMENT',
          day: '2026-12-20',
          amountFen: 1_300_000,
          orderNumber: null,
          deliveryOn: null,
          siteName: null,
          cooperativeName: null,
          cooperativeNameEn: null,
          refundKind: null,
          reason: null,
          reference: 'ICBC-88213',
        },
      ],
    });
    const { app } = await openStatement(() => jsonResponse(200, paid));
    expect(app.get('[data-testid="statement-period"]').text()).toBe('2026年12月1日 至 2026年12月31日');
    const [item] = app.findAll('[data-testid="statement-item"]');
    expect(item!.attributes('data-kind')).toBe('PAYMENT');
    expect(item!.text()).toContain('银行流水 ICBC-88213');
    expect(item!.text()).toContain('-¥13,000.00');
    expect(app.get('[data-testid="statement-opening"]').text()).toBe('¥12,742.00');
    expect(app.get('[data-testid="statement-payments"]').text()).toBe('-¥13,000.00');
    expect(app.get('[data-testid="statement-closing"]').text()).toBe('-¥258.00');
  });

  it('gives the day in China a statement was issued, also when the month-end run issues it just after midnight', async () => {
    const { app } = await openStatement(() => jsonResponse(200, statement({ issuedAt: '2026-11-30T16:05:00.000Z' })));
    expect(app.get('[data-testid="statement-issued-on"]').text()).toBe('2026年12月1日');
  });

  it('prints the page and downloads the CSV under the statement number', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { app, api } = await openStatement(() => jsonResponse(200, statement()));
    await app.get('[data-testid="statement-print"]').trigger('click');
    expect(print).toHaveBeenCalledTimes(1);

    let savedAs = '';
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      savedAs = this.download;
    };
    globalThis.URL.createObjectURL ??= () => 'blob:x';
    globalThis.URL.revokeObjectURL ??= () => undefined;
    try {
      await app.get('[data-testid="statement-csv"]').trigger('click');
      await settle();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(api.callsTo('GET', `${PATH}/csv`)).toHaveLength(1);
    expect(savedAs).toBe('ST20261130-000001.csv');
  });

  it('tells a member without the finance or manager role why the statement is not shown, with nothing to retry', async () => {
    const { app } = await openStatement(() => errorResponse(403, 'ORGANISATION_ROLE_REQUIRED'));
    expect(app.get('[data-testid="statement-error"]').text()).toContain('你在单位中的角色不能做这项操作');
    expect(app.get('[data-testid="statement-error"]').find('button').exists()).toBe(false);
    expect(app.find('[data-testid="statement-print"]').exists()).toBe(false);
  });

  it('says when there is no such statement of the organisation', async () => {
    const { app } = await openStatement(() => errorResponse(404, 'STATEMENT_NOT_FOUND'));
    expect(app.get('[data-testid="statement-error"]').text()).toContain('没有这张对账单。');
  });
});
