import { ApiActor, checkOut, plentifulProduct } from './support/api';
import { accessibilityProblems, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

interface Parcel {
  id: string;
  status: string;
  feeFen: number;
  cooperative: { id: string };
  lines: { id: string; variantId: string; quantity: number; lineTotalFen: number }[];
}

/** `¥1,234.50` as the shop prints fen. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('a partial refund, seen by the admin, the buyer and the cooperative on phones', () => {
  let browser: Browser;
  let orderNumber: string;
  let eggParcel: Parcel;

  beforeAll(async () => {
    // The demo cooperative lists eggs; the buyer orders them with tea from another cooperative, and pays.
    const coop = await ApiActor.signIn('coop@demo.cn');
    const admin = await ApiActor.signIn('admin@demo.cn');
    const buyer = await ApiActor.signIn('buyer@demo.cn');
    const eggs = await coop.call<{ id: string; cooperative: { id: string }; variants: { id: string }[] }>('POST', '/api/coop/products', {
      category: 'EGG',
      titleZh: '农家散养土鸡蛋 30枚',
      titleEn: 'Free-range eggs, 30',
      originTownshipCode: '520525202',
      shippingClass: 'CHILLED',
      shelfLifeDays: 30,
      variants: [{ labelZh: '30枚', labelEn: '30 eggs', priceFen: 5800, weightG: 1800, stock: 40 }],
    });
    await coop.call('POST', `/api/coop/products/${eggs.id}/submit`);
    await admin.call('POST', `/api/admin/products/${eggs.id}/approve`);
    // Certified for a year from whatever day the suite runs, so the eggs count for the households.
    const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await admin.call('POST', `/api/admin/products/${eggs.id}/certify`, {
      number: '黔扶认〔2026〕0523-0199',
      issuer: '纳雍县乡村振兴局',
      validUntil,
    });
    const tea = await plentifulProduct('TEA', eggs.cooperative.id);
    await buyer.call('POST', '/api/cart/lines', { variantId: eggs.variants[0].id, quantity: 2 });
    await buyer.call('POST', '/api/cart/lines', { variantId: tea.variantId, quantity: 1 });
    const order = await checkOut<{ number: string; fulfillments: Parcel[] }>(buyer);
    const paid = await buyer.call<{ impact: { cooperatives: { id: string }[] } }>('POST', `/api/payments/demo/${order.number}/pay`);
    // Before the refund, the receipt names the egg cooperative.
    expect(paid.impact.cooperatives.map((c) => c.id)).toContain(eggs.cooperative.id);
    orderNumber = order.number;
    eggParcel = order.fulfillments.find((f) => f.cooperative.id === eggs.cooperative.id)!;
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('refunds the eggs: their parcel is called off with its fee, the receipt drops them, the tea can still be cancelled', async () => {
    const { page, context } = browser;
    const shop = new ShopPages(page);
    const eggLine = eggParcel.lines[0];
    await withScreenshotOnFailure(page, 'partial-refund', async () => {
      // The admin refunds the eggs, and says why, for the buyer.
      await shop.openHome();
      await shop.logIn('admin@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${process.env.QH_BROWSER_BASE_URL}/admin/orders`);
      await page.getByTestId('admin-order-number').fill(orderNumber);
      await page.getByTestId('admin-order-open').click();
      await page.locator(`[data-testid="admin-order-line"][data-id="${eggLine.id}"] [data-testid="admin-refund-quantity"]`).fill('2');
      await page.getByTestId('admin-refund-reason').fill('冷链车故障，鸡蛋无法按时送达');
      await page.getByTestId('admin-refund-lines').click();
      await page.getByTestId('admin-refund-done').waitFor();
      expect(await page.getByTestId('admin-refund-done').innerText()).toContain(yuan(eggLine.lineTotalFen + eggParcel.feeFen));
      expect(await sidewaysOverflowPx(page)).toBe(0);

      // The buyer sees where everything stands.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${process.env.QH_BROWSER_BASE_URL}/orders/${orderNumber}`);
      await page.getByTestId('order-partly-refunded').waitFor();
      expect(await page.getByTestId('order-status').innerText()).toBe('已付款');
      expect(await page.getByTestId('order-refund-reason').innerText()).toBe('退款原因：冷链车故障，鸡蛋无法按时送达');
      expect(await page.getByTestId('order-refund-amount').innerText()).toBe(yuan(eggLine.lineTotalFen + eggParcel.feeFen));
      const eggCard = page.locator(`[data-testid="shipment-card"][data-id="${eggParcel.id}"]`);
      expect(await eggCard.getAttribute('data-status')).toBe('CANCELLED');
      expect(await eggCard.getByTestId('line-refunded').innerText()).toMatch(/已退款 2 件/);
      // The receipt no longer names the egg cooperative (纳雍县厍东关乡…): the households get nothing from eggs sent back.
      const receiptCooperatives = await page.getByTestId('order-impact-cooperative').allInnerTexts();
      expect(receiptCooperatives.filter((text) => text.includes('厍东关'))).toEqual([]);
      expect(await page.getByTestId('confirm-receipt').count()).toBe(0);
      expect(await page.getByTestId('order-cancel').count()).toBe(1);
      expect(await sidewaysOverflowPx(page)).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);

      // The egg cooperative has nothing to send.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('coop@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${process.env.QH_BROWSER_BASE_URL}/coop/fulfillments?status=CANCELLED`);
      const row = page.getByTestId('fulfillment-row').filter({ hasText: orderNumber });
      await row.waitFor();
      expect(await row.getByTestId('ship-submit').count()).toBe(0);
      await page.goto(`${process.env.QH_BROWSER_BASE_URL}/coop/fulfillments`);
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('fulfillment-row').filter({ hasText: orderNumber }).count()).toBe(0);
    });
  });
});
