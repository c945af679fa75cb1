import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ApiActor, checkOut } from './support/api';
import { accessibilityProblems, baseUrl, Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';
import { PNG_1X1 } from '../support/images';

/**
 * What the public lot page may weigh on a phone's first visit, compressed as it travels: the shared
 * entry (Vue, the router, i18n), the page's own script and styles, and its one API answer. The
 * product photo is not counted: a cooperative's own photo, loaded lazily below the facts.
 */
const LOT_PAGE_BUDGET_BYTES = 250_000;

/** `¥1,234.50` as the shop prints fen. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

interface Figures {
  gmvFen: number;
  linkedSalesFen: number;
}

describe('from the field to the table: a lot of eggs, its labels, its page, and a claim for broken boxes', () => {
  let browser: Browser;
  let orderNumber: string;
  let eggPriceFen: number;
  let official: ApiActor;

  beforeAll(async () => {
    const coop = await ApiActor.signIn('coop@demo.cn');
    const admin = await ApiActor.signIn('admin@demo.cn');
    const buyer = await ApiActor.signIn('buyer@demo.cn');
    official = await ApiActor.signIn('official@demo.cn');
    eggPriceFen = 4600;
    const eggs = await coop.call<{ id: string; variants: { id: string }[] }>('POST', '/api/coop/products', {
      category: 'EGG',
      titleZh: '化作村林下土鸡蛋 20枚',
      titleEn: 'Free-range eggs from Huazuo, 20',
      originTownshipCode: '520525202',
      shippingClass: 'CHILLED',
      shelfLifeDays: 25,
      variants: [{ labelZh: '20枚装', labelEn: '20 eggs', priceFen: eggPriceFen, weightG: 1200, stock: 30 }],
    });
    await coop.call('POST', `/api/coop/products/${eggs.id}/submit`);
    await admin.call('POST', `/api/admin/products/${eggs.id}/approve`);
    // Certified for a year from whatever day the suite runs, so the eggs count for the households.
    const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await admin.call('POST', `/api/admin/products/${eggs.id}/certify`, {
      number: '黔扶认〔2026〕0523-0311',
      issuer: '纳雍县乡村振兴局',
      validUntil,
    });
    await buyer.call('POST', '/api/cart/lines', { variantId: eggs.variants[0].id, quantity: 3 });
    const order = await checkOut<{ number: string }>(buyer);
    await buyer.call('POST', `/api/payments/demo/${order.number}/pay`);
    orderNumber = order.number;
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('records the lot, ships with it, prints labels whose QR opens the lot page, and settles a claim to the fen', async () => {
    const { page, context } = browser;
    const shop = new ShopPages(page);
    await withScreenshotOnFailure(page, 'lots-and-claims', async () => {
      // The cooperative records the lot of eggs with its quarantine certificate.
      await shop.openHome();
      await shop.logIn('coop@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${baseUrl()}/coop/lots`);
      const form = page.getByTestId('lot-form');
      await form.waitFor();
      await form.getByTestId('lot-product').selectOption({ label: '化作村林下土鸡蛋 20枚' });
      await form.getByTestId('lot-village').fill('化作村');
      const producedOn = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10));
      await form.getByTestId('lot-produced-on').fill(producedOn);
      await form.getByTestId('lot-quantity').fill('40');
      await form.getByTestId('lot-certificate').fill('HGZ-520525-20261');
      await form.getByTestId('lot-quarantine').fill('5205252026120300173');
      await form.getByTestId('lot-submit').click();
      const lotRow = page.getByTestId('lot-row').filter({ hasText: '5205252026120300173' });
      await lotRow.waitFor();
      const code = (await lotRow.getAttribute('data-code'))!;
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(await sidewaysOverflowPx(page)).toBe(0);

      // It ships the order with that lot (the form picks it), then prints the labels.
      await page.goto(`${baseUrl()}/coop/fulfillments`);
      const row = page.getByTestId('fulfillment-row').filter({ hasText: orderNumber });
      await row.waitFor();
      await row.getByTestId('ship-lot-select').first().waitFor();
      expect(await row.getByTestId('ship-lot-select').first().locator('option:checked').innerText()).toContain(code);
      await row.getByTestId('ship-carrier').fill('顺丰速运');
      await row.getByTestId('ship-tracking').fill('SF1400238877661');
      await row.getByTestId('ship-submit').click();
      await row.getByText('SF1400238877661').first().waitFor();
      await row.getByTestId('labels-link').click();
      await page.getByTestId('label').first().waitFor();
      expect(await page.getByTestId('label').count()).toBe(3);
      expect(await page.getByTestId('label').first().innerText()).toContain(code);
      expect(await page.getByTestId('label').first().innerText()).toContain('5205252026120300173');

      // The QR code, read from the printed sheet as a phone's camera reads it, holds the lot page's address.
      const qr = PNG.sync.read(await page.getByTestId('label-qr').first().screenshot({ scale: 'device' }));
      const scanned = jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height);
      expect(scanned?.data).toBe(`${baseUrl()}/lot/${code}`);

      // A guest scans it on another phone (nothing cached, never signed in): the lot page, light on a phone.
      const stranger = await openBrowser();
      const guest = stranger.page;
      const sizes: Promise<number>[] = [];
      guest.on('requestfinished', (request) => {
        if (request.resourceType() !== 'image')
          sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
      });
      const started = Date.now();
      await guest.goto(scanned!.data);
      await guest.getByTestId('lot-page').waitFor();
      await guest.getByTestId('lot-trail').waitFor();
      const shownMs = Date.now() - started;
      await guest.waitForLoadState('networkidle');
      const transferredBytes = (await Promise.all(sizes)).reduce((sum, bytes) => sum + bytes, 0);
      const navigation = await guest.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domContentLoadedMs: Math.round(entry.domContentLoadedEventEnd), loadMs: Math.round(entry.loadEventEnd) };
      });
      console.log(
        `lot page: ${(transferredBytes / 1024).toFixed(1)} kB transferred (budget ${LOT_PAGE_BUDGET_BYTES / 1000} kB), ` +
          `facts shown after ${shownMs} ms, DOMContentLoaded ${navigation.domContentLoadedMs} ms, load ${navigation.loadMs} ms`,
      );
      expect(transferredBytes).toBeLessThanOrEqual(LOT_PAGE_BUDGET_BYTES);
      expect(await guest.getByTestId('lot-village').innerText()).toContain('化作村');
      expect(await guest.getByTestId('lot-quarantine').innerText()).toContain('5205252026120300173');
      expect(await guest.getByTestId('lot-claim-link').count()).toBe(0);
      expect(await sidewaysOverflowPx(guest)).toBe(0);
      expect(await accessibilityProblems(guest)).toEqual([]);
      await stranger.close();

      // The buyer opens a claim for 2 broken boxes from the lot page, with a photo.
      const before = await official.call<Figures>('GET', '/api/impact/summary');
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${baseUrl()}/lot/${code}`);
      await page.getByTestId('lot-claim-link').click();
      await page.getByTestId('claim-quantity').first().fill('2');
      await page.getByTestId('claim-reason').selectOption('DAMAGED');
      await page.getByTestId('claim-note').fill('两盒鸡蛋运输中压碎');
      await page.getByTestId('claim-photos').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: PNG_1X1 });
      await page.getByTestId('claim-submit').click();
      const status = page.getByTestId('claim-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('OPEN');
      const claimUrl = page.url();
      expect(await sidewaysOverflowPx(page)).toBe(0);

      // The cooperative offers one box of the two.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('coop@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(`${baseUrl()}/coop/claims`);
      const claim = page.getByTestId('coop-claim').filter({ hasText: orderNumber });
      await claim.waitFor();
      await claim.getByTestId('claim-offer').click();
      await claim.getByTestId('offer-quantity').first().fill('1');
      await claim.getByTestId('claim-note').fill('一盒可补偿，另一盒签收时完好');
      await claim.getByTestId('claim-answer-submit').click();
      await page.locator('[data-testid="coop-claim"][data-status="OFFERED"]').filter({ hasText: orderNumber }).waitFor();

      // The buyer accepts: the refund of exactly one box shows on the order.
      await context.clearCookies();
      await shop.openHome();
      await shop.logIn('buyer@demo.cn', 'demo-pass-2026');
      await shop.accountMenu().waitFor();
      await page.goto(claimUrl);
      expect(await page.getByTestId('claim-offered-fen').innerText()).toContain(yuan(eggPriceFen));
      await page.getByTestId('claim-accept-offer').click();
      await page.locator('[data-testid="claim-status"][data-status="SETTLED"]').waitFor();
      await page.goto(`${baseUrl()}/orders/${orderNumber}`);
      await page.getByTestId('order-refund-amount').first().waitFor();
      expect(await page.getByTestId('order-refund-amount').first().innerText()).toBe(yuan(eggPriceFen));
      expect(await sidewaysOverflowPx(page)).toBe(0);

      // The officials' figures move by exactly that box.
      let after = await official.call<Figures>('GET', '/api/impact/summary');
      for (let tries = 0; tries < 20 && after.gmvFen === before.gmvFen; tries += 1) {
        await page.waitForTimeout(250);
        after = await official.call<Figures>('GET', '/api/impact/summary');
      }
      expect(before.gmvFen - after.gmvFen).toBe(eggPriceFen);
      expect(before.linkedSalesFen - after.linkedSalesFen).toBe(eggPriceFen);
    });
  }, 240_000);
});
