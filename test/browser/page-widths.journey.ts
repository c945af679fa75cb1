import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CATCH_ALL, declaredRoutes } from '../../apps/storefront/route-manifest';
import { ApiActor, catalog, checkOut } from './support/api';
import { Browser, openBrowser, sidewaysOverflowPx, withScreenshotOnFailure } from './support/browser';
import { ShopPages } from './support/pages';

const STOREFRONT = join(__dirname, '../../apps/storefront/src');
// The buyer manages a canteen, so that the organisation's pages are measured with their content.
const ACCOUNTS = { buyer: 'canteen@demo.cn', cooperative: 'coop@demo.cn', official: 'official@demo.cn', admin: 'admin@demo.cn' } as const;
type Role = keyof typeof ACCOUNTS;

describe('every page on a 390 px phone', () => {
  let browser: Browser;
  /** A real value for each route parameter, by the path before it. */
  const samples = new Map<string, string>();

  beforeAll(async () => {
    const products = await catalog<{ items: { slug: string; inStock: boolean; cooperative: { id: string } }[] }>('/api/products?limit=50');
    const product = products.items.find((item) => item.inStock) ?? products.items[0];
    samples.set('/products/:slug', product.slug);
    samples.set('/cooperatives/:id', product.cooperative.id);
    samples.set('/category/:code', 'TEA');
    samples.set(CATCH_ALL, 'no-such-page');
    const coop = await ApiActor.signIn(ACCOUNTS.cooperative);
    const own = await coop.call<{ items: { id: string }[] }>('GET', '/api/coop/products?limit=1');
    samples.set('/coop/products/:id', own.items[0].id);
    samples.set('/admin/products/:id', own.items[0].id);
    samples.set('/orders/:number', await anOrderNumber());
    samples.set('/org/orders/:number', await anOrganisationOrderNumber());
    const canteen = await ApiActor.signIn(ACCOUNTS.buyer);
    samples.set('/admin/organisations/:id/account', (await canteen.call<{ id: string }>('GET', '/api/org')).id);
    // No statement is issued here (the canteen journey issues today's): these measure the page that says there is none;
    // the canteen journey measures a statement with its items on a phone.
    samples.set('/org/statements/:number', 'ST20260131-000001');
    samples.set('/admin/statements/:number', 'ST20260131-000001');
    // A county official is told that a household's statement is for admins and its township's officials: that page is measured.
    const admin = await ApiActor.signIn(ACCOUNTS.admin);
    samples.set('/gov/households/:id', (await admin.call<{ items: { id: string }[] }>('GET', '/api/admin/households?limit=1')).items[0].id);
    const shipments = await coop.call<{ items: { id: string }[] }>('GET', '/api/coop/fulfillments?limit=1');
    // The demo history ships for every cooperative; without it, the page that says "not found" is measured.
    samples.set('/coop/fulfillments/:id/delivery-note', shipments.items[0]?.id ?? '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f');
    samples.set('/coop/fulfillments/:id/labels', shipments.items[0]?.id ?? '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f');
    // A lot recorded by a journey before, else the page that says there is no such lot.
    const lots = await admin.call<{ items: { code: string }[] }>('GET', '/api/admin/lots?limit=1');
    samples.set('/lot/:code', lots.items[0]?.code ?? 'ZZZZZZZZ');
    samples.set('/orders/:number/claim', samples.get('/orders/:number')!);
    const claims = await admin.call<{ items: { id: string }[] }>('GET', '/api/admin/claims?limit=1');
    samples.set('/claims/:id', claims.items[0]?.id ?? '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f');
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  /** The demo buyer's newest order, placed now if there is none yet. */
  async function anOrderNumber(): Promise<string> {
    const buyer = await ApiActor.signIn(ACCOUNTS.buyer);
    const orders = await buyer.call<{ items: { number: string }[] }>('GET', '/api/orders?limit=1');
    if (orders.items.length) return orders.items[0].number;
    const teas = await catalog<{ items: { slug: string; inStock: boolean }[] }>('/api/products?category=TEA&limit=50');
    const tea = await catalog<{ variants: { id: string }[] }>(`/api/products/${teas.items.find((item) => item.inStock)!.slug}`);
    await buyer.call('POST', '/api/cart/lines', { variantId: tea.variants[0].id, quantity: 1 });
    return (await checkOut<{ number: string }>(buyer)).number;
  }

  /** An order of the canteen the buyer manages: 30 cases of eggs for the first day every cooperative and the site can make. */
  async function anOrganisationOrderNumber(): Promise<string> {
    const canteen = await ApiActor.signIn(ACCOUNTS.buyer);
    const sites = await canteen.call<{ items: { id: string }[] }>('GET', '/api/org/sites');
    const eggs = await catalog<{ variants: { id: string }[] }>('/api/products/zhangjiawan-canteen-eggs-240');
    const order = { siteId: sites.items[0].id, lines: [{ variantId: eggs.variants[0].id, quantity: 30 }] };
    const quote = await canteen.call<{ earliestDeliveryOn: string }>('POST', '/api/org/orders/quote', order);
    // The canteen takes goods in on weekdays.
    let day = new Date(`${quote.earliestDeliveryOn}T00:00:00Z`);
    while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() + 86_400_000);
    const placed = await canteen.call<{ number: string }>(
      'POST',
      '/api/org/orders',
      { ...order, deliveryOn: day.toISOString().slice(0, 10) },
      { 'idempotency-key': `page-widths-${Date.now()}` },
    );
    return placed.number;
  }

  /** The route's path with its parameter filled in from `samples`. */
  function urlOf(path: string): string {
    if (!path.includes(':')) return path;
    const sample = samples.get(path);
    if (!sample) throw new Error(`No sample value for the parameter of ${path}: add one to this journey's samples`);
    return path.replace(/:[^/]+/, sample);
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('main').first().waitFor();
  }

  it('fits every route in the width of the phone: nothing scrolls sideways', async () => {
    const { page } = browser;
    const shop = new ShopPages(page);
    // Read from the route files, so a new page is measured without anyone listing it here.
    const routes = declaredRoutes(STOREFRONT);
    // The route files name roles as the app does; each is one of the demo accounts'.
    expect(routes.filter((r) => r.role !== null && !(r.role in ACCOUNTS))).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
    const tooWide: string[] = [];
    await withScreenshotOnFailure(page, 'page-widths', async () => {
      for (const role of [null, ...Object.keys(ACCOUNTS)] as (Role | null)[]) {
        await browser.context.clearCookies();
        await shop.openHome();
        if (role) {
          await shop.logIn(ACCOUNTS[role], 'demo-pass-2026');
          await shop.accountMenu().waitFor();
        }
        for (const route of routes.filter((r) => r.role === role)) {
          const url = urlOf(route.path);
          const response = await page.goto(`${process.env.QH_BROWSER_BASE_URL}${url}`);
          // A page the shop has answers 200; any other path 404, with the page that says so.
          expect([url, response?.status()]).toEqual([url, route.path === CATCH_ALL ? 404 : 200]);
          await settle(page);
          const overflowPx = await sidewaysOverflowPx(page);
          if (overflowPx > 0) tooWide.push(`${url} (${role ?? 'guest'}): ${overflowPx} px too wide`);
        }
      }
      expect(tooWide).toEqual([]);
    });
  }, 180_000);
});
