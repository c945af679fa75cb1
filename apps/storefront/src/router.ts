import type { Role } from '@qh/domain';
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { withPortalMessages, type AppI18n, type MessageKey } from './i18n';
import { safeRedirect } from './lib/redirect';
import { adminRoutes } from './modules/admin/routes';
import { coopRoutes } from './modules/coop/routes';
import { govRoutes } from './modules/gov/routes';
import { orgRoutes } from './modules/org/routes';
import { shopRoutes } from './modules/shop/routes';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only these roles may open the route; guests are sent to /login, other roles home. */
    roles?: readonly Role[];
    /** Signed-in visitors are sent on (to `?redirect=` or home), e.g. the login page. */
    guestOnly?: boolean;
    /** Document title. */
    titleKey?: MessageKey;
    /** Label of the route's entry in the account menu, for routes that have one. */
    navKey?: MessageKey;
    /** The whole county's figures: a township official (who sees only its townships) goes to the money trail instead. */
    countyOnly?: boolean;
    /**
     * A catalog page open to everyone that reads nothing of the session when it opens (the header
     * waits for the session on its own): it loads while the refresh cookie is tried, a round trip
     * sooner on a phone's network.
     */
    beforeSession?: boolean;
    /**
     * The API reads the page starts with, as its components ask for them (`/api/products/:slug`, with
     * the route's parameters; `/api/products?:listing`, the product listing its address asks for,
     * within the category its `:code` names if it has one):
     * the server hints them with the page, so that a phone fetches them beside the app's script.
     * Literal strings, read from this file by route-manifest.ts.
     */
    preload?: readonly string[];
    /**
     * The pictures in the page's first view, as `read field`: one of its `preload` reads and the field
     * of the answer that holds the picture's URL (`/api/products/:slug images.0`). The server hints
     * them with the page too: on a phone, the page's largest paint is a picture fetched only after
     * the app has run. Literal strings, read from this file by route-manifest.ts.
     */
    preloadImages?: readonly string[];
  }
}

export const routes: RouteRecordRaw[] = [
  ...shopRoutes,
  ...orgRoutes,
  ...coopRoutes,
  ...govRoutes,
  ...adminRoutes,
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./modules/shop/pages/ForbiddenPage.vue'),
    meta: { titleKey: 'forbidden.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./modules/shop/pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

/** Where each role starts after signing in: its own portal, the shop for buyers. */
export const PORTAL_OF: Record<Role, RouteLocationRaw> = {
  buyer: { name: 'home' },
  cooperative: { name: 'coop' },
  official: { name: 'gov' },
  admin: { name: 'admin' },
};

/**
 * Where a visitor with `role` (null: guest) must go instead of `to`, or true to let them in. A
 * signed-in visitor without the role is told why on the 403 page, not silently sent elsewhere. A
 * township official, whom the API answers only about its townships, starts on the money trail: the
 * county-wide pages (`countyOnly`) send it there.
 */
export function accessRedirect(
  to: Pick<RouteLocationNormalized, 'meta' | 'query' | 'fullPath'>,
  role: Role | null,
  townshipOfficial = false,
): RouteLocationRaw | true {
  if (to.meta.guestOnly && role !== null) {
    return safeRedirect(to.query.redirect) ?? PORTAL_OF[role];
  }
  const allowed = to.meta.roles;
  if (allowed === undefined) return true;
  if (role === null) return { name: 'login', query: { redirect: to.fullPath } };
  if (!allowed.includes(role)) return { name: 'forbidden', query: { page: to.fullPath } };
  return to.meta.countyOnly && townshipOfficial ? { name: 'gov-trail' } : true;
}

const portalPaths = new Set([...orgRoutes, ...coopRoutes, ...govRoutes, ...adminRoutes].map((route) => route.path));

/** Whether `to` is a page of a portal (cooperative, institution, official, administration) rather than of the shop. */
function opensPortal(to: Pick<RouteLocationNormalized, 'matched'>): boolean {
  return to.matched.some((record) => portalPaths.has(record.path));
}

/**
 * Before a portal page opens, the portals' Chinese is loaded: it is not in the first download. Asked
 * for as the navigation starts, it comes while the session is tried and the page's code loads,
 * rather than a round trip after them.
 */
function loadPortalMessages(router: Router, i18n: AppI18n): void {
  let loading: Promise<void> = Promise.resolve();
  router.beforeEach((to) => {
    if (opensPortal(to)) loading = withPortalMessages(i18n.global);
  });
  router.beforeResolve(() => loading);
}

/** The app's router; with `i18n`, it loads the portals' Chinese on the way to a portal page. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL), i18n?: AppI18n) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  });
  if (i18n) loadPortalMessages(router, i18n);

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (to.meta.beforeSession) return true;
    // The first navigation waits for the refresh cookie to be tried, so a reload on /coop stays there.
    await session.restore();
    return accessRedirect(to, session.role, session.townships !== null);
  });

  return router;
}
