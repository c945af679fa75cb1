import { plentifulProduct } from './support/api';
import { accessibilityProblems, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { CheckoutPages, ShopPages } from './support/pages';

const HOME = { name: '林晓雯', mobile: '13922334455', districtCode: '440106', street: '天河区体育西路 191 号中石化大厦 B 座 2108 室' };

describe('a stranger on a phone', () => {
  let browser: Browser;

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(() => browser.close());

  it('signs up, buys tea and eggs seeing the fee before paying, pays, and reuses the saved address next time', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    const checkout = new CheckoutPages(page);
    const tea = await plentifulProduct('TEA');
    const eggs = await plentifulProduct('EGG', tea.cooperativeId);
    await withScreenshotOnFailure(page, 'stranger-buys', async () => {
      await shop.openHome();
      await shop.signUp(`stranger-${Date.now()}@example.cn`, 'a-long-password', '林晓雯');
      await shop.accountMenu().waitFor();

      await checkout.addToCart(tea.slug);
      await checkout.addToCart(eggs.slug);
      await checkout.openCheckout();
      // A first order: no saved address yet, and no fee until the district is known.
      expect(await page.getByTestId('checkout-saved-address').count()).toBe(0);
      expect(await page.getByTestId('checkout-quote-pending').isVisible()).toBe(true);
      await checkout.fillAddress(HOME);
      await page.getByTestId('checkout-pay-total').waitFor();
      expect(await page.getByTestId('checkout-quote-fee').count()).toBe(2);
      const quoted = await checkout.quotedTotal();
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.getByTestId('checkout-submit').click();
      await page.getByTestId('order-status').waitFor();
      // The order charges what the checkout page said it would.
      expect(await page.getByTestId('order-total').innerText()).toBe(quoted);
      await checkout.payOnDemoPage();
      expect(await checkout.orderStatus()).toBe('已付款');

      // The second order starts from the address used for the first.
      await checkout.addToCart(tea.slug);
      await checkout.openCheckout();
      // The address book arrives after the form: the form then starts from the default address.
      await page.getByTestId('checkout-saved-address').first().waitFor();
      expect(await page.getByTestId('checkout-saved-address').count()).toBe(1);
      expect(await page.getByTestId('checkout-street').inputValue()).toBe(HOME.street);
      await page.getByTestId('checkout-pay-total').waitFor();
      await page.getByTestId('checkout-submit').click();
      await page.getByTestId('order-status').waitFor();
      expect(await page.getByTestId('order-address').innerText()).toContain(HOME.street);
    });
  });
});
