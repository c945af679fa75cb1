import type { components } from '@qh/api-client';
import { ROLES, type Role } from '@qh/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, connectSession, unwrap } from '../api';

export type SessionUser = components['schemas']['UserDto'];
type AuthResponse = components['schemas']['AuthResponseDto'];

declare global {
  interface Window {
    /** The refresh index.html's inline script sent as the page arrived; null when the network failed. */
    qhSessionAnswer?: Promise<Response | null>;
  }
}

/**
 * localStorage key set while the visitor is signed in (never the token): index.html asks for the
 * session early only then, so that a guest's first load sends no request it does not need.
 */
export const SIGNED_IN_STORAGE_KEY = 'qh.signedIn';

function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_STORAGE_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_STORAGE_KEY);
  } catch {
    // Storage can be unavailable: the app then asks for the session itself, as it always could.
  }
}

/**
 * The response to the refresh that index.html sent before the app's script arrived, taken once: a
 * second refresh with the same cookie would rotate it twice, which the API takes for a stolen cookie
 * replayed. Undefined when there is none (a guest, tests); rejected when the network failed.
 */
function takeEarlyRefresh(): Promise<Response> | undefined {
  const answer = window.qhSessionAnswer;
  delete window.qhSessionAnswer;
  return answer?.then((response) => response ?? Promise.reject(new TypeError('The session could not be asked for')));
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  // Memory only, never localStorage: a reload gets a new token from the httpOnly refresh cookie.
  const accessToken = ref<string | null>(null);

  const role = computed<Role | null>(() => (isRole(user.value?.role) ? user.value.role : null));
  const isAuthenticated = computed(() => user.value !== null && accessToken.value !== null);
  /**
   * A township official (or village cadre) sees only its townships' money trail and payouts; null for
   * county-wide officials and everyone else.
   */
  const townships = computed<readonly string[] | null>(() => (role.value === 'official' ? (user.value?.townships ?? null) : null));

  // Bumped on every login/refresh/logout so that a slow refresh cannot undo a newer login.
  let epoch = 0;
  let refreshing: Promise<boolean> | null = null;
  let restoring: Promise<void> | null = null;

  function start(auth: AuthResponse): void {
    epoch += 1;
    accessToken.value = auth.accessToken;
    user.value = auth.user;
    rememberSignedIn(true);
  }

  function clear(): void {
    epoch += 1;
    accessToken.value = null;
    user.value = null;
    rememberSignedIn(false);
  }

  /** Throws an ApiError (code INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS, VALIDATION_FAILED, …). */
  async function login(email: string, password: string): Promise<void> {
    start(await unwrap(api.POST('/api/auth/login', { body: { email, password } })));
  }

  /** Opens a buyer's account and signs it in. Throws an ApiError (EMAIL_TAKEN, TOO_MANY_ATTEMPTS, VALIDATION_FAILED, …). */
  async function register(email: string, password: string, displayName?: string): Promise<void> {
    start(await unwrap(api.POST('/api/auth/register', { body: { email, password, ...(displayName && { displayName }) } })));
  }

  /** Gets a new access token from the refresh cookie; concurrent callers share one request. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const startedAt = epoch;
      try {
        // The early response, if any, goes through the client as its own fetch would: read as every answer is.
        const early = takeEarlyRefresh();
        const auth = await unwrap(api.POST('/api/auth/refresh', early && { fetch: () => early }));
        // 204, no body: no refresh cookie at all, a guest. Not an error, so the browser logs none.
        if (!auth) {
          if (epoch === startedAt) clear();
          return false;
        }
        if (epoch === startedAt) start(auth);
        return true;
      } catch {
        if (epoch === startedAt) clear();
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /**
   * Reads the signed-in account again (`GET /api/me`), e.g. after joining or leaving an organisation,
   * so the header and menus follow. A failure keeps what is known: the next refresh brings it anyway.
   */
  async function reloadUser(): Promise<void> {
    if (user.value === null) return;
    const startedAt = epoch;
    try {
      const fresh = await unwrap(api.GET('/api/me'));
      if (epoch === startedAt) user.value = fresh;
    } catch {
      // Keep the account as it was.
    }
  }

  /** Called once on app start (the router awaits it): signs the visitor back in if the cookie allows. */
  function restore(): Promise<void> {
    restoring ??= refresh().then(() => undefined);
    return restoring;
  }

  async function logout(): Promise<void> {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } catch {
      // Even if the server is unreachable, forget the session locally.
    } finally {
      clear();
    }
  }

  connectSession({
    get accessToken() {
      return accessToken.value;
    },
    refresh,
  });

  return { user, accessToken, role, townships, isAuthenticated, login, register, refresh, restore, reloadUser, logout };
});
