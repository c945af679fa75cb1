import { ApiActor, plentifulProduct } from './support/api';
import { accessibilityProblems, Browser, openBrowser, withScreenshotOnFailure } from './support/browser';
import { CheckoutPages, FulfillmentPages, ShopPages } from './support/pages';

const TIANHE = { name: '陈晓岚', mobile: '13800138000', districtCode: '440106', street: '天河路 385 号 12 楼 1203 室' };

describe('a buyer ordering from two cooperatives at once', () => {
  let browser: Browser;
  let cherrySlug: string;
  let teaSlug: string;

  beforeAll(async () => {
    // Cherries are seasonal: the cherry cooperative lists a box that is on sale now, and an admin approves it.
    const coop = await ApiActor.signIn('coop@demo.cn');
    const admin = await ApiActor.signIn('admin@demo.cn');
    const cherries = await coop.call<{ id: string; slug: string; cooperative: { id: string } }>('POST', '/api/coop/products', {
      category: 'CHERRY',
      titleZh: '玛瑙红樱桃 冷链鲜果盒',
      titleEn: 'Agate-red cherries, cold-chain box',
      originTownshipCode: '520525202',
      shippingClass: 'CHILLED',
      shelfLifeDays: 7,
      variants: [{ labelZh: '1公斤', labelEn: '1 kg', priceFen: 6800, weightG: 1300, stock: 50 }],
    });
    await coop.call('POST', `/api/coop/products/${cherries.id}/submit`);
    await admin.call('POST', `/api/admin/products/${cherries.id}/approve`);
    cherrySlug = cherries.slug;
    teaSlug = (await plentifulProduct('TEA', cherries.cooperative.id)).slug;
  });

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(() => browser.close());

  it('adds cherries and tea, checks out to 天河区, pays, sees two shipments, and sees the cherries ship', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    const checkout = new CheckoutPages(page);
    await withScreenshotOnFailure(page, 'checkout-two-cooperatives', async () => {
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await checkout.addToCart(cherrySlug);
      await checkout.addToCart(teaSlug);
      await checkout.checkOut(TIANHE);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await checkout.shipments().count()).toBe(2);
      const orderNumber = (await page.url()).split('/orders/')[1];
      await checkout.payOnDemoPage();
      expect(await checkout.orderStatus()).toMatch(/已付款|待发货/);

      // The cherry cooperative ships its part from the portal.
      await browser.context.clearCookies();
      await shop.openHome();
      await shop.logIn('coop@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await new FulfillmentPages(page).ship(orderNumber, '顺丰冷运', 'SF7788990011');
      expect(await accessibilityProblems(page)).toEqual([]);

      // The buyer sees one shipment on its way and the other still to come.
      await browser.context.clearCookies();
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(page.url().replace(/\/[^/]*$/, '') + `/orders/${orderNumber}`);
      await page.getByTestId('order-status').waitFor();
      expect(await checkout.orderStatus()).toMatch(/部分发货/);
      const tracking = await checkout.shipments().filter({ hasText: 'SF7788990011' }).count();
      expect(tracking).toBe(1);
    });
  });
});
