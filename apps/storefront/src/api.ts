import type { components, paths } from '@qh/api-client';
import createClient, { type Middleware } from 'openapi-fetch';

export type ErrorBody = components['schemas']['ErrorDto'];
/** A field the API found fault with, by its dotted path in the request (`variants.0.priceFen`). */
export type FieldProblem = components['schemas']['FieldProblemDto'];

/** Error codes the UI has a message for; anything else is shown as UNKNOWN. */
export const KNOWN_ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NETWORK',
  'UNKNOWN',
  'VARIANT_NOT_FOUND',
  'CART_LINE_NOT_FOUND',
  'CART_EMPTY',
  'OUT_OF_STOCK',
  'LINES_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'COLD_CHAIN_UNAVAILABLE',
  'ORDER_NOT_FOUND',
  'ORDER_STATUS_CONFLICT',
  'FULFILLMENT_NOT_FOUND',
  'FULFILLMENT_STATUS_CONFLICT',
  'PRESALE_NOT_SHIPPABLE',
  'PAYMENT_PROVIDER_UNAVAILABLE',
  'DEMO_PROVIDER_DISABLED',
  'NOTHING_TO_REFUND',
  'REFUND_QUANTITY_TOO_LARGE',
  'ORDER_LINE_NOT_FOUND',
  'PAYMENT_PROVIDER_ERROR',
  'EMAIL_TAKEN',
  'PRODUCT_ON_SALE',
  'REMINDER_NOT_FOUND',
  'RESET_TOKEN_INVALID',
  'ORGANISATION_NOT_FOUND',
  'ORGANISATION_STATUS_CONFLICT',
  'ORGANISATION_ROLE_REQUIRED',
  'CREDIT_CODE_TAKEN',
  'ALREADY_IN_ORGANISATION',
  'LAST_MANAGER',
  'TOO_MANY_INVITATIONS',
  'INVITATION_INVALID',
  'INVITATION_FOR_ANOTHER_EMAIL',
  'MEMBER_NOT_FOUND',
  'INVITATION_NOT_FOUND',
  'DELIVERY_SITE_NOT_FOUND',
  'DELIVERY_DATE_UNAVAILABLE',
  'SELF_APPROVAL',
  'TOO_MANY_UNPAID_ORDERS',
  'SHORTFALL_CLAIM_STATUS_CONFLICT',
  'SHORTFALL_CLAIM_NOT_FOUND',
  'CREDIT_OVERDUE',
  'CREDIT_LIMIT_EXCEEDED',
  'NO_CREDIT_TERMS',
  'ORDER_NOT_DELIVERED',
  'STATEMENT_NOTHING_NEW',
  'STATEMENT_NOT_FOUND',
  'TRANSFER_ALREADY_RECORDED',
  'TOO_MANY_IMAGES',
  'UNSUPPORTED_IMAGE_TYPE',
  'PAYLOAD_TOO_LARGE',
  'OUTSIDE_YOUR_TOWNSHIPS',
  'PAYOUT_NOT_FOUND',
  'PAYOUT_ALREADY_ACKNOWLEDGED',
  'PAYOUT_STATUS_CONFLICT',
  'HOUSEHOLD_NOT_FOUND',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/**
 * A failed API call. `code` is the API's stable code (or NETWORK / UNKNOWN from the client);
 * `details` names the fields at fault, so a form can show each problem where it belongs.
 */
/** The stable code a page shows for a failed call: the API's own, or UNKNOWN (the network, a bug). */
export function errorCodeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'UNKNOWN';
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly requestId?: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

const CODE_BY_STATUS: Partial<Record<number, KnownErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  429: 'TOO_MANY_ATTEMPTS',
};

export function toApiError(error: unknown, response: Response): ApiError {
  if (isErrorBody(error)) {
    const details = Array.isArray(error.details) ? error.details : [];
    return new ApiError(error.code, error.statusCode ?? response.status, error.message, error.requestId, details);
  }
  // No JSON error body (e.g. a proxy's HTML 502): derive what we can from the status.
  const code = CODE_BY_STATUS[response.status] ?? 'UNKNOWN';
  return new ApiError(code, response.status, `HTTP ${response.status}`);
}

/** The i18n key of the message to show for an error code. */
export function errorMessageKey(code: string): `errors.${KnownErrorCode}` {
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(code);
  return `errors.${known ? (code as KnownErrorCode) : 'UNKNOWN'}`;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the code. */
export async function unwrap<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError('NETWORK', 0, cause instanceof Error ? cause.message : 'Network error');
  }
  if (!result.response.ok) {
    throw toApiError(result.error, result.response);
  }
  return result.data as Data;
}

const AUTH_ROUTE = /^\/api\/auth\//;

/** What the client needs of the signed-in session: its token, and a way to get a new one. */
export interface SessionAccess {
  readonly accessToken: string | null;
  refresh(): Promise<boolean>;
}

// The session store connects itself when it is created (it imports this file, never the other way round).
let currentSession: SessionAccess | null = null;

/** Called by the session store: requests carry its token from now on. */
export function connectSession(session: SessionAccess): void {
  currentSession = session;
}

/**
 * Adds the bearer token from the session store. A 401 from any non-auth route gets one refresh
 * (the httpOnly cookie) and one retry; the auth routes themselves are never retried, so a failed
 * refresh cannot loop.
 */
function authMiddleware(): Middleware {
  // Requests are consumed by fetch, so keep an unread copy of each one that may need a replay.
  const replayable = new Map<string, Request>();

  return {
    onRequest({ request, schemaPath, id }) {
      const accessToken = currentSession?.accessToken;
      if (accessToken) {
        request.headers.set('Authorization', `Bearer ${accessToken}`);
      }
      if (!AUTH_ROUTE.test(schemaPath)) {
        replayable.set(id, request.clone());
      }
      return request;
    },
    async onResponse({ response, id, options }) {
      const replay = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || replay === undefined) {
        return undefined;
      }
      const session = currentSession;
      if (!session || !(await session.refresh()) || !session.accessToken) {
        return undefined;
      }
      replay.headers.set('Authorization', `Bearer ${session.accessToken}`);
      return options.fetch(replay);
    },
    onError({ id }) {
      replayable.delete(id);
      return undefined;
    },
  };
}

export function createApiClient() {
  const client = createClient<paths>({
    baseUrl: '',
    credentials: 'include',
    // Looked up on each call rather than captured once, so tests can stub the global fetch.
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(authMiddleware());
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's typed API client: `api.POST('/api/auth/login', { body })`. */
export const api = createApiClient();
