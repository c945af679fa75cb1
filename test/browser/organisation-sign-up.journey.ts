import { makeCreditCode } from '@qh/domain';
import { accessibilityProblems, baseUrl, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

/**
 * A union's staff member signs up in the shop, registers the union as an organisation from the
 * account menu, and waits; an admin verifies it from the queue; the union is then verified.
 */
describe('an organisation registers and is verified, on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('goes from a new account to a verified organisation', async () => {
    const { page, context } = browser;
    const shop = new ShopPages(page);
    const stamp = Date.now().toString(36);
    const email = `union-${stamp}@example.cn`;
    const name = `广州某某科技有限公司工会委员会${stamp}`;
    // A trade union's code (81…, Tianhe) with its right check character.
    const creditCode = makeCreditCode(`81440106${String(Date.now() % 1e9).padStart(9, '0')}`);

    await withScreenshotOnFailure(page, 'organisation-sign-up', async () => {
      await shop.openHome();
      await shop.signUp(email, 'a-good-password-2026', '黄丽');
      await shop.accountMenu().waitFor();
      await shop.accountMenu().getByRole('button', { expanded: false }).click();
      await page.getByTestId('account-link-org').click();

      await page.getByTestId('org-register-intro').waitFor();
      await page.getByTestId('org-register-name').fill(name);
      // A mistyped check character is caught before anything is sent.
      await page.getByTestId('org-register-credit-code').fill(`${creditCode.slice(0, 17)}${creditCode[17] === '0' ? '1' : '0'}`);
      await page.getByTestId('org-register-submit').click();
      await page.getByTestId('org-register-credit-code-error').waitFor();
      await page.getByTestId('org-register-credit-code').fill(creditCode.toLowerCase());
      await page.getByTestId('org-register-type').selectOption('TRADE_UNION');
      await page.getByTestId('org-register-district').selectOption('440106');
      await page.getByTestId('org-register-contact-name').fill('黄丽');
      await page.getByTestId('org-register-contact-mobile').fill('13800138103');
      await page.getByTestId('org-register-submit').click();

      const status = page.getByTestId('org-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('PENDING');
      expect(await page.getByTestId('org-profile').innerText()).toContain(name);
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      // An admin verifies it from the queue.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('admin@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${baseUrl()}/admin/organisations`);
      const row = page.getByTestId('admin-org-row').filter({ hasText: name });
      await row.waitFor();
      expect(await row.innerText()).toContain(creditCode);
      await row.getByTestId('org-verify').click();
      await page.getByTestId('admin-org-row').filter({ hasText: name }).and(page.locator('[data-status="VERIFIED"]')).waitFor();
      expect(await sidewaysOverflowPx(page)).toBe(0);

      // The union is verified, and its manager can go on to its members and sites.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn(email, 'a-good-password-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${baseUrl()}/org`);
      await page.locator('[data-testid="org-status"][data-status="VERIFIED"]').waitFor();
      await page.getByTestId('org-nav-sites').click();
      await page.getByTestId('org-sites-empty').waitFor();
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
    });
  });
});
