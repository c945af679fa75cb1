import { catalog } from './support/api';
import { accessibilityProblems, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

interface Item {
  slug: string;
  season: { inSeason: boolean; saleStartsAt: string | null };
}

/** The browser suite's clock stands on 10 December 2026 (support/global-setup.mjs): the cherries' season opens on 1 April. */
describe('a cherry page in December, on a phone', () => {
  let browser: Browser;
  let cherries: Item;

  beforeAll(async () => {
    const { items } = await catalog<{ items: Item[] }>('/api/products?category=CHERRY&limit=50');
    cherries = items.find((item) => !item.season.inSeason && item.season.saleStartsAt !== null)!;
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('says when sales open and offers a reminder instead of the cart; a guest signs in and sets it', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    await withScreenshotOnFailure(page, 'cherries-in-december', async () => {
      await page.goto(`${process.env.QH_BROWSER_BASE_URL}/products/${cherries.slug}`);
      await page.getByTestId('product-off-season').waitFor();
      // The day its sale opens, as a buyer in China reads it (e.g. 2027年2月1日 for a pre-sale of April's fruit).
      const opens = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(
        new Date(cherries.season.saleStartsAt!),
      );
      expect(opens).toMatch(/^2027年/);
      expect(await page.getByTestId('product-off-season').innerText()).toBe(`即将开售：${opens} 开始接受订购。`);
      expect(await page.getByTestId('add-to-cart').count()).toBe(0);
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      // A guest is asked to sign in first, and comes back to the cherries.
      await page.getByTestId('arrival-reminder').click();
      await page.getByTestId('login-email').fill('buyer@demo.cn');
      await page.getByTestId('login-password').fill('demo-pass-2026');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('product-off-season').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/products/${cherries.slug}`);

      await page.getByTestId('arrival-reminder').click();
      await page.getByTestId('arrival-reminder-set').waitFor();
      expect(await page.getByTestId('arrival-reminder-set').innerText()).toMatch(/buyer@demo\.cn/);
      // Set: it stays set when the page is opened again.
      await page.reload();
      await page.getByTestId('arrival-reminder-set').waitFor();
      expect(await shop.accountMenu().count()).toBe(1);
    });
  });
});
