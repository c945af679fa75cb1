import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import App from '../App.vue';
import { createAppI18n, readStoredLocale, type AppLocale, type LocaleMessages } from '../i18n';
import en from '../lang/en.json';
import zhCN from '../lang/zh-CN.json';
import zhPortals from '../lang/zh-CN.portals.json';
import { createAppRouter } from '../router';
import type { SessionUser } from '../stores/session';

/** Every language at once, so that a spec can start in English or switch without waiting for a download. */
const EVERY_LANGUAGE: LocaleMessages = { 'zh-CN': { ...zhCN, ...zhPortals }, en };
/** As the app starts: the shop's Chinese, the portals' loaded by the router on the way to a portal page (and English at hand). */
const AS_THE_APP_STARTS = { 'zh-CN': zhCN, en } as LocaleMessages;

type Handler = (request: Request) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function errorResponse(status: number, code: string): Response {
  return jsonResponse(status, { statusCode: status, code, message: code, requestId: 'req-test' });
}

/**
 * Replaces the global fetch with a fake API answering `'POST /api/auth/login'`-style routes.
 * Unknown routes answer 404. Every request is recorded in `requests`.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request.clone());
    const handler = routes[`${request.method} ${new URL(request.url).pathname}`];
    return handler ? handler(request) : errorResponse(404, 'NOT_FOUND');
  });
  vi.stubGlobal('fetch', fetch);
  const callsTo = (method: string, path: string) => requests.filter((r) => r.method === method && new URL(r.url).pathname === path);
  return { requests, callsTo };
}

/** A server whose refresh cookie belongs to `user` (or to nobody). */
export function fakeSessionApi(user: SessionUser | null, routes: Record<string, Handler> = {}) {
  return fakeApi({
    'POST /api/auth/refresh': () => (user ? jsonResponse(200, { accessToken: 'token-1', user }) : errorResponse(401, 'UNAUTHORIZED')),
    'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    ...routes,
  });
}

export function userWithRole(role: SessionUser['role'], overrides: Partial<SessionUser> = {}): SessionUser {
  return { id: `user-${role}`, email: `${role}@example.com`, role, organisation: null, townships: null, ...overrides };
}

type LazyPage = () => Promise<unknown>;

/**
 * Imports every lazily loaded page once. Under vitest the first import of a page compiles it, which
 * can outlast `settle()`; loaded up front, a navigation in a test waits only for what the app does.
 */
async function preloadPages(router: Router): Promise<void> {
  const pages = router.getRoutes().flatMap((record) => Object.values(record.components ?? {}));
  await Promise.all(pages.filter((page): page is LazyPage => typeof page === 'function').map((load) => load()));
}

/** Mounts the whole app (header, page, footer) at `path`, as a fresh visit would. */
export async function mountApp(options: { path?: string; locale?: AppLocale } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(options.locale ?? readStoredLocale(), AS_THE_APP_STARTS);
  const router = createAppRouter(createMemoryHistory(), i18n);
  await preloadPages(router);
  await router.push(options.path ?? '/');
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

/** The app's store, i18n and router, for mounting a single component: `mount(C, { global: { plugins } })`. */
export function appPlugins(locale: AppLocale = 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  return [pinia, createAppI18n(locale, EVERY_LANGUAGE), createAppRouter(createMemoryHistory())];
}

/** Waits until pending fetches, route changes and lazy pages have settled. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
