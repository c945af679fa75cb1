import type { RouteRecordRaw } from 'vue-router';

export const orgRoutes: RouteRecordRaw[] = [
  // The account menu links to /org itself, worded by whether the buyer belongs to an organisation.
  {
    path: '/org',
    name: 'org',
    component: () => import('./pages/OrgPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.title' },
  },
  {
    path: '/org/members',
    name: 'org-members',
    component: () => import('./pages/OrgMembersPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.members.title' },
  },
  {
    path: '/org/sites',
    name: 'org-sites',
    component: () => import('./pages/OrgSitesPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.sites.title' },
  },
  // Every member sees the organisation's invoice profiles; managers and finance members keep them.
  {
    path: '/org/invoices',
    name: 'org-invoices',
    component: () => import('./pages/OrgInvoicesPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'invoiceProfiles.orgTitle' },
  },
  // Every member sees the organisation's orders; the page offers each what their roles allow.
  {
    path: '/org/orders',
    name: 'org-orders',
    component: () => import('./pages/OrgOrdersPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.orders.title' },
  },
  {
    path: '/org/orders/new',
    name: 'org-order-new',
    component: () => import('./pages/OrgOrderNewPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.orders.new.title' },
  },
  {
    path: '/org/orders/:number',
    name: 'org-order',
    component: () => import('./pages/OrgOrderPage.vue'),
    props: true,
    meta: { roles: ['buyer'], titleKey: 'org.orders.detail.title' },
  },
  // Every member sees where the account stands; the statements are for finance members and managers.
  {
    path: '/org/statements',
    name: 'org-statements',
    component: () => import('./pages/OrgStatementsPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'account.title' },
  },
  {
    path: '/org/statements/:number',
    name: 'org-statement',
    component: () => import('./pages/OrgStatementPage.vue'),
    props: true,
    meta: { roles: ['buyer'], titleKey: 'statement.title' },
  },
  // Every member sees the reserved share's progress; managers set the year's plan on the same page.
  {
    path: '/org/progress',
    name: 'org-progress',
    component: () => import('./pages/OrgProgressPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'reservedShare.title' },
  },
  // Open to guests: the e-mailed link is opened first, then the invitee logs in or registers and comes back.
  {
    path: '/org/join',
    name: 'org-join',
    component: () => import('./pages/OrgJoinPage.vue'),
    meta: { titleKey: 'org.join.title' },
  },
];
