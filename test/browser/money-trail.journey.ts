import { formatFen } from '@qh/domain';
import type { Page } from 'playwright-core';
import { ApiActor } from './support/api';
import { accessibilityProblems, baseUrl, openBrowser, withScreenshotOnFailure, type Browser } from './support/browser';
import { ShopPages } from './support/pages';

interface CoopHousehold {
  id: string;
  code: string;
  townshipCode: string;
  outstandingFen: number;
}
interface Payout {
  id: string;
  household: { id: string };
  amountFen: number;
  period: string;
}
interface Trail {
  year: number;
  pledgedFen: number;
  paidToHouseholdsFen: number;
  acknowledgedFen: number;
  outstandingFen: number;
}

const FIGURES = ['pledgedFen', 'paidToHouseholdsFen', 'acknowledgedFen', 'outstandingFen'] as const;
/** A yuan amount as shown (`¥1,234.50`) as the CSV writes it (`1234.50`). */
const csvYuan = (shown: string) => shown.replace('¥', '').replaceAll(',', '');
/** Fen as the payouts file writes yuan. */
const yuan = (fen: number) => (fen / 100).toFixed(2);

async function signedIn(page: Page, email: string): Promise<void> {
  const shop = new ShopPages(page);
  await shop.openHome();
  await shop.logIn(email, 'demo-pass-2026');
  await shop.accountMenu().waitFor();
}

/**
 * The money reaches the households (到户), and everyone can see it did: the egg cooperative imports a
 * month of payouts to its households from a spreadsheet (one row refused, with its reason), the
 * township official who visited acknowledges two of them, and the pairing office's trail moves by
 * exactly those amounts, on screen and in the CSV, which says what the screen says.
 */
