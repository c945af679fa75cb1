import type { Role } from '@qh/domain';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from './router';
import { fakeSessionApi, userWithRole } from './testing/app';

async function visit(path: string, role: Role | null, townships: string[] | null = null) {
  // A fresh visit: new store, and a server whose refresh cookie belongs to `role`.
  setActivePinia(createPinia());
  fakeSessionApi(role ? userWithRole(role, { townships }) : null);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  return router.currentRoute.value;
}

async function landOn(path: string, role: Role | null, townships: string[] | null = null): Promise<string> {
  return (await visit(path, role, townships)).fullPath;
}

describe('route access', () => {
  it('sends a guest to the login page, remembering where they were going', async () => {
    expect(await landOn('/coop', null)).toBe('/login?redirect=/coop');
    expect(await landOn('/gov', null)).toBe('/login?redirect=/gov');
    expect(await landOn('/admin', null)).toBe('/login?redirect=/admin');
  });

  it('lets anyone see the shop pages', async () => {
    expect(await landOn('/', null)).toBe('/');
    expect(await landOn('/cart', null)).toBe('/cart');
    expect(await landOn('/category/TEA', null)).toBe('/category/TEA');
    expect(await landOn('/search?q=茶', null)).toBe('/search?q=茶');
    expect(await landOn('/products/shedongguan-cherry-box', null)).toBe('/products/shedongguan-cherry-box');
    expect(await landOn('/cooperatives/coop-1', null)).toBe('/cooperatives/coop-1');
  });

  it('restores the session from the refresh cookie before deciding', async () => {
    expect(await landOn('/coop', 'cooperative')).toBe('/coop');
  });

  it('tells a role that may not open a page why, on the 403 page', async () => {
    expect(await landOn('/coop', 'buyer')).toBe('/forbidden?page=/coop');
    expect(await landOn('/gov', 'buyer')).toBe('/forbidden?page=/gov');
    expect(await landOn('/admin', 'official')).toBe('/forbidden?page=/admin');
  });

  it('opens the assistance data to officials and admins, the administration to admins', async () => {
    expect(await landOn('/gov', 'official')).toBe('/gov');
    expect(await landOn('/gov', 'admin')).toBe('/gov');
    expect(await landOn('/admin', 'admin')).toBe('/admin');
  });

  it('sends a signed-in visitor away from the login page, to where they were going or their own portal', async () => {
    expect(await landOn('/login?redirect=/gov', 'official')).toBe('/gov');
    expect(await landOn('/login', 'buyer')).toBe('/');
    expect(await landOn('/login', 'cooperative')).toBe('/coop');
    expect(await landOn('/login', 'official')).toBe('/gov');
    expect(await landOn('/login', 'admin')).toBe('/admin');
  });

  it('keeps the organisation pages for buyers, and opens an invitation link to anyone', async () => {
    expect(await landOn('/org', null)).toBe('/login?redirect=/org');
    expect(await landOn('/org/members', 'buyer')).toBe('/org/members');
    expect(await landOn('/org/sites', 'cooperative')).toBe('/forbidden?page=/org/sites');
    expect(await landOn('/org/join?token=abc', null)).toBe('/org/join?token=abc');
    expect(await landOn('/admin/organisations', 'buyer')).toBe('/forbidden?page=/admin/organisations');
  });

  it('keeps the organisation’s orders for buyers and the delivery notes for cooperatives', async () => {
    expect(await landOn('/org/orders', 'buyer')).toBe('/org/orders');
    expect(await landOn('/org/orders/new', null)).toBe('/login?redirect=/org/orders/new');
    expect((await visit('/org/orders/QH20261129-000123', 'buyer')).name).toBe('org-order');
    expect(await landOn('/org/orders/new', 'cooperative')).toBe('/forbidden?page=/org/orders/new');
    expect((await visit('/coop/fulfillments/f-1/delivery-note', 'cooperative')).name).toBe('coop-delivery-note');
    expect(await landOn('/coop/fulfillments/f-1/delivery-note', 'buyer')).toBe('/forbidden?page=/coop/fulfillments/f-1/delivery-note');
  });

  it('opens the money trail and the payouts to officials and admins only', async () => {
    expect(await landOn('/gov/trail', 'official')).toBe('/gov/trail');
    expect(await landOn('/gov/payouts', 'admin')).toBe('/gov/payouts');
    expect((await visit('/gov/households/h-1', 'official', ['520525108'])).name).toBe('gov-household');
    expect(await landOn('/gov/trail', null)).toBe('/login?redirect=/gov/trail');
    expect(await landOn('/gov/payouts', 'cooperative')).toBe('/forbidden?page=/gov/payouts');
    expect(await landOn('/admin/coop-payouts', 'official')).toBe('/forbidden?page=/admin/coop-payouts');
    expect(await landOn('/admin/coop-payouts', 'admin')).toBe('/admin/coop-payouts');
  });

  it('starts a township official on its townships’ money trail, never on the county’s pages', async () => {
    const township = ['520525108'];
    expect(await landOn('/login', 'official', township)).toBe('/gov/trail');
    expect(await landOn('/login?redirect=/gov', 'official', township)).toBe('/gov/trail');
    expect(await landOn('/gov', 'official', township)).toBe('/gov/trail');
    expect(await landOn('/gov/institutions', 'official', township)).toBe('/gov/trail');
    expect(await landOn('/gov/payouts', 'official', township)).toBe('/gov/payouts');
    expect(await landOn('/gov/trail?year=2026', 'official', township)).toBe('/gov/trail?year=2026');
    // A county-wide official keeps the county's pages.
    expect(await landOn('/gov/institutions', 'official')).toBe('/gov/institutions');
  });

  it('keeps lots, box labels and claims for cooperatives, and opens a lot’s page to anyone', async () => {
    expect(await landOn('/coop/lots', 'cooperative')).toBe('/coop/lots');
    expect(await landOn('/coop/claims', 'cooperative')).toBe('/coop/claims');
    expect((await visit('/coop/fulfillments/f-1/labels', 'cooperative')).name).toBe('coop-labels');
    expect(await landOn('/coop/lots', null)).toBe('/login?redirect=/coop/lots');
    expect(await landOn('/coop/claims', 'buyer')).toBe('/forbidden?page=/coop/claims');
    expect(await landOn('/coop/fulfillments/f-1/labels', 'buyer')).toBe('/forbidden?page=/coop/fulfillments/f-1/labels');
    expect((await visit('/lot/K7QX3M9A', null)).name).toBe('lot');
    expect((await visit('/lot/K7QX3M9A', 'buyer')).params.code).toBe('K7QX3M9A');
  });

  it('keeps after-sales claims for buyers, and the claims queue, lots and quality for admins', async () => {
    const claimForm = await visit('/orders/QH20261129-000123/claim?line=ol-1', 'buyer');
    expect(claimForm.name).toBe('order-claim');
    expect(claimForm.query.line).toBe('ol-1');
    expect(await landOn('/claims', 'buyer')).toBe('/claims');
    expect((await visit('/claims/claim-1', 'buyer')).name).toBe('claim');
    expect(await landOn('/claims', null)).toBe('/login?redirect=/claims');
    expect(await landOn('/claims/claim-1', 'cooperative')).toBe('/forbidden?page=/claims/claim-1');
    for (const path of ['/admin/claims', '/admin/lots', '/admin/quality']) {
      expect(await landOn(path, 'admin')).toBe(path);
      expect(await landOn(path, 'official')).toBe(`/forbidden?page=${path}`);
    }
  });

  it('answers unknown addresses with the not-found page', async () => {
    expect((await visit('/no/such/page', null)).name).toBe('not-found');
  });
});
