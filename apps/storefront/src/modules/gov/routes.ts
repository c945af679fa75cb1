import type { RouteRecordRaw } from 'vue-router';

export const govRoutes: RouteRecordRaw[] = [
  {
    path: '/gov',
    name: 'gov',
    component: () => import('./pages/GovDashboardPage.vue'),
    meta: { roles: ['official', 'admin'], titleKey: 'gov.title', navKey: 'nav.gov' },
  },
];
