import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./pages/AdminHomePage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.title', navKey: 'nav.admin' },
  },
  // No navKey below: the account menu links to the administration's start page only.
  {
    path: '/admin/cooperatives',
    name: 'admin-cooperatives',
    component: () => import('./pages/AdminCooperativesPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.cooperatives.title' },
  },
  {
    path: '/admin/organisations',
    name: 'admin-organisations',
    component: () => import('./pages/AdminOrganisationsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.organisations.title' },
  },
  {
    path: '/admin/organisations/:id/account',
    name: 'admin-organisation-account',
    component: () => import('./pages/AdminOrganisationAccountPage.vue'),
    props: true,
    meta: { roles: ['admin'], titleKey: 'admin.account.title' },
  },
  {
    path: '/admin/statements/:number',
    name: 'admin-statement',
    component: () => import('./pages/AdminStatementPage.vue'),
    props: true,
    meta: { roles: ['admin'], titleKey: 'statement.title' },
  },
  // What the marketplace owes each cooperative and the transfers that pay it.
  {
    path: '/admin/coop-payouts',
    name: 'admin-coop-payouts',
    component: () => import('./pages/AdminCoopPayoutsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'adminPayouts.title' },
  },
  {
    path: '/admin/shortfalls',
    name: 'admin-shortfalls',
    component: () => import('./pages/AdminShortfallsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.shortfalls.title' },
  },
  // 售后 the cooperatives left unanswered or the buyers escalated; lots to trace and recall; quality per cooperative and product.
  {
    path: '/admin/claims',
    name: 'admin-claims',
    component: () => import('./pages/AdminClaimsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'adminClaims.title' },
  },
  {
    path: '/admin/lots',
    name: 'admin-lots',
    component: () => import('./pages/AdminLotsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'adminLots.title' },
  },
  {
    path: '/admin/quality',
    name: 'admin-quality',
    component: () => import('./pages/AdminQualityPage.vue'),
    meta: { roles: ['admin'], titleKey: 'adminQuality.title' },
  },
  {
    path: '/admin/invoices',
    name: 'admin-invoices',
    component: () => import('./pages/AdminInvoicesPage.vue'),
    meta: { roles: ['admin'], titleKey: 'invoices.admin.title' },
  },
  {
    path: '/admin/products',
    name: 'admin-products',
    component: () => import('./pages/AdminProductsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.products.title' },
  },
  {
    path: '/admin/households',
    name: 'admin-households',
    component: () => import('./pages/AdminHouseholdsPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.households.title' },
  },
  {
    path: '/admin/orders',
    name: 'admin-orders',
    component: () => import('./pages/AdminOrdersPage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.orders.title' },
  },
  {
    path: '/admin/products/:id',
    name: 'admin-product',
    component: () => import('./pages/AdminProductPage.vue'),
    props: true,
    meta: { roles: ['admin'], titleKey: 'admin.products.detailTitle' },
  },
];
