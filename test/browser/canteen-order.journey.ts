import { formatFen } from '@qh/domain';
import { PNG_1X1 } from '../support/images';
import { ApiActor, shipPartOf } from './support/api';
import { accessibilityProblems, baseUrl, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

interface Summary {
  linkedSalesFen: number;
}
interface Part {
  id: string;
  cooperative: { id: string };
  lines: { id: string; productSlug: string }[];
}
interface OrgOrder {
  number: string;
  status: string;
  linkedSalesFen: number;
  paidAt: string | null;
  fulfillments: Part[];
}

const EGGS = 'zhangjiawan-canteen-eggs-240';
const NOODLES = 'baixing-wide-noodles-canteen-5kg';
/** The Monday after the suite's day (Thursday 10 December 2026): the canteen takes goods in on weekdays. */
const MONDAY = '2026-12-14';
/** One 240-egg case at the price from 20 cases on. */
const CASE_AT_BREAK_FEN = 41_800;

/**
 * The weekly canteen order of the issue, on a desktop: canteen@demo.cn orders 30 cases of eggs and
 * 50 kg of noodles for Monday; approver@demo.cn approves, and the order goes on the canteen's account;
 * both cooperatives ship; the receiver accepts one case short; an admin grants it, a credit;
 * finance@demo.cn issues the statement and sees the credit; an admin records the bank transfer. Only
 * then is the order paid, and the officials' figures move by exactly its certified part less the case.
 */
describe('a canteen orders by the case, with approval and acceptance on delivery', () => {
  let browser: Browser;
  let official: ApiActor;

  beforeAll(async () => {
    official = await ApiActor.signIn('official@demo.cn');
    browser = await openBrowser({ width: 1280, height: 900 });
  });
  afterAll(() => browser.close());

  const linkedSales = async () => (await official.call<Summary>('GET', '/api/impact/summary')).linkedSalesFen;

  it('goes from the order form to the refunded shortfall, and the figures follow', async () => {
    const { page, context } = browser;
    const shop = new ShopPages(page);
    const signInAs = async (email: string) => {
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn(email, 'demo-pass-2026');
      await shop.accountMenu().waitFor();
    };
    const before = await linkedSales();
    let number = '';

    await withScreenshotOnFailure(page, 'canteen-order', async () => {
      // The purchaser builds the order: eggs at the price from 20 cases, noodles, Monday, the canteen's first site.
      await signInAs('canteen@demo.cn');
      await page.goto(`${baseUrl()}/org/orders/new`);
      for (const [query, slug, quantity] of [
        ['食堂整箱', EGGS, '30'],
        ['宽面', NOODLES, '10'],
      ] as const) {
        await page.getByTestId('picker-query').fill(query);
        await page.getByTestId('picker-search').click();
        await page.locator(`[data-testid="picker-result"][data-slug="${slug}"] [data-testid="picker-choose"]`).click();
        await page.getByTestId('picker-variant').first().locator('input').check();
        await page.getByTestId('picker-quantity').fill(quantity);
        await page.getByTestId('picker-add').click();
      }
      await page.getByTestId('bulk-line').nth(1).waitFor();
      // The first site, 机关一食堂 (the first option is the prompt to choose).
      await page.getByTestId('bulk-site').selectOption({ index: 1 });
      await page.getByTestId('bulk-day').fill(MONDAY);
      await page.getByTestId('bulk-approval-notice').waitFor();
      expect(await page.getByTestId('bulk-unit-price').first().innerText()).toContain('¥418.00');
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.getByTestId('bulk-submit').click();
      const placed = page.locator('[data-testid="org-order"][data-status="AWAITING_APPROVAL"]');
      await placed.waitFor();
      number = new URL(page.url()).pathname.split('/').at(-1)!;

      // The approver approves it: the canteen pays on account, so it goes to the cooperatives unpaid.
      await signInAs('approver@demo.cn');
      await page.goto(`${baseUrl()}/org/orders/${number}`);
      await page.getByTestId('org-order-approve').click();
      await page.locator('[data-testid="org-order"][data-status="ON_ACCOUNT"]').waitFor();
      expect(await page.getByTestId('pay-demo').count()).toBe(0);
    });

    const canteen = await ApiActor.signIn('canteen@demo.cn');
    const order = await canteen.call<OrgOrder>('GET', `/api/org/orders/${number}`);
    expect(order.linkedSalesFen).toBeGreaterThan(0);
    // Not paid yet: the officials' figures do not count it.
    expect(await linkedSales()).toBe(before);

    // Both cooperatives ship their parts.
    for (const email of ['eggs@demo.cn', 'noodles@demo.cn']) {
      await shipPartOf(await ApiActor.signIn(email), number);
    }
    const eggPart = order.fulfillments.find((part) => part.lines[0].productSlug === EGGS)!;
    const noodlePart = order.fulfillments.find((part) => part.lines[0].productSlug === NOODLES)!;

    await withScreenshotOnFailure(page, 'canteen-order-acceptance', async () => {
      // The receiver accepts 29 cases, one broken, and all the noodles.
      await signInAs('canteen@demo.cn');
      await page.goto(`${baseUrl()}/org/orders/${number}`);
      const eggForm = page.locator(`[data-testid="acceptance-form"][data-part-id="${eggPart.id}"]`);
      await eggForm.locator(`[data-testid="acceptance-quantity"][data-line-id="${eggPart.lines[0].id}"]`).fill('29');
      await eggForm.locator(`[data-testid="acceptance-reason"][data-line-id="${eggPart.lines[0].id}"]`).selectOption('DAMAGED');
      await eggForm.getByTestId('acceptance-submit').click();
      await page.locator(`[data-testid="acceptance-done"][data-part-id="${eggPart.id}"]`).waitFor();
      await page.locator('[data-testid="acceptance-claim"][data-status="PENDING"]').waitFor();
      // With a photo of the broken case.
      await page
        .locator(`[data-testid="claim-photo-input"][data-part-id="${eggPart.id}"]`)
        .setInputFiles({ name: 'broken-case.png', mimeType: 'image/png', buffer: PNG_1X1 });
      await page.locator(`[data-testid="acceptance-done"][data-part-id="${eggPart.id}"] [data-testid="claim-photo"]`).waitFor();
      await page.locator(`[data-testid="acceptance-form"][data-part-id="${noodlePart.id}"]`).getByTestId('acceptance-submit').click();
      await page.locator(`[data-testid="acceptance-done"][data-part-id="${noodlePart.id}"]`).waitFor();
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      // An admin refunds the broken case from the queue.
      await signInAs('admin@demo.cn');
      await page.goto(`${baseUrl()}/admin/shortfalls`);
      const claim = page.getByTestId('admin-shortfall-row').filter({ hasText: number });
      // The queue loads after the page: wait for the claim's photo before counting.
      await claim.getByTestId('claim-photo').first().waitFor();
      expect(await claim.getByTestId('claim-photo').count()).toBe(1);
      await claim.getByTestId('shortfall-refund').click();
      await page.locator('[data-testid="admin-shortfall-row"][data-status="REFUNDED"]').filter({ hasText: number }).waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    // A credit on account: still nothing counted.
    expect(await linkedSales()).toBe(before);

    let statementNumber = '';
    let closing = '';
    await withScreenshotOnFailure(page, 'canteen-order-statement', async () => {
      // Finance issues the statement: the two deliveries and the credit for the case.
      await signInAs('finance@demo.cn');
      await page.goto(`${baseUrl()}/org/statements`);
      await page.getByTestId('org-issue-statement').click();
      await page.getByTestId('statement-number').waitFor();
      statementNumber = (await page.getByTestId('statement-number').innerText()).trim();
      const items = page.getByTestId('statement-item');
      expect(await items.filter({ hasText: number }).count()).toBe(3);
      const credit = page.locator('[data-testid="statement-item"][data-kind="CREDIT"]').filter({ hasText: number });
      expect(await credit.innerText()).toContain('418.00');
      closing = await page.getByTestId('statement-closing').innerText();
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      // Finance may well open it on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await sidewaysOverflowPx(page)).toBe(0);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    const finance = await ApiActor.signIn('finance@demo.cn');
    const statement = await finance.call<{ closingFen: number }>('GET', `/api/org/statements/${statementNumber}`);
    const organisationId = (await finance.call<{ id: string }>('GET', '/api/org')).id;
    expect(closing).toBe(formatFen(statement.closingFen));

    await withScreenshotOnFailure(page, 'canteen-order-transfer', async () => {
      // The transfer arrives; an admin records it against the statement.
      await signInAs('admin@demo.cn');
      await page.goto(`${baseUrl()}/admin/organisations/${organisationId}/account`);
      await page.getByTestId('admin-transfer-amount').fill((statement.closingFen / 100).toFixed(2));
      await page.getByTestId('admin-transfer-reference').fill(`ICBC${Date.now()}`);
      await page.getByTestId('admin-transfer-statement').selectOption(statementNumber);
      await page.getByTestId('admin-transfer-submit').click();
      await page.getByTestId('admin-transfer-result').filter({ hasText: number }).waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    // Paid now: the figures take in exactly the order's certified part, less the case credited.
    expect((await canteen.call<OrgOrder>('GET', `/api/org/orders/${number}`)).paidAt).not.toBeNull();
    expect(await linkedSales()).toBe(before + order.linkedSalesFen - CASE_AT_BREAK_FEN);
  });
});
