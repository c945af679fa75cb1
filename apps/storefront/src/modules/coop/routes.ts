import type { RouteRecordRaw } from 'vue-router';

export const coopRoutes: RouteRecordRaw[] = [
  {
    path: '/coop',
    name: 'coop',
    component: () => import('./pages/CoopHomePage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coop.title', navKey: 'nav.coop' },
  },
  // No navKey below: the account menu links to the portal's start page only.
  {
    path: '/coop/fulfillments',
    name: 'coop-fulfillments',
    component: () => import('./pages/FulfillmentsPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coop.fulfillments.title' },
  },
  // Printed and handed over with an organisation's goods; the portal's header and tabs stay off the paper.
  {
    path: '/coop/fulfillments/:id/delivery-note',
    name: 'coop-delivery-note',
    component: () => import('./pages/DeliveryNotePage.vue'),
    props: true,
    meta: { roles: ['cooperative'], titleKey: 'coop.deliveryNote.title' },
  },
  // Box labels of a shipped part, one per box, each with its lot's QR code; printed like the delivery note.
  {
    path: '/coop/fulfillments/:id/labels',
    name: 'coop-labels',
    component: () => import('./pages/LabelsPage.vue'),
    props: true,
    meta: { roles: ['cooperative'], titleKey: 'coopLots.labels.title' },
  },
  // 批次: what was harvested or made, where and when, with its papers; shipments name the lots they come from.
  {
    path: '/coop/lots',
    name: 'coop-lots',
    component: () => import('./pages/LotsPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coopLots.title' },
  },
  // After-sales claims on the cooperative's shipments, to answer within 24 h, and its quality figures.
  {
    path: '/coop/claims',
    name: 'coop-claims',
    component: () => import('./pages/CoopClaimsPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coopClaims.title' },
  },
  // Each shipped part of an order that asked for an invoice, for the cooperative to issue and upload.
  {
    path: '/coop/invoices',
    name: 'coop-invoices',
    component: () => import('./pages/InvoicesPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coopInvoices.title' },
  },
  {
    path: '/coop/sales',
    name: 'coop-sales',
    component: () => import('./pages/SalesPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coop.sales.title' },
  },
  // The money trail (issue 17): what the marketplace owes and paid the cooperative, and what it paid its households.
  {
    path: '/coop/statements',
    name: 'coop-statements',
    component: () => import('./pages/StatementsPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coopTrail.statements.title' },
  },
  {
    path: '/coop/household-payouts',
    name: 'coop-household-payouts',
    component: () => import('./pages/HouseholdPayoutsPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coopTrail.payouts.title' },
  },
  {
    path: '/coop/products/new',
    name: 'coop-product-new',
    component: () => import('./pages/ProductEditPage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coop.form.newTitle' },
  },
  {
    path: '/coop/products/:id',
    name: 'coop-product',
    component: () => import('./pages/ProductEditPage.vue'),
    props: true,
    meta: { roles: ['cooperative'], titleKey: 'coop.form.editTitle' },
  },
];
