import type { RouteRecordRaw } from 'vue-router';
// In the first download, not a chunk of their own: on a phone's slow network the home and product
// pages, where most visits start, would otherwise wait a round trip more for their code.
import HomePage from './pages/HomePage.vue';
import ProductPage from './pages/ProductPage.vue';

export const shopRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: HomePage,
    meta: {
      beforeSession: true,
      preload: ['/api/products?inSeason=true&limit=4', '/api/products?certified=true&limit=4', '/api/impact/public'],
      // The first row of the first strip on a phone (ProductGrid's IN_VIEW).
      preloadImages: ['/api/products?inSeason=true&limit=4 items.0.imageUrl', '/api/products?inSeason=true&limit=4 items.1.imageUrl'],
    },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { guestOnly: true, titleKey: 'login.title' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./pages/RegisterPage.vue'),
    meta: { guestOnly: true, titleKey: 'register.title' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./pages/ForgotPasswordPage.vue'),
    meta: { guestOnly: true, titleKey: 'forgotPassword.title' },
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('./pages/ResetPasswordPage.vue'),
    meta: { guestOnly: true, titleKey: 'resetPassword.title' },
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('./pages/CartPage.vue'),
    meta: { titleKey: 'cart.title' },
  },
  {
    path: '/checkout',
    name: 'checkout',
    component: () => import('./pages/CheckoutPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'checkout.title' },
  },
  {
    path: '/orders',
    name: 'orders',
    component: () => import('./pages/OrdersPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'orders.title', navKey: 'nav.orders' },
  },
  {
    path: '/orders/:number',
    name: 'order',
    component: () => import('./pages/OrderPage.vue'),
    props: true,
    meta: { roles: ['buyer'], titleKey: 'order.title' },
  },
  // 售后: a claim on a shipped parcel (`?line=` chooses the parcel), the buyer's claims, and one claim.
  {
    path: '/orders/:number/claim',
    name: 'order-claim',
    component: () => import('./pages/OrderClaimPage.vue'),
    props: (route) => ({ number: String(route.params.number), line: typeof route.query.line === 'string' ? route.query.line : null }),
    meta: { roles: ['buyer'], titleKey: 'claims.form.title' },
  },
  {
    path: '/claims',
    name: 'claims',
    component: () => import('./pages/ClaimsPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'claims.list.title', navKey: 'claims.nav' },
  },
  {
    path: '/claims/:id',
    name: 'claim',
    component: () => import('./pages/ClaimPage.vue'),
    props: true,
    meta: { roles: ['buyer'], titleKey: 'claims.detail.title' },
  },
  // Linked from the orders page and the checkout, not the account menu.
  {
    path: '/account/invoices',
    name: 'invoice-profiles',
    component: () => import('./pages/InvoiceProfilesPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'invoiceProfiles.pageTitle' },
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('./pages/SearchPage.vue'),
    meta: {
      titleKey: 'search.title',
      beforeSession: true,
      // The listing its address asks for (the server reads it as the app does), and its first row on a phone.
      preload: ['/api/products?:listing'],
      preloadImages: ['/api/products?:listing items.0.imageUrl', '/api/products?:listing items.1.imageUrl'],
    },
  },
  {
    path: '/category/:code',
    name: 'category',
    component: () => import('./pages/CategoryPage.vue'),
    props: true,
    meta: {
      titleKey: 'nav.categories',
      beforeSession: true,
      // As on the search page, within the category the path names.
      preload: ['/api/products?:listing'],
      preloadImages: ['/api/products?:listing items.0.imageUrl', '/api/products?:listing items.1.imageUrl'],
    },
  },
  {
    path: '/products/:slug',
    name: 'product',
    component: ProductPage,
    props: true,
    meta: {
      titleKey: 'product.title',
      beforeSession: true,
      preload: ['/api/products/:slug'],
      preloadImages: ['/api/products/:slug images.0'],
    },
  },
  {
    path: '/cooperatives/:id',
    name: 'cooperative',
    component: () => import('./pages/CooperativePage.vue'),
    props: true,
    meta: { titleKey: 'cooperative.title', beforeSession: true, preload: ['/api/cooperatives/:id'] },
  },
  // A lot's page, opened from the QR code on a box label: for anyone, signed in or not, and light on a phone.
  {
    path: '/lot/:code',
    name: 'lot',
    component: () => import('./pages/LotPage.vue'),
    props: true,
    // Its buyer's own lines come once the session is known (it watches the session).
    meta: { titleKey: 'lotPage.title', beforeSession: true, preload: ['/api/lots/:code'] },
  },
];
