import type { RouteRecordRaw } from 'vue-router';

export const shopRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('./pages/HomePage.vue'),
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { guestOnly: true, titleKey: 'login.title' },
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('./pages/CartPage.vue'),
    meta: { titleKey: 'cart.title' },
  },
  {
    path: '/category/:code',
    name: 'category',
    component: () => import('./pages/CategoryPage.vue'),
    props: true,
    meta: { titleKey: 'nav.categories' },
  },
];
