import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, fakeApi, jsonResponse, userWithRole } from '../testing/app';
import indexHtml from '../../index.html?raw';
import { SIGNED_IN_STORAGE_KEY, useSessionStore } from './session';

const official = userWithRole('official');

beforeEach(() => setActivePinia(createPinia()));

describe('useSessionStore', () => {
  it('restores the session from the refresh cookie once, however often it is asked', async () => {
    const server = fakeApi({
      'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'token-1', user: official }),
    });
    const session = useSessionStore();

    await Promise.all([session.restore(), session.restore()]);
    await session.restore();

    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(session.user).toEqual(official);
    expect(session.role).toBe('official');
    expect(session.isAuthenticated).toBe(true);
  });

  it('remembers that the visitor is signed in, never the token, and forgets it when the session ends', async () => {
    fakeApi({
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: official }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
      'POST /api/auth/refresh': () => errorResponse(401, 'REFRESH_TOKEN_INVALID'),
    });
    const session = useSessionStore();

    await session.login('official@example.com', 'secret-pass');
    expect(localStorage.getItem(SIGNED_IN_STORAGE_KEY)).toBe('1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-1');
    await session.logout();
    expect(localStorage.getItem(SIGNED_IN_STORAGE_KEY)).toBeNull();

    await session.login('official@example.com', 'secret-pass');
    expect(await session.refresh()).toBe(false);
    expect(localStorage.getItem(SIGNED_IN_STORAGE_KEY)).toBeNull();
  });

  it('is asked for early by index.html only for a visitor it remembers as signed in', () => {
    const inline = /<script>([\s\S]*?)<\/script>/.exec(indexHtml)?.[1] ?? '';
    expect(inline).toContain(`localStorage.getItem('${SIGNED_IN_STORAGE_KEY}')`);
    expect(inline).toContain("fetch('/api/auth/refresh', { method: 'POST' })");
  });

  describe("with the answer to index.html's early refresh", () => {
    afterEach(() => delete window.qhSessionAnswer);

    it('signs in from it without asking again, and asks the API itself the next time', async () => {
      const server = fakeApi({
        'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'token-2', user: official }),
      });
      window.qhSessionAnswer = Promise.resolve(jsonResponse(200, { accessToken: 'token-1', user: official }));
      const session = useSessionStore();

      await Promise.all([session.restore(), session.refresh()]);

      expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(0);
      expect(session.accessToken).toBe('token-1');
      expect(session.user).toEqual(official);

      // Taken once: the token's own refresh, later, asks the API.
      expect(await session.refresh()).toBe(true);
      expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
      expect(session.accessToken).toBe('token-2');
    });

    it.each([
      ['a guest (204, no cookie)', () => new Response(null, { status: 204 })],
      ['a refused cookie (401)', () => errorResponse(401, 'REFRESH_TOKEN_REUSED')],
      ['no answer at all (the network)', () => null],
      ['an answer that is not JSON (a proxy)', () => new Response('<html>bad gateway</html>', { status: 502 })],
    ])('stays a guest on %s, and does not ask again', async (_case, answer) => {
      const server = fakeApi({
        'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'token-2', user: official }),
      });
      window.qhSessionAnswer = Promise.resolve(answer());
      const session = useSessionStore();

      await session.restore();

      expect(session.user).toBeNull();
      expect(session.isAuthenticated).toBe(false);
      expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(0);
    });
  });

  it('stays a guest when there is no valid refresh cookie', async () => {
    fakeApi({ 'POST /api/auth/refresh': () => errorResponse(401, 'UNAUTHORIZED') });
    const session = useSessionStore();

    await session.restore();

    expect(session.user).toBeNull();
    expect(session.role).toBeNull();
  });

  it('keeps the access token in memory only', async () => {
    fakeApi({
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: official }),
    });
    const session = useSessionStore();

    await session.login('official@example.com', 'secret-pass');

    expect(session.accessToken).toBe('token-1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-1');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('token-1');
  });

  it('is not undone by a refresh that finishes after a login', async () => {
    let answerRefresh: (response: Response) => void = () => undefined;
    fakeApi({
      'POST /api/auth/refresh': () => new Promise<Response>((resolve) => (answerRefresh = resolve)),
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: official }),
    });
    const session = useSessionStore();

    const restoring = session.restore();
    await session.login('official@example.com', 'secret-pass');
    answerRefresh(errorResponse(401, 'UNAUTHORIZED'));
    await restoring;

    expect(session.user).toEqual(official);
  });

  it('reads the account again when asked, e.g. once the buyer joined an organisation', async () => {
    const buyer = userWithRole('buyer');
    const joined = {
      ...buyer,
      organisation: {
        id: 'org-1',
        name: '天河区机关饭堂',
        nameEn: 'Tianhe Canteen',
        status: 'PENDING' as const,
        roles: ['MANAGER' as const],
      },
    };
    const server = fakeApi({
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: buyer }),
      'GET /api/me': () => jsonResponse(200, joined),
    });
    const session = useSessionStore();
    await session.login('buyer@example.com', 'secret-pass');

    await session.reloadUser();

    expect(server.callsTo('GET', '/api/me')).toHaveLength(1);
    expect(session.user).toEqual(joined);
  });

  it('forgets the session on logout even if the server cannot be reached', async () => {
    fakeApi({
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', user: official }),
    });
    const session = useSessionStore();
    await session.login('official@example.com', 'secret-pass');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await session.logout();

    expect(session.user).toBeNull();
    expect(session.accessToken).toBeNull();
  });
});
