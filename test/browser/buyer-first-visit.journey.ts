import { accessibilityProblems, baseUrl, Browser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

describe('a buyer on a phone', () => {
  let browser: Browser;

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(() => browser.close());

  it('sees the shop in Chinese, switches to English, logs in and sees the account menu', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    // What the first visit downloads: each script and style sheet compressed, and kept by the browser for good.
    const assets: { url: string; encoding?: string; cacheControl?: string }[] = [];
    page.on('response', (response) => {
      if (!/\/assets\/.+\.(js|css)$/.test(new URL(response.url()).pathname)) return;
      const headers = response.headers();
      assets.push({ url: response.url(), encoding: headers['content-encoding'], cacheControl: headers['cache-control'] });
    });
    await withScreenshotOnFailure(page, 'buyer-first-visit', async () => {
      await shop.openHome();
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(asset).toEqual({ url: asset.url, encoding: 'br', cacheControl: 'public, max-age=31536000, immutable' });
      }
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await shop.homeTitle()).toMatch(/纳雍/);
      // The demo provider is on: the page says that no real money is taken.
      expect(await page.getByTestId('demo-payments-banner').innerText()).toMatch(/演示/);
      expect(await accessibilityProblems(page)).toEqual([]);

      await shop.switchLanguage();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await shop.homeTitle()).toMatch(/Nayong/);

      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      expect(await shop.signedInAs()).toEqual({ email: 'buyer@demo.cn', role: expect.stringMatching(/Buyer/) });

      // The language choice survives a reload, and so does the session (through the refresh cookie).
      await page.reload();
      await shop.accountMenu().waitFor();
      expect(await shop.homeTitle()).toMatch(/Nayong/);
    });
  });

  it("opens a shared search link with its results' read, code and pictures fetched once, beside the app's script", async () => {
    const { page } = browser;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await withScreenshotOnFailure(page, 'search-link', async () => {
      // As a link shared in a chat arrives: with a parameter of the chat's own, which the page ignores.
      await page.goto(`${baseUrl()}/search?q=${encodeURIComponent('樱桃')}&from=singlemessage`);
      await page.getByTestId('product-card').first().waitFor();
      expect(await page.getByTestId('product-card').first().innerText()).toMatch(/樱桃/);
      await page.waitForLoadState('networkidle');
      // The server hinted the listing the address asks for: the app's own request for it was that one.
      expect(requested.filter((path) => path === '/api/products')).toHaveLength(1);
      const code = requested.filter((path) => /\/assets\/(SearchPage|ProductListing)-/.test(path));
      expect(code.length).toBeGreaterThanOrEqual(2);
      expect(new Set(code).size).toBe(code.length);
    });
  });

  it('signs up as a stranger, is signed in at once, and is told when the email is taken', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    const email = `stranger-${Date.now()}@example.cn`;
    await withScreenshotOnFailure(page, 'buyer-sign-up', async () => {
      await shop.openHome();
      await shop.signUp(email, 'a-long-password', '陈丽');
      await shop.accountMenu().waitFor();
      expect(await shop.signedInAs()).toEqual({ email, role: expect.stringMatching(/买家|Buyer/) });
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.getByTestId('logout').click();
      await page.getByTestId('login-link').waitFor();
      await shop.signUp(email, 'another-long-password', '陈丽');
      await page.getByTestId('register-error').waitFor();
      expect(await page.getByTestId('register-error').innerText()).toMatch(/已经注册/);
      expect(await accessibilityProblems(page)).toEqual([]);
    });
  });

  it('is told clearly when the password is wrong', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    await withScreenshotOnFailure(page, 'buyer-wrong-password', async () => {
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'not-the-password');
      await page.getByTestId('login-error').waitFor();
      expect(await page.getByTestId('login-error').innerText()).toMatch(/邮箱或密码|email or password/i);
      expect(await shop.accountMenu().count()).toBe(0);
    });
  });
});
