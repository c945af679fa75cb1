import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, errorMessageKey, unwrap } from './api';
import { useSessionStore } from './stores/session';
import { errorResponse, fakeApi, jsonResponse, userWithRole } from './testing/app';

const buyer = userWithRole('buyer');

beforeEach(() => setActivePinia(createPinia()));

describe('api client', () => {
  it('sends the access token and the cookie with each request', async () => {
    const server = fakeApi({ 'GET /api/me': () => jsonResponse(200, buyer) });
    useSessionStore().accessToken = 'token-1';

    expect(await unwrap(api.GET('/api/me'))).toEqual(buyer);

    const [request] = server.callsTo('GET', '/api/me');
    expect(request!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request!.credentials).toBe('include');
  });

  it('refreshes an expired token once and retries the request', async () => {
    const server = fakeApi({
      'GET /api/me': (request) =>
        request.headers.get('Authorization') === 'Bearer token-2' ? jsonResponse(200, buyer) : errorResponse(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'token-2', user: buyer }),
    });
    const session = useSessionStore();
    session.accessToken = 'token-1';

    expect(await unwrap(api.GET('/api/me'))).toEqual(buyer);
    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('GET', '/api/me')).toHaveLength(2);
    expect(session.accessToken).toBe('token-2');
  });

  it('shares one refresh among requests that fail together', async () => {
    const server = fakeApi({
      'GET /api/me': (request) =>
        request.headers.get('Authorization') === 'Bearer token-2' ? jsonResponse(200, buyer) : errorResponse(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'token-2', user: buyer }),
    });
    useSessionStore().accessToken = 'token-1';

    await Promise.all([unwrap(api.GET('/api/me')), unwrap(api.GET('/api/me'))]);
    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session and reports UNAUTHORIZED when the refresh is refused', async () => {
    const server = fakeApi({
      'GET /api/me': () => errorResponse(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => errorResponse(401, 'UNAUTHORIZED'),
    });
    const session = useSessionStore();
    session.accessToken = 'token-1';
    session.user = buyer;

    await expect(unwrap(api.GET('/api/me'))).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(server.callsTo('GET', '/api/me')).toHaveLength(1);
    expect(session.user).toBeNull();
    expect(session.accessToken).toBeNull();
  });

  it('does not retry the auth routes themselves', async () => {
    const server = fakeApi({ 'POST /api/auth/login': () => errorResponse(401, 'INVALID_CREDENTIALS') });

    const error = await unwrap(api.POST('/api/auth/login', { body: { email: 'a@example.com', password: 'x' } })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', requestId: 'req-test' });
    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(0);
  });

  it('carries the fields the API named, so a form can show each problem at its field', async () => {
    const details = [{ field: 'variants.0.priceFen', problems: ['priceFen must not be less than 1'] }];
    fakeApi({
      'GET /api/me': () =>
        jsonResponse(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'invalid', requestId: 'req-1', details }),
    });

    await expect(unwrap(api.GET('/api/me'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details });
  });

  it('carries no field problems when the API named none', async () => {
    fakeApi({ 'GET /api/me': () => errorResponse(409, 'SKU_TAKEN') });
    await expect(unwrap(api.GET('/api/me'))).rejects.toMatchObject({ code: 'SKU_TAKEN', details: [] });
  });

  it('reports NETWORK when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(unwrap(api.GET('/api/me'))).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('derives a code from the status when the body is not JSON', async () => {
    fakeApi({ 'GET /api/me': () => new Response('<html>Forbidden</html>', { status: 403 }) });
    await expect(unwrap(api.GET('/api/me'))).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});

describe('errorMessageKey', () => {
  it('maps known codes to their message and anything else to UNKNOWN', () => {
    expect(errorMessageKey('INVALID_CREDENTIALS')).toBe('errors.INVALID_CREDENTIALS');
    expect(errorMessageKey('VALIDATION_FAILED')).toBe('errors.VALIDATION_FAILED');
    expect(errorMessageKey('OUT_OF_STOCK')).toBe('errors.OUT_OF_STOCK');
    expect(errorMessageKey('DATABASE_UNAVAILABLE')).toBe('errors.UNKNOWN');
  });
});
