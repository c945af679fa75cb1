/**
 * Every error a client can see has a stable code. Features add their codes here so that one
 * exhaustive table decides the HTTP status of each.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  JSON_TOO_COMPLEX: 400,
  BAD_REQUEST: 400,
  INVALID_CURSOR: 400,
  WEBHOOK_SIGNATURE_INVALID: 400,
  CSV_INVALID: 400,
  RESET_TOKEN_INVALID: 400,
  INVITATION_INVALID: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  NOT_YOUR_COOPERATIVE: 403,
  COOPERATIVE_SUSPENDED: 403,
  ORGANISATION_ROLE_REQUIRED: 403,
  INVITATION_FOR_ANOTHER_EMAIL: 403,
  SELF_APPROVAL: 403,
  NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  COOPERATIVE_NOT_FOUND: 404,
  VARIANT_NOT_FOUND: 404,
  CART_LINE_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  FULFILLMENT_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DEMO_PROVIDER_DISABLED: 404,
  HOUSEHOLD_NOT_FOUND: 404,
  LINK_NOT_FOUND: 404,
  REMINDER_NOT_FOUND: 404,
  ADDRESS_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  INVITATION_NOT_FOUND: 404,
  DELIVERY_SITE_NOT_FOUND: 404,
  SHORTFALL_CLAIM_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  EMAIL_TAKEN: 409,
  SKU_TAKEN: 409,
  VARIANT_LABEL_TAKEN: 409,
  INSUFFICIENT_STOCK: 409,
  OUT_OF_STOCK: 409,
  LINES_UNAVAILABLE: 409,
  CART_EMPTY: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_STATUS_CONFLICT: 409,
  FULFILLMENT_STATUS_CONFLICT: 409,
  PRODUCT_STATUS_CONFLICT: 409,
  COOPERATIVE_STATUS_CONFLICT: 409,
  NOTHING_TO_REFUND: 409,
  HOUSEHOLD_DUPLICATE: 409,
  TOO_MANY_UNPAID_ORDERS: 409,
  TOO_MANY_RESERVED_UNITS: 409,
  PRODUCT_ON_SALE: 409,
  CREDIT_CODE_TAKEN: 409,
  ALREADY_IN_ORGANISATION: 409,
  ORGANISATION_STATUS_CONFLICT: 409,
  LAST_MANAGER: 409,
  SHORTFALL_CLAIM_STATUS_CONFLICT: 409,
  TOO_MANY_INVITATIONS: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_IMAGE_TYPE: 415,
  SHIPPING_CLASS_NOT_ALLOWED: 422,
  TOO_MANY_VARIANTS: 422,
  TOO_MANY_IMAGES: 422,
  INVALID_CREDIT_CODE: 422,
  COLD_CHAIN_UNAVAILABLE: 422,
  PRESALE_NOT_SHIPPABLE: 422,
  ORDER_LINE_NOT_FOUND: 422,
  REFUND_QUANTITY_TOO_LARGE: 422,
  DELIVERY_DATE_UNAVAILABLE: 422,
  TOO_MANY_ATTEMPTS: 429,
  REQUEST_HEADERS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
  PAYMENT_PROVIDER_ERROR: 502,
  DATABASE_UNAVAILABLE: 503,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  requestId: string;
  details?: FieldProblem[];
}

/** What is wrong with one field of a request; `field` is a dotted path such as `variants.0.priceFen`. */
export interface FieldProblem {
  field: string;
  problems: string[];
  /** The rule each problem broke, by a stable name (`isIn`, `maxLength`, `registered` …), for clients to word in their own language. */
  rules?: string[];
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, client-facing detail (field names, failed lines); never internals. */
    readonly details?: FieldProblem[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}