describe('payouts to households, from the cooperative’s spreadsheet to the officials’ trail', () => {
  const browsers: Browser[] = [];
  let eggs: ApiActor;
  let official: ApiActor;
  let month: string;
  let chosen: CoopHousehold[];

  beforeAll(async () => {
    eggs = await ApiActor.signIn('eggs@demo.cn');
    official = await ApiActor.signIn('official@demo.cn');
    const township = await ApiActor.signIn('township@demo.cn');
    const { townships } = await township.call<{ townships: string[] }>('GET', '/api/me');
    // This month by the app's clock: its statements run up to it.
    const statements = await eggs.call<{ months: { month: string }[] }>('GET', '/api/coop/statements');
    month = statements.months.at(-1)!.month;
    const { items } = await eggs.call<{ items: CoopHousehold[] }>('GET', '/api/coop/households');
    // Households of the township official's township still owed this month's allocations (the demo pays a month after it ends).
    chosen = items.filter((household) => townships.includes(household.townshipCode) && household.outstandingFen > 0).slice(0, 2);
    expect(chosen).toHaveLength(2);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  async function open(): Promise<Page> {
    const browser = await openBrowser({ width: 1280, height: 900 });
    browsers.push(browser);
    return browser.page;
  }

  it('moves the trail by exactly what was paid and acknowledged', async () => {
    const before = await official.call<Trail>('GET', '/api/impact/trail');
    const amounts = chosen.map((household) => Math.min(household.outstandingFen, 4321));
    const paidOn = `${month}-01`;
    const csv = [
      'household_code,period,amount_yuan,method,reference,paid_on',
      ...chosen.map((household, index) => `${household.code},${month},${yuan(amounts[index])},银行转账,NX-JOURNEY-${index},${paidOn}`),
      // Not a household of this cooperative: refused, the others go in.
      `NY-999999,${month},10.00,银行转账,NX-JOURNEY-X,${paidOn}`,
    ].join('\n');

    const cooperative = await open();
    await withScreenshotOnFailure(cooperative, 'money-trail-import', async () => {
      await signedIn(cooperative, 'eggs@demo.cn');
      await cooperative.goto(`${baseUrl()}/coop/household-payouts`);
      await cooperative
        .getByTestId('payout-import-file')
        .setInputFiles({ name: 'payouts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await cooperative.getByTestId('payout-import-run').click();
      const report = cooperative.locator('[data-testid="payout-import-report"][data-dry-run="false"]');
      await report.waitFor();
      expect(await report.getByTestId('payout-import-summary').innerText()).toContain(formatFen(amounts[0] + amounts[1]));
      const refused = report.getByTestId('payout-import-refused-row');
      expect(await refused.count()).toBe(1);
      expect(await refused.getAttribute('data-line')).toBe('4');
      const problem = refused.getByTestId('payout-import-problem');
      expect(await problem.getAttribute('data-field')).toBe('household_code');
      expect((await problem.innerText()).length).toBeGreaterThan(4);
      expect(await accessibilityProblems(cooperative)).toEqual([]);
    });

    const { items } = await eggs.call<{ items: Payout[] }>('GET', `/api/coop/household-payouts?period=${month}`);
    const imported = chosen.map((household, index) =>
      items.find((payout) => payout.household.id === household.id && payout.amountFen === amounts[index])!,
    );
    expect(imported.every(Boolean)).toBe(true);

    const visitor = await open();
    await withScreenshotOnFailure(visitor, 'money-trail-acknowledge', async () => {
      await signedIn(visitor, 'township@demo.cn');
      // The county's dashboard is not a township official's: it lands on its own townships' trail.
      await visitor.goto(`${baseUrl()}/gov`);
      await visitor.waitForURL(/\/gov\/trail/);
      await visitor.getByTestId('gov-nav-payouts').click();
      for (const payout of imported) {
        const row = visitor.locator(`[data-testid="payout-row"][data-payout-id="${payout.id}"]`);
        await row.getByTestId('payout-acknowledge').click();
        await visitor.getByTestId('acknowledge-visited-on').fill(`${month}-08`);
        await visitor.getByTestId('acknowledge-note').fill('入户核实，已到账');
        await visitor.getByTestId('acknowledge-submit').click();
        await visitor.locator(`[data-testid="payout-row"][data-payout-id="${payout.id}"][data-state="acknowledged"]`).waitFor();
        expect(await row.getByTestId('payout-state').innerText()).toBe(`已核实（${month}-08）`);
      }
      expect(await accessibilityProblems(visitor)).toEqual([]);
    });

    const after = await official.call<Trail>('GET', '/api/impact/trail');
    const movedFen = amounts[0] + amounts[1];
    expect(after.paidToHouseholdsFen - before.paidToHouseholdsFen).toBe(movedFen);
    expect(after.acknowledgedFen - before.acknowledgedFen).toBe(movedFen);
    expect(after.outstandingFen).toBe(after.pledgedFen - after.paidToHouseholdsFen);

    const office = await open();
    await withScreenshotOnFailure(office, 'money-trail-office', async () => {
      await signedIn(office, 'official@demo.cn');
      await office.goto(`${baseUrl()}/gov/trail`);
      await office.locator('[data-testid="trail-cards"][aria-busy="false"]').waitFor();
      const card = (figure: string) => office.getByTestId(`trail-${figure}`).innerText();
      for (const figure of FIGURES) expect(await card(figure)).toBe(formatFen(after[figure]));

      const section = office.getByTestId('trail-by-township');
      const total = await section.getByTestId('trail-total').locator('td').allInnerTexts();
      expect(total).toEqual(FIGURES.map((figure) => formatFen(after[figure])));
      const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('trail-download-township').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = text
        .slice(1)
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      expect(rows.at(-1)).toEqual(['total', '合计', ...total.map(csvYuan)]);
      // Every township's row as on the screen.
      const screenRows = await section
        .getByTestId('trail-row')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute('data-group'), ...Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim())]),
        );
      expect(rows.slice(1, -1).map(([code, , ...figures]) => [code, ...figures])).toEqual(
        screenRows.map(([code, ...figures]) => [code, ...figures.map((shown) => csvYuan(shown!))]),
      );
      expect(await accessibilityProblems(office)).toEqual([]);
    });
  });
});
