import type { RouteRecordRaw } from 'vue-router';

export const govRoutes: RouteRecordRaw[] = [
  {
    path: '/gov',
    name: 'gov',
    component: () => import('./pages/GovDashboardPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'gov.title', navKey: 'nav.gov' },
  },
  // The budget units' reserved shares; an organisation's progress opens in a panel (`?organisation=`).
  {
    path: '/gov/institutions',
    name: 'gov-institutions',
    component: () => import('./pages/GovInstitutionsPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'gov.institutions.title' },
  },
];
