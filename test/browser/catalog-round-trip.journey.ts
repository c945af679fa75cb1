import { PNG_1X1 } from '../support/images';
import { accessibilityProblems, Browser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { AdminPages, CatalogPages, CoopPortalPages, ShopPages, type NewProduct } from './support/pages';

const PRODUCT: NewProduct = {
  titleZh: '玛瑙红樱桃 头茬尝鲜盒',
  titleEn: 'Agate-red cherries, first-pick taster',
  category: 'CHERRY',
  township: '520525202',
  shippingClass: 'CHILLED',
  shelfLifeDays: 7,
  variant: { labelZh: '500克', labelEn: '500 g', priceYuan: '39.90', weightG: 800, stock: 40 },
};

const CERTIFICATE = { number: '黔扶认〔2026〕0523-0999', issuer: '纳雍县乡村振兴局', batch: '2026年第三批', validUntil: '2099-12-31' };

describe('a product from the orchard to the shop window', () => {
  let browser: Browser;

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(() => browser.close());

  it('is created by its cooperative, approved and certified by an admin, and found by a buyer typing yt', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    await withScreenshotOnFailure(page, 'catalog-round-trip', async () => {
      // The cooperative lists it and sends it for review.
      await shop.openHome();
      await shop.logIn('coop@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      const portal = new CoopPortalPages(page);
      await portal.open();
      expect(await accessibilityProblems(page)).toEqual([]);
      await portal.createProduct(PRODUCT, { name: 'cherries.png', mimeType: 'image/png', buffer: PNG_1X1 });
      expect(await portal.status()).toMatch(/草稿/);
      expect(await accessibilityProblems(page)).toEqual([]);
      await portal.submitForReview();
      expect(await portal.status()).toMatch(/审核/);
      await browser.context.clearCookies();

      // An admin approves and certifies it.
      await shop.openHome();
      await shop.logIn('admin@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      const admin = new AdminPages(page);
      await admin.openReviewQueue();
      expect(await accessibilityProblems(page)).toEqual([]);
      await admin.approve(PRODUCT.titleZh);
      await admin.certify(PRODUCT.titleZh, CERTIFICATE);
      await page.getByText(CERTIFICATE.number).first().waitFor();
      await browser.context.clearCookies();

      // A buyer, not signed in, finds it by the initials of 樱桃 and opens it.
      await shop.openHome();
      const catalog = new CatalogPages(page);
      await catalog.search('yt');
      await catalog.openResult(PRODUCT.titleZh);
      expect(await catalog.productTitle()).toBe(PRODUCT.titleZh);
      expect(await catalog.certifiedBadge().innerText()).toContain(CERTIFICATE.number);
      expect(await page.getByTestId('product-price').innerText()).toContain('39.90');
      expect(await page.getByTestId('gallery-main').getAttribute('src')).toMatch(/^\/uploads\/.+\.png$/);
      // The photo the cooperative uploaded really shows (served, allowed by the CSP, decoded).
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="gallery-main"]') as HTMLImageElement | null)?.naturalWidth === 1,
      );
      expect(await accessibilityProblems(page)).toEqual([]);
    });
  });
});
