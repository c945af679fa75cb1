import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./pages/AdminHomePage.vue'),
    meta: { roles: ['admin'], titleKey: 'admin.title', navKey: 'nav.admin' },
  },
];
