import type { RouteRecordRaw } from 'vue-router';

export const coopRoutes: RouteRecordRaw[] = [
  {
    path: '/coop',
    name: 'coop',
    component: () => import('./pages/CoopHomePage.vue'),
    meta: { roles: ['cooperative'], titleKey: 'coop.title', navKey: 'nav.coop' },
  },
];
