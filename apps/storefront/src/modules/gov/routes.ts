import type { RouteRecordRaw } from 'vue-router';

export const govRoutes: RouteRecordRaw[] = [
  {
    path: '/gov',
    name: 'gov',
    component: () => import('./pages/GovDashboardPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'gov.title', navKey: 'nav.gov', countyOnly: true },
  },
  // The budget units' reserved shares; an organisation's progress opens in a panel (`?organisation=`).
  {
    path: '/gov/institutions',
    name: 'gov-institutions',
    component: () => import('./pages/GovInstitutionsPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'gov.institutions.title', countyOnly: true },
  },
  // The money trail: pledged against paid, the payouts to households and their acknowledgements, one household's statement.
  {
    path: '/gov/trail',
    name: 'gov-trail',
    component: () => import('./pages/GovTrailPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'govTrail.title' },
  },
  {
    path: '/gov/payouts',
    name: 'gov-payouts',
    component: () => import('./pages/GovPayoutsPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'govTrail.payouts.title' },
  },
  {
    path: '/gov/households/:id',
    name: 'gov-household',
    component: () => import('./pages/GovHouseholdPage.vue'),
    props: true,
    meta: { roles: ['official', 'admin'], titleKey: 'govTrail.household.title' },
  },
];
