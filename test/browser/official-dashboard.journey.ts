import { ApiActor, catalog, checkOut } from './support/api';
import { accessibilityProblems, Browser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { GovPages, ShopPages } from './support/pages';

interface Item {
  slug: string;
  inStock: boolean;
  certified: boolean;
  township: { code: string };
  season: { saleStartsAt: string | null; inSeason: boolean };
}

describe('an official reading the dashboard', () => {
  let browser: Browser;
  let townshipCode: string;

  beforeAll(async () => {
    // A buyer pays for a certified product, so the township of its origin has poverty-linked sales.
    const buyer = await ApiActor.signIn('buyer@demo.cn');
    const { items } = await catalog<{ items: Item[] }>('/api/products?certified=true&limit=50');
    const item = items.find((candidate) => candidate.inStock && (candidate.season.saleStartsAt === null || candidate.season.inSeason))!;
    const product = await catalog<{ variants: { id: string; stockStatus: string }[] }>(`/api/products/${item.slug}`);
    townshipCode = item.township.code;
    await buyer.call('POST', '/api/cart/lines', { variantId: product.variants.find((v) => v.stockStatus !== 'SOLD_OUT')!.id, quantity: 2 });
    const order = await checkOut<{ number: string }>(buyer);
    await buyer.call('POST', `/api/payments/demo/${order.number}/pay`);
  });

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(() => browser.close());

  it('filters the dashboard to one township and downloads a CSV whose totals match the screen', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    const gov = new GovPages(page);
    await withScreenshotOnFailure(page, 'official-dashboard', async () => {
      await shop.openHome();
      await shop.logIn('official@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();

      // Opened afresh, the page asks for the session once, from index.html's inline script, which
      // the page's CSP lets run by its hash; the app takes that answer.
      const refreshes: string[] = [];
      page.on('request', (sent) => {
        if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/auth/refresh') refreshes.push(sent.url());
      });
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await gov.open();
      expect(refreshes).toHaveLength(1);
      expect(refused).toEqual([]);
      expect(await page.evaluate(() => 'qhSessionAnswer' in window)).toBe(false);
      expect(await accessibilityProblems(page)).toEqual([]);

      await gov.filterToTownship(townshipCode);
      const onScreen = {
        linked: await gov.figure('linkedSalesFen'),
        pool: await gov.figure('poolFen'),
        households: await gov.figure('households'),
        orders: await gov.figure('orders'),
      };
      expect(onScreen.linked).toMatch(/^¥[1-9][\d,]*\.\d\d$/);

      const csv = await gov.downloadYearlyCsv();
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = csv
        .slice(1)
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      const total = rows[rows.length - 1];
      // By the column's title, not its place: a new column must not shift what is compared.
      const column = (title: string) => total[rows[0].findIndex((cell) => cell.startsWith(title))];
      const yuan = (shown: string) => shown.replace('¥', '').replaceAll(',', '');
      expect(total.slice(0, 2)).toEqual(['total', '合计']);
      expect([column('消费帮扶产品销售额'), column('联农带农金额'), column('带动户数'), column('订单数')]).toEqual([
        yuan(onScreen.linked),
        yuan(onScreen.pool),
        onScreen.households.replaceAll(',', ''),
        onScreen.orders.replaceAll(',', ''),
      ]);
    });
  });
});
