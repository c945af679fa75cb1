// A local stand-in for the slice of Stripe's API this project uses (PaymentIntents, Refunds, webhooks),
// spoken over HTTP exactly like api.stripe.com so the official `stripe` SDK can be pointed at it.
// Node builtins only: scripts/stripe-emulator.mjs compiles and runs this file on its own, outside Jest.
import { createHmac, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The API version the SDK pinned in this repo (stripe@23.1.0) sends; events carry it too. */
export const EMULATED_API_VERSION = '2026-10-28.endive';

/** A form-encoded request body decoded the way Stripe reads it: `a[b][0]=x` → `{ a: { b: ['x'] } }`. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

export type Metadata = Record<string, string>;

/** The `error` member of Stripe's error bodies, as the SDK turns them into StripeError subclasses. */
export interface StripeErrorObject {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  payment_intent?: EmulatedPaymentIntent;
  payment_method?: EmulatedPaymentMethodSummary;
  request_log_url?: string;
}

export interface StripeErrorBody {
  error: StripeErrorObject;
}

export interface EmulatedPaymentMethodSummary {
  id: string;
  object: 'payment_method';
  type: string;
}

export type EmulatedPaymentIntentStatus = 'requires_payment_method' | 'succeeded' | 'canceled';

export interface EmulatedPaymentIntent {
  id: string;
  object: 'payment_intent';
  allowed_payment_method_types: string[] | null;
  amount: number;
  amount_capturable: number;
  amount_received: number;
  application: null;
  application_fee_amount: null;
  automatic_payment_methods: { enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  customer_account: null;
  description: string | null;
  excluded_payment_method_types: null;
  last_payment_error: Omit<StripeErrorObject, 'payment_intent'> | null;
  latest_charge: string | null;
  livemode: false;
  managed_payments: null;
  metadata: Metadata;
  next_action: null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_configuration_details: null;
  payment_method_options: { [key: string]: FormValue };
  payment_method_types: string[];
  payment_record: null;
  processing: null;
  receipt_email: string | null;
  review: null;
  setup_future_usage: null;
  shipping: null;
  source: null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: EmulatedPaymentIntentStatus;
  transfer_data: null;
  transfer_group: string | null;
}

export interface EmulatedRefund {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: null;
  charge: string;
  created: number;
  currency: string;
  customer: null;
  customer_account: null;
  metadata: Metadata;
  payment_intent: string | null;
  payment_method: string | null;
  reason: string | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: 'succeeded';
  transfer_reversal: null;
}

export interface EmulatedCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application: null;
  application_fee: null;
  application_fee_amount: null;
  balance_transaction: null;
  billing_details: { address: null; email: null; name: null; phone: null };
  calculated_statement_descriptor: string | null;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: false;
  failure_balance_transaction: null;
  failure_code: null;
  failure_message: null;
  fraud_details: Record<string, never>;
  livemode: false;
  metadata: Metadata;
  on_behalf_of: null;
  outcome: { network_status: string; reason: null; risk_level: string; seller_message: string; type: string };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: string; [type: string]: unknown };
  receipt_email: string | null;
  receipt_number: null;
  receipt_url: null;
  refunded: boolean;
  /** Newest first, like Stripe's lists; always included here (real Stripe needs `expand` outside events). */
  refunds: { object: 'list'; data: EmulatedRefund[]; has_more: false; total_count: number; url: string };
  review: null;
  shipping: null;
  source: null;
  source_transfer: null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: 'succeeded';
  transfer_data: null;
  transfer_group: string | null;
}

interface EmulatedEventBase {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  /** The API request that caused the event; nulls for buyer-side and dashboard actions. */
  request: { id: string | null; idempotency_key: string | null };
}

export type EmulatedPaymentIntentEventType = 'payment_intent.succeeded' | 'payment_intent.payment_failed' | 'payment_intent.canceled';
export type EmulatedChargeEventType = 'charge.succeeded' | 'charge.refunded';
export type EmulatedRefundEventType = 'refund.created';
export type EmulatedEventType = EmulatedPaymentIntentEventType | EmulatedChargeEventType | EmulatedRefundEventType;

export type EmulatedEvent = EmulatedEventBase &
  (
    | { type: EmulatedPaymentIntentEventType; data: { object: EmulatedPaymentIntent } }
    | { type: EmulatedChargeEventType; data: { object: EmulatedCharge } }
    | { type: EmulatedRefundEventType; data: { object: EmulatedRefund } }
  );

/** One attempt to POST one copy of an event to the webhook URL. */
export interface EmulatedDelivery {
  eventId: string;
  type: EmulatedEventType;
  /** 1 for the first try of this copy, 2 for its first retry… */
  attempt: number;
  /** Which of the `delivery.duplicates` copies this is, from 1. */
  copy: number;
  /** The endpoint's HTTP status, or 0 when it could not be reached or did not answer in time. */
  status: number;
  error: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: FormParams;
  /** The status answered, or null while unanswered (a 'timeout' fault never answers). */
  status: number | null;
  replayed: boolean;
}

export interface DeliverySettings {
  /** Deliver each event this many times, concurrently, as Stripe occasionally does. */
  duplicates: number;
  /** Wait before the first attempt of an automatically sent event (not applied by release()). */
  delayMs: number;
  /** Queue events instead of sending them, until release(). */
  hold: boolean;
}

export type FaultMatch = { method?: string; path: string | RegExp };
/**
 * `{ status }`: answer an `api_error` with that status before doing anything.
 * `'timeout'`: never answer and do nothing (held until the client gives up or close()).
 * `'timeout-after-processing'`: do the work (and keep it for idempotent replays) but never answer,
 * as when Stripe's response is lost on the way back.
 */
export type Fault = { status: number } | 'timeout' | 'timeout-after-processing';

export interface ConfirmOptions {
  /** Forge the amount the success reports as received (amount_received, charge amount) instead of the intent's. */
  amountReceivedFen?: number;
  /** Forge the currency of the success (intent and charge) instead of the intent's. */
  currency?: string;
}

/** What Stripe.js's confirmPayment resolves to: the intent as it now is, and the error if the payment failed. */
export interface ConfirmResult {
  paymentIntent: EmulatedPaymentIntent | null;
  error: StripeErrorObject | null;
}

export interface StripeEmulatorOptions {
  /** Default 12111 (stripe-mock's); 0 picks a free port. */
  port?: number;
  host?: string;
  secretKey?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Wait between attempts to deliver one copy of an event. */
  retryDelayMs?: number;
  /** Attempts per copy of an event, the first included. */
  maxAttempts?: number;
  /** How long a webhook endpoint may take to answer before the attempt counts as failed (status 0). */
  webhookTimeoutMs?: number;
  apiVersion?: string;
}

export interface StripeEmulatorLogEvents {
  request: [RecordedRequest];
  delivery: [EmulatedDelivery];
}

/** Thrown by the in-process helpers (refundFromDashboard) when Stripe would have refused. */
export class StripeEmulatorError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: StripeErrorObject,
  ) {
    super(error.message);
    this.name = 'StripeEmulatorError';
  }
}

/** `Stripe-Signature` header value for a payload, computed as Stripe does (scheme v1: HMAC-SHA256 of `${t}.${payload}`). */
export function stripeSignatureHeader(payload: string, secret: string, timestampSec = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSec},v1=${signature}`;
}

/**
 * Decodes an `application/x-www-form-urlencoded` body with Stripe's bracket notation. Objects whose keys are
 * all indexes become arrays (`a[0]=x&a[1]=y`, and `a[]=x`). Throws ApiFailure (400) for what Stripe rejects.
 */
export function parseFormParams(body: string): FormParams {
  type Building = string | { [key: string]: Building };
  const root: { [key: string]: Building } = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) throw invalidRequest(`Invalid parameter name: ${rawKey}`);
    const path = [match[1], ...Array.from(match[2].matchAll(/\[([^[\]]*)\]/g), (m) => m[1])];
    if (path.length > 12) throw invalidRequest(`Parameter nested too deeply: ${rawKey}`);
    let node = root;
    for (let i = 0; i < path.length; i += 1) {
      // `a[]` appends, as Rack and Stripe read it.
      const segment = path[i] === '' && i > 0 ? String(Object.keys(node).length) : path[i];
      // Keys that would reach Object.prototype are never Stripe parameters.
      if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') {
        throw invalidRequest(`Invalid parameter name: ${rawKey}`);
      }
      const last = i === path.length - 1;
      const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (last) {
        if (typeof existing === 'object') throw invalidRequest(`Invalid ${path[0]}: ${rawKey} is both a value and a hash`, path[0]);
        node[segment] = value;
      } else {
        if (typeof existing === 'string') throw invalidRequest(`Invalid ${path[0]}: ${rawKey} is both a value and a hash`, path[0]);
        const child = existing ?? {};
        node[segment] = child;
        node = child;
      }
    }
  }
  const finish = (value: Building): FormValue => {
    if (typeof value === 'string') return value;
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
      return keys.sort((a, b) => Number(a) - Number(b)).map((key) => finish(value[key]));
    }
    const object: { [key: string]: FormValue } = {};
    for (const key of keys) object[key] = finish(value[key]);
    return object;
  };
  const params: FormParams = {};
  for (const key of Object.keys(root)) params[key] = finish(root[key]);
  return params;
}

/** A refusal on the way through a route: answered as Stripe's error body with that status. */
class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: StripeErrorObject,
  ) {
    super(error.message);
  }
}

function invalidRequest(message: string, param?: string, code?: string, statusCode = 400): ApiFailure {
  return new ApiFailure(statusCode, { type: 'invalid_request_error', message, ...(code && { code }), ...(param && { param }) });
}

function noSuch(kind: string, id: string, param: string, statusCode: number): ApiFailure {
  return invalidRequest(`No such ${kind}: '${id}'`, param, 'resource_missing', statusCode);
}

const API_ERROR_MESSAGE =
  "Sorry, something went wrong. We've already been notified of the problem, but if you need any help, you can reach us at support.stripe.com/contact.";

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length: number): string {
  let token = '';
  for (const byte of randomBytes(length)) token += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return token;
}

const newId = (prefix: string) => `${prefix}_${randomToken(24)}`;
const nowSec = () => Math.floor(Date.now() / 1000);
const clone = <T>(value: T): T => structuredClone(value);

/** Parameters in a stable order, so an idempotent retry matches whatever order the client encoded them in. */
function canonical(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
    .join(',')}}`;
}

function optionalString(params: FormParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${name} must be a string`, name);
  return value;
}

/** An integer parameter the way Stripe validates one: digits only, at least `min`. */
function integerParam(params: FormParams, name: string, min: number): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw invalidRequest(
      `Invalid integer: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
      name,
      'parameter_invalid_integer',
    );
  }
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw invalidRequest(`Invalid integer: ${value}`, name, 'parameter_invalid_integer');
  if (parsed < min) throw invalidRequest(`This value must be greater than or equal to ${min}.`, name, 'parameter_invalid_integer');
  return parsed;
}

function stringArray(params: FormParams, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidRequest('Invalid array', name);
  return value as string[];
}

/** Stripe's metadata rules: up to 50 keys, keys up to 40 characters, values up to 500; `metadata=` means none. */
function metadataParam(params: FormParams): Metadata | undefined {
  const value = params.metadata;
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', 'metadata');
  const metadata: Metadata = {};
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalidRequest('Invalid metadata: metadata can have up to 50 keys', 'metadata');
  for (const [key, item] of entries) {
    if (typeof item !== 'string') throw invalidRequest(`Invalid metadata[${key}]: must be a string`, `metadata[${key}]`);
    if (key.length > 40) throw invalidRequest(`Invalid metadata: keys can be up to 40 characters long`, `metadata[${key}]`);
    if (item.length > 500) throw invalidRequest(`Invalid metadata[${key}]: values can be up to 500 characters long`, `metadata[${key}]`);
    if (item !== '') metadata[key] = item;
  }
  return metadata;
}

function enumParam(params: FormParams, name: string, allowed: readonly string[]): string | undefined {
  const value = optionalString(params, name);
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value)) throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(', ')}`, name);
  return value;
}

function expandList(params: FormParams): string[] {
  const expand = params.expand;
  if (expand === undefined) return [];
  if (!Array.isArray(expand) || expand.some((item) => typeof item !== 'string')) throw invalidRequest('Invalid array', 'expand');
  return expand as string[];
}

/** Test payment methods that Stripe declines, by the suffix of their name (pm_card_chargeDeclinedExpiredCard…). */
const DECLINES: Record<string, { code: string; decline_code: string; message: string }> = {
  '': { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  InsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  LostCard: { code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.' },
  StolenCard: { code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' },
  Fraudulent: { code: 'card_declined', decline_code: 'fraudulent', message: 'Your card was declined.' },
  ExpiredCard: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  IncorrectCvc: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  ProcessingError: {
    code: 'processing_error',
    decline_code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
};

function declineFor(paymentMethod: string): (typeof DECLINES)[string] | undefined {
  const match = /chargeDeclined(\w*)$/.exec(paymentMethod);
  if (!match) return undefined;
  return DECLINES[match[1]] ?? DECLINES[''];
}

/** Non-card test payment methods are named after their type (pm_alipay, pm_wechat_pay…); everything else is a card. */
const NON_CARD_TYPES = ['alipay', 'wechat_pay', 'link', 'paypal', 'sepa_debit', 'us_bank_account', 'ideal', 'klarna', 'grabpay', 'paynow'];

function paymentMethodType(paymentMethod: string): string {
  return NON_CARD_TYPES.find((type) => paymentMethod === `pm_${type}` || paymentMethod.startsWith(`pm_${type}_`)) ?? 'card';
}

function cardDetails(paymentMethod: string): { brand: string; last4: string } {
  if (paymentMethod.includes('mastercard')) return { brand: 'mastercard', last4: '4444' };
  if (paymentMethod.includes('amex')) return { brand: 'amex', last4: '8431' };
  if (paymentMethod.includes('unionpay')) return { brand: 'unionpay', last4: '0005' };
  return { brand: 'visa', last4: '4242' };
}

/** `¥12.34`-style amounts for messages, as Stripe words them (fen and cents alike are hundredths). */
function formatAmount(amountMinor: number, currency: string): string {
  const symbol: Record<string, string> = { cny: '¥', usd: '$', eur: '€', gbp: '£', hkd: 'HK$' };
  return `${symbol[currency] ?? `${currency.toUpperCase()} `}${(amountMinor / 100).toFixed(2)}`;
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : '****';
}

interface RouteResult {
  statusCode: number;
  body: unknown;
}

interface StoredResponse {
  method: string;
  path: string;
  paramsKey: string;
  requestId: string;
  result: RouteResult;
}

/** Who caused a change: an API request (its id and idempotency key land in the event), or a person outside the API. */
interface Cause {
  requestId: string | null;
  idempotencyKey: string | null;
}

const OUTSIDE_API: Cause = { requestId: null, idempotencyKey: null };

interface PendingFault {
  method: string | null;
  path: string | RegExp;
  fault: Fault;
  remaining: number;
}

interface Sleep {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

const CONFIRMABLE: readonly string[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE: readonly string[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;
const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

/**
 * The emulator: an HTTP server speaking Stripe's `/v1` API for PaymentIntents and Refunds, sending signed
 * webhooks, plus in-process controls for tests (delivery quirks, faults, buyer-side and dashboard actions).
 * Emits 'request' (after each answer) and 'delivery' (after each webhook attempt) for logging.
 */
export class StripeEmulator extends EventEmitter<StripeEmulatorLogEvents> {
  /** Mutable: tests set `emulator.delivery.hold = true` etc. and reset() puts the defaults back. */
  readonly delivery: DeliverySettings = { duplicates: 1, delayMs: 0, hold: false };
  readonly secretKey: string;
  url = '';
  port = 0;

  private webhookUrl: string | null;
  private webhookSecretValue: string;
  private readonly retryDelayMs: number;
  private readonly maxAttempts: number;
  private readonly webhookTimeoutMs: number;
  private readonly apiVersion: string;
  private readonly server: Server;

  private readonly intents = new Map<string, EmulatedPaymentIntent>();
  private readonly chargesById = new Map<string, EmulatedCharge>();
  private readonly refundsById = new Map<string, EmulatedRefund>();
  private readonly eventLog: EmulatedEvent[] = [];
  private readonly heldEvents: EmulatedEvent[] = [];
  private readonly deliveryLog: EmulatedDelivery[] = [];
  private readonly requestLog: RecordedRequest[] = [];
  private readonly idempotency = new Map<string, StoredResponse>();
  private readonly faults: PendingFault[] = [];
  /** Every delivery scheduled or running (and every release), so idle() can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sleeps = new Set<Sleep>();
  private readonly outgoing = new Set<ClientRequest>();
  /** Requests answered by nothing on purpose ('timeout' faults): their sockets are closed by close(). */
  private readonly unanswered = new Set<ServerResponse>();
  private closed = false;

  constructor(options: StripeEmulatorOptions = {}) {
    super();
    this.secretKey = options.secretKey ?? 'sk_test_emulator';
    this.webhookUrl = options.webhookUrl ?? null;
    this.webhookSecretValue = options.webhookSecret ?? 'whsec_emulator';
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
    this.apiVersion = options.apiVersion ?? EMULATED_API_VERSION;
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Starts listening; startStripeEmulator() does this. */
  async listen(port = 12111, host = '127.0.0.1'): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
    return this;
  }

  get webhookSecret(): string {
    return this.webhookSecretValue;
  }

  /** Where events go from now on (null: nowhere; events are still recorded). */
  setWebhook(url: string | null, secret: string = this.webhookSecretValue): void {
    this.webhookUrl = url;
    this.webhookSecretValue = secret;
  }

  /**
   * The next `times` requests matching `match` fail with `fault` before anything is created. A string path
   * matches the exact path (no query), a RegExp is tested against it; no method means any method.
   */
  failNext(match: FaultMatch, fault: Fault, times = 1): void {
    this.faults.push({ method: match.method?.toUpperCase() ?? null, path: match.path, fault, remaining: times });
  }

  /** Delivery settings back to their defaults, held events and pending faults dropped; objects and logs are kept. */
  reset(): void {
    Object.assign(this.delivery, { duplicates: 1, delayMs: 0, hold: false });
    this.heldEvents.length = 0;
    this.faults.length = 0;
  }

  // ---- buyer-side and dashboard actions -------------------------------------------------------------

  /** What Stripe.js does when the buyer pays: the same as POST /v1/payment_intents/:id/confirm, never throws. */
  confirm(paymentIntentId: string, paymentMethod = 'pm_card_visa', options: ConfirmOptions = {}): ConfirmResult {
    const intent = this.intents.get(paymentIntentId);
    try {
      if (!intent) throw noSuch('payment_intent', paymentIntentId, 'intent', 404);
      const result = this.confirmIntent(intent, paymentMethod, options, OUTSIDE_API);
      const error = result.statusCode === 200 ? null : (result.body as StripeErrorBody).error;
      return { paymentIntent: clone(intent), error };
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure;
      return { paymentIntent: intent ? clone(intent) : null, error: failure.error };
    }
  }

  /** A refund made in Stripe's dashboard: the same effects and events as POST /v1/refunds; throws StripeEmulatorError if refused. */
  refundFromDashboard(paymentIntentId: string, amountFen?: number): EmulatedRefund {
    const params: FormParams = { payment_intent: paymentIntentId, ...(amountFen !== undefined && { amount: String(amountFen) }) };
    try {
      return clone(this.createRefund(params, OUTSIDE_API).body as EmulatedRefund);
    } catch (failure) {
      if (failure instanceof ApiFailure) throw new StripeEmulatorError(failure.statusCode, failure.error);
      throw failure;
    }
  }

  // ---- inspection ---------------------------------------------------------------------------------------

  paymentIntent(id: string): EmulatedPaymentIntent | undefined {
    const intent = this.intents.get(id);
    return intent && clone(intent);
  }

  paymentIntents(): EmulatedPaymentIntent[] {
    return clone([...this.intents.values()]);
  }

  charge(id: string): EmulatedCharge | undefined {
    const charge = this.chargesById.get(id);
    return charge && clone(charge);
  }

  charges(): EmulatedCharge[] {
    return clone([...this.chargesById.values()]);
  }

  refunds(): EmulatedRefund[] {
    return clone([...this.refundsById.values()]);
  }

  /** Every event created, in order, whether delivered, held or not (no webhook URL). */
  events(): EmulatedEvent[] {
    return clone(this.eventLog);
  }

  held(): EmulatedEvent[] {
    return clone(this.heldEvents);
  }

  deliveries(): EmulatedDelivery[] {
    return clone(this.deliveryLog);
  }

  requests(): RecordedRequest[] {
    return clone(this.requestLog);
  }

  // ---- webhook delivery control -------------------------------------------------------------------------

  /**
   * Sends held events: all of them in the order they were created ('sent') or the reverse, or just the listed
   * ids in that order. Each event's copies and retries finish before the next event goes; resolves when all did.
   */
  async release(order: 'sent' | 'reverse' | string[] = 'sent'): Promise<void> {
    let batch: EmulatedEvent[];
    if (Array.isArray(order)) {
      const missing = order.find((id) => !this.heldEvents.some((event) => event.id === id));
      if (missing !== undefined) throw new Error(`Event ${missing} is not held`);
      batch = order.map((id) => {
        const index = this.heldEvents.findIndex((event) => event.id === id);
        return this.heldEvents.splice(index, 1)[0];
      });
    } else {
      batch = this.heldEvents.splice(0);
      if (order === 'reverse') batch.reverse();
    }
    const run = (async () => {
      for (const event of batch) {
        if (this.closed) return;
        await this.deliverCopies(event);
      }
    })();
    this.track(run);
    await run;
  }

  /** Resolves once no delivery is scheduled or running. Held events do not count: they wait for release(). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops the server, drops unanswered requests, cancels pending deliveries and retries. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const sleep of this.sleeps) {
      clearTimeout(sleep.timer);
      sleep.resolve();
    }
    this.sleeps.clear();
    for (const request of this.outgoing) request.destroy();
    for (const res of this.unanswered) res.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.idle();
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      try {
        this.answer(req, res, tooLarge ? null : Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // Whatever went wrong in here is the emulator's bug, answered as Stripe answers its own: never a crash.
        if (!res.headersSent) this.send(res, 500, { error: { type: 'api_error', message: `${API_ERROR_MESSAGE} (${String(error)})` } });
      }
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, body: string | null): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    const idempotencyKey = header(req, 'idempotency-key');
    const record: RecordedRequest = { method, path, idempotencyKey, params: {}, status: null, replayed: false };
    this.requestLog.push(record);
    const requestId = `req_${randomToken(14)}`;
    const reply = (statusCode: number, payload: unknown, extraHeaders: Record<string, string> = {}) => {
      record.status = statusCode;
      this.send(res, statusCode, payload, { 'Request-Id': requestId, ...extraHeaders });
      this.emit('request', clone(record));
    };

    if (body === null) return reply(413, { error: { type: 'invalid_request_error', message: 'Request body too large.' } });
    try {
      record.params = parseFormParams(method === 'GET' || method === 'DELETE' ? url.search.slice(1) : body);
    } catch (failure) {
      if (failure instanceof ApiFailure) return reply(failure.statusCode, { error: failure.error });
      throw failure;
    }

    if (path.startsWith('/_emulator/')) {
      const result = this.emulatorRoute(method, path, url.searchParams);
      return reply(result.statusCode, result.body);
    }

    const fault = this.takeFault(method, path);
    if (fault && typeof fault === 'object') {
      return reply(fault.status, { error: { type: 'api_error', message: API_ERROR_MESSAGE } });
    }
    if (fault === 'timeout') {
      this.unanswered.add(res);
      res.on('close', () => this.unanswered.delete(res));
      this.emit('request', clone(record));
      return;
    }

    const authFailure = this.checkAuth(header(req, 'authorization'));
    if (authFailure) return reply(401, { error: authFailure });

    const stripeVersion = header(req, 'stripe-version') ?? this.apiVersion;
    const versionHeaders: Record<string, string> = { 'Stripe-Version': stripeVersion };
    const idempotent = method === 'POST' && idempotencyKey !== null;
    const paramsKey = canonical(record.params);
    if (idempotent) {
      const stored = this.idempotency.get(idempotencyKey);
      if (stored) {
        if (stored.method !== method || stored.path !== path || stored.paramsKey !== paramsKey) {
          return reply(400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        record.replayed = true;
        return reply(stored.result.statusCode, stored.result.body, {
          ...versionHeaders,
          'Idempotency-Key': idempotencyKey,
          'Idempotent-Replayed': 'true',
          'Original-Request': stored.requestId,
        });
      }
    }

    let result: RouteResult;
    try {
      result = this.route(method, path, record.params, { requestId, idempotencyKey });
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure;
      result = { statusCode: failure.statusCode, body: { error: failure.error } };
    }
    // Like Stripe, keep only results of requests that ran: successes and card declines, not refusals of the
    // request itself (validation, state), which a retry with the same key may get past.
    if (idempotent && (result.statusCode < 400 || result.statusCode === 402)) {
      this.idempotency.set(idempotencyKey, { method, path, paramsKey, requestId, result: clone(result) });
    }
    if (fault === 'timeout-after-processing') {
      this.unanswered.add(res);
      res.on('close', () => this.unanswered.delete(res));
      this.emit('request', clone(record));
      return;
    }
    reply(result.statusCode, result.body, { ...versionHeaders, ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }) });
  }

  private send(res: ServerResponse, statusCode: number, payload: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(payload, null, 2);
    res.writeHead(statusCode, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  }

  private checkAuth(authorization: string | null): StripeErrorObject | null {
    let key: string | null = null;
    if (authorization?.startsWith('Bearer ')) key = authorization.slice('Bearer '.length).trim();
    else if (authorization?.startsWith('Basic ')) {
      // Stripe also takes the key as the Basic-auth user name (curl -u sk_test_…:).
      key = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8').split(':')[0];
    }
    if (!key) {
      return {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      };
    }
    if (key !== this.secretKey) return { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(key)}` };
    return null;
  }

  private takeFault(method: string, path: string): Fault | null {
    const index = this.faults.findIndex(
      (fault) =>
        (fault.method === null || fault.method === method) &&
        (typeof fault.path === 'string' ? fault.path === path : fault.path.test(path)),
    );
    if (index < 0) return null;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.fault;
  }

  private route(
    method: string,
    path: string,
    params: FormParams,
    cause: { requestId: string; idempotencyKey: string | null },
  ): RouteResult {
    const segments = path.split('/').slice(1);
    let ids: string[];
    try {
      ids = segments.map((segment) => decodeURIComponent(segment));
    } catch {
      ids = segments;
    }
    const expand = expandList(params);
    const [version, resource, id, action, extra] = ids;
    if (version === 'v1' && extra === undefined) {
      if (resource === 'payment_intents') {
        if (method === 'POST' && id === undefined) return this.withExpand(this.createPaymentIntent(params, cause), expand);
        if (method === 'GET' && id !== undefined && action === undefined) {
          return this.withExpand({ statusCode: 200, body: this.intentOr404(id) }, expand);
        }
        if (method === 'POST' && id !== undefined && action === 'confirm') {
          const intent = this.intentOr404(id);
          const paymentMethod = optionalString(params, 'payment_method');
          return this.withExpand(this.confirmIntent(intent, paymentMethod, {}, cause), expand);
        }
        if (method === 'POST' && id !== undefined && action === 'cancel') {
          return this.withExpand(this.cancelIntent(this.intentOr404(id), params, cause), expand);
        }
      }
      if (resource === 'refunds') {
        if (method === 'POST' && id === undefined) return this.createRefund(params, cause);
        if (method === 'GET' && id !== undefined && action === undefined) {
          const refund = this.refundsById.get(id);
          if (!refund) throw noSuch('refund', id, 'id', 404);
          return { statusCode: 200, body: refund };
        }
      }
      if (resource === 'charges' && method === 'GET' && id !== undefined && action === undefined) {
        const charge = this.chargesById.get(id);
        if (!charge) throw noSuch('charge', id, 'id', 404);
        return { statusCode: 200, body: charge };
      }
      if (resource === 'events' && method === 'GET' && id !== undefined && action === undefined) {
        const event = this.eventLog.find((candidate) => candidate.id === id);
        if (!event) throw noSuch('event', id, 'id', 404);
        return { statusCode: 200, body: event };
      }
    }
    throw invalidRequest(
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      undefined,
      undefined,
      404,
    );
  }

  /** `expand[]=latest_charge` on PaymentIntent answers: the charge object in place of its id. */
  private withExpand(result: RouteResult, expand: string[]): RouteResult {
    const body = result.body as Partial<EmulatedPaymentIntent>;
    if (result.statusCode !== 200 || !expand.includes('latest_charge') || !body.latest_charge) return result;
    return { statusCode: 200, body: { ...body, latest_charge: this.chargesById.get(body.latest_charge) ?? body.latest_charge } };
  }

  private intentOr404(id: string): EmulatedPaymentIntent {
    const intent = this.intents.get(id);
    if (!intent) throw noSuch('payment_intent', id, 'intent', 404);
    return intent;
  }

  /** The extra routes for manual runs and browser tests: no auth, no faults, no idempotency. */
  private emulatorRoute(method: string, path: string, query: URLSearchParams): RouteResult {
    const confirm = /^\/_emulator\/payment_intents\/([^/]+)\/confirm$/.exec(path);
    if (method === 'POST' && confirm) {
      const amount = query.get('amount_received');
      const forged: ConfirmOptions = {
        ...(amount !== null && { amountReceivedFen: Number(amount) }),
        ...(query.get('currency') !== null && { currency: query.get('currency') ?? undefined }),
      };
      const { paymentIntent, error } = this.confirm(decodeURIComponent(confirm[1]), query.get('payment_method') ?? 'pm_card_visa', forged);
      if (!error) return { statusCode: 200, body: paymentIntent };
      const statusCode = error.type === 'card_error' ? 402 : error.code === 'resource_missing' ? 404 : 400;
      return { statusCode, body: { error } };
    }
    const refund = /^\/_emulator\/payment_intents\/([^/]+)\/refund$/.exec(path);
    if (method === 'POST' && refund) {
      const amount = query.get('amount');
      try {
        return {
          statusCode: 200,
          body: this.refundFromDashboard(decodeURIComponent(refund[1]), amount === null ? undefined : Number(amount)),
        };
      } catch (failure) {
        if (failure instanceof StripeEmulatorError) return { statusCode: failure.statusCode, body: { error: failure.error } };
        throw failure;
      }
    }
    if (method === 'GET' && path === '/_emulator/state') {
      return {
        statusCode: 200,
        body: {
          paymentIntents: [...this.intents.values()],
          charges: [...this.chargesById.values()],
          refunds: [...this.refundsById.values()],
          events: this.eventLog.map(({ id, type, created }) => ({ id, type, created })),
          held: this.heldEvents.map(({ id, type }) => ({ id, type })),
          deliveries: this.deliveryLog,
          delivery: this.delivery,
          webhookUrl: this.webhookUrl,
        },
      };
    }
    return {
      statusCode: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized emulator URL (${method}: ${path})` } },
    };
  }

  // ---- the objects -------------------------------------------------------------------------------------

  private createPaymentIntent(params: FormParams, cause: Cause): RouteResult {
    if (params.amount === undefined) throw invalidRequest('Missing required param: amount.', 'amount', 'parameter_missing');
    const amount = integerParam(params, 'amount', 1) as number;
    if (amount > 99_999_999) throw invalidRequest('Amount must be no more than 99999999', 'amount', 'amount_too_large');
    const currencyParam = optionalString(params, 'currency');
    if (currencyParam === undefined || currencyParam === '') {
      throw invalidRequest('Missing required param: currency.', 'currency', 'parameter_missing');
    }
    const currency = currencyParam.toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currencyParam}.`, 'currency');
    const allowed = stringArray(params, 'allowed_payment_method_types');
    const types = stringArray(params, 'payment_method_types');
    const options = params.payment_method_options;
    if (options !== undefined && (typeof options !== 'object' || Array.isArray(options))) {
      throw invalidRequest('Invalid object', 'payment_method_options');
    }
    const automatic = params.automatic_payment_methods;
    const description = optionalString(params, 'description');
    const paymentMethod = optionalString(params, 'payment_method');
    const confirm = optionalString(params, 'confirm') === 'true';
    const intent: EmulatedPaymentIntent = {
      id: newId('pi'),
      object: 'payment_intent',
      allowed_payment_method_types: allowed ?? null,
      amount,
      amount_capturable: 0,
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods:
        typeof automatic === 'object' && !Array.isArray(automatic) ? { enabled: automatic.enabled === 'true' } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: '',
      confirmation_method: 'automatic',
      created: nowSec(),
      currency,
      customer: optionalString(params, 'customer') ?? null,
      customer_account: null,
      description: description ?? null,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      managed_payments: null,
      metadata: metadataParam(params) ?? {},
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethod ?? null,
      payment_method_configuration_details: null,
      payment_method_options: options ?? {},
      payment_method_types: allowed ?? types ?? ['card'],
      payment_record: null,
      processing: null,
      receipt_email: optionalString(params, 'receipt_email') ?? null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: optionalString(params, 'statement_descriptor') ?? null,
      statement_descriptor_suffix: optionalString(params, 'statement_descriptor_suffix') ?? null,
      status: 'requires_payment_method',
      transfer_data: null,
      transfer_group: optionalString(params, 'transfer_group') ?? null,
    };
    intent.client_secret = `${intent.id}_secret_${randomToken(25)}`;
    this.intents.set(intent.id, intent);
    // `confirm=true` creates and pays in one call, as server-side card payments do.
    if (confirm) return this.confirmIntent(intent, paymentMethod, {}, cause);
    return { statusCode: 200, body: clone(intent) };
  }

  private confirmIntent(
    intent: EmulatedPaymentIntent,
    paymentMethodParam: string | undefined,
    forged: ConfirmOptions,
    cause: Cause,
  ): RouteResult {
    if (!CONFIRMABLE.includes(intent.status)) {
      throw new ApiFailure(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
        doc_url: 'https://stripe.com/docs/error-codes/payment-intent-unexpected-state',
        payment_intent: clone(intent),
      });
    }
    const paymentMethod = paymentMethodParam || intent.payment_method;
    if (!paymentMethod) {
      throw new ApiFailure(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        param: 'payment_method',
        message:
          "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        payment_intent: clone(intent),
      });
    }
    if (!/^pm_\w+$/.test(paymentMethod)) throw noSuch('PaymentMethod', paymentMethod, 'payment_method', 400);
    const type = paymentMethodType(paymentMethod);
    if (!intent.payment_method_types.includes(type)) {
      throw new ApiFailure(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_incompatible_payment_method',
        param: 'payment_method',
        message: `The PaymentMethod provided (${type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${intent.payment_method_types.join(', ')}.`,
        payment_intent: clone(intent),
      });
    }
    const amountReceived = forged.amountReceivedFen ?? intent.amount;
    if (!Number.isSafeInteger(amountReceived) || amountReceived < 0) {
      throw invalidRequest(`Invalid forged amount received: ${amountReceived}`, 'amount_received');
    }
    const paymentMethodSummary: EmulatedPaymentMethodSummary = { id: paymentMethod, object: 'payment_method', type };

    const decline = declineFor(paymentMethod);
    if (decline) {
      const error: StripeErrorObject = {
        type: 'card_error',
        ...decline,
        doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
        payment_method: paymentMethodSummary,
      };
      // A failed attempt detaches the payment method and leaves the intent ready for another one.
      intent.status = 'requires_payment_method';
      intent.payment_method = null;
      intent.last_payment_error = clone(error);
      this.recordEvent('payment_intent.payment_failed', intent, cause);
      return { statusCode: 402, body: { error: { ...error, payment_intent: clone(intent) } } };
    }

    const currency = forged.currency?.toLowerCase() ?? intent.currency;
    const charge: EmulatedCharge = {
      id: newId('ch'),
      object: 'charge',
      amount: amountReceived,
      amount_captured: amountReceived,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: null,
      billing_details: { address: null, email: null, name: null, phone: null },
      calculated_statement_descriptor: intent.statement_descriptor,
      captured: true,
      created: nowSec(),
      currency,
      customer: intent.customer,
      description: intent.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      fraud_details: {},
      livemode: false,
      // Charges made by an intent carry the intent's metadata.
      metadata: clone(intent.metadata),
      on_behalf_of: null,
      outcome: {
        network_status: 'approved_by_network',
        reason: null,
        risk_level: 'normal',
        seller_message: 'Payment complete.',
        type: 'authorized',
      },
      paid: true,
      payment_intent: intent.id,
      payment_method: paymentMethod,
      payment_method_details: type === 'card' ? { type, card: cardDetails(paymentMethod) } : { type, [type]: {} },
      receipt_email: intent.receipt_email,
      receipt_number: null,
      receipt_url: null,
      refunded: false,
      refunds: { object: 'list', data: [], has_more: false, total_count: 0, url: '' },
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: intent.statement_descriptor,
      statement_descriptor_suffix: intent.statement_descriptor_suffix,
      status: 'succeeded',
      transfer_data: null,
      transfer_group: intent.transfer_group,
    };
    charge.refunds.url = `/v1/charges/${charge.id}/refunds`;
    this.chargesById.set(charge.id, charge);
    intent.status = 'succeeded';
    intent.amount_received = amountReceived;
    intent.currency = currency;
    intent.payment_method = paymentMethod;
    intent.latest_charge = charge.id;
    intent.last_payment_error = null;
    this.recordEvent('payment_intent.succeeded', intent, cause);
    this.recordEvent('charge.succeeded', charge, cause);
    return { statusCode: 200, body: clone(intent) };
  }

  private cancelIntent(intent: EmulatedPaymentIntent, params: FormParams, cause: Cause): RouteResult {
    const reason = enumParam(params, 'cancellation_reason', CANCELLATION_REASONS);
    if (!CANCELABLE.includes(intent.status)) {
      throw new ApiFailure(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        doc_url: 'https://stripe.com/docs/error-codes/payment-intent-unexpected-state',
        payment_intent: clone(intent),
      });
    }
    intent.status = 'canceled';
    intent.canceled_at = nowSec();
    intent.cancellation_reason = reason ?? null;
    this.recordEvent('payment_intent.canceled', intent, cause);
    return { statusCode: 200, body: clone(intent) };
  }

  private createRefund(params: FormParams, cause: Cause): RouteResult {
    const intentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    if (!intentId && !chargeId) {
      throw invalidRequest(
        'One of the following params should be provided for this request: payment_intent or charge.',
        undefined,
        'parameter_missing',
      );
    }
    let charge: EmulatedCharge;
    if (intentId) {
      const intent = this.intents.get(intentId);
      if (!intent) throw noSuch('payment_intent', intentId, 'payment_intent', 400);
      const latest = intent.latest_charge === null ? undefined : this.chargesById.get(intent.latest_charge);
      if (intent.status !== 'succeeded' || !latest) {
        throw invalidRequest(
          `This PaymentIntent (${intentId}) does not have a successful charge to refund.`,
          'payment_intent',
          'payment_intent_unexpected_state',
        );
      }
      if (chargeId && chargeId !== latest.id) {
        throw invalidRequest(`The charge ${chargeId} does not belong to PaymentIntent ${intentId}.`, 'charge');
      }
      charge = latest;
    } else {
      const found = this.chargesById.get(chargeId as string);
      if (!found) throw noSuch('charge', chargeId as string, 'charge', 400);
      charge = found;
    }
    const remaining = charge.amount - charge.amount_refunded;
    const amount = integerParam(params, 'amount', 1) ?? remaining;
    if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        'amount',
        'amount_too_large',
      );
    }
    const reason = enumParam(params, 'reason', REFUND_REASONS);
    const metadata = metadataParam(params) ?? {};

    const refund: EmulatedRefund = {
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: nowSec(),
      currency: charge.currency,
      customer: null,
      customer_account: null,
      metadata,
      payment_intent: charge.payment_intent,
      payment_method: charge.payment_method,
      reason: reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    this.refundsById.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds.data.unshift(clone(refund));
    charge.refunds.total_count += 1;
    this.recordEvent('charge.refunded', charge, cause);
    this.recordEvent('refund.created', refund, cause);
    return { statusCode: 200, body: clone(refund) };
  }

  // ---- events and webhooks -------------------------------------------------------------------------------

  private recordEvent(type: EmulatedPaymentIntentEventType, object: EmulatedPaymentIntent, cause: Cause): void;
  private recordEvent(type: EmulatedChargeEventType, object: EmulatedCharge, cause: Cause): void;
  private recordEvent(type: EmulatedRefundEventType, object: EmulatedRefund, cause: Cause): void;
  private recordEvent(type: EmulatedEventType, object: EmulatedPaymentIntent | EmulatedCharge | EmulatedRefund, cause: Cause): void {
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: nowSec(),
      // A snapshot: later changes to the object must not show in an event already made.
      data: { object: clone(object) },
      livemode: false,
      pending_webhooks: this.webhookUrl ? 1 : 0,
      request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
      type,
    } as EmulatedEvent;
    this.eventLog.push(event);
    this.dispatch(event);
  }

  /** Sends an event soon after the action that made it (never before that action's own answer is written). */
  private dispatch(event: EmulatedEvent): void {
    if (!this.webhookUrl || this.closed) return;
    if (this.delivery.hold) {
      this.heldEvents.push(event);
      return;
    }
    const delayMs = this.delivery.delayMs;
    this.track(
      (async () => {
        await this.sleep(delayMs);
        if (!this.closed) await this.deliverCopies(event);
      })(),
    );
  }

  private async deliverCopies(event: EmulatedEvent): Promise<void> {
    // The very same bytes for every copy and attempt, pretty-printed like Stripe's: a receiver must verify
    // the raw body, not a re-serialisation of it.
    const payload = JSON.stringify(event, null, 2);
    const copies = Math.max(1, Math.floor(this.delivery.duplicates));
    await Promise.all(Array.from({ length: copies }, (_, index) => this.deliverWithRetries(event, payload, index + 1)));
  }

  private async deliverWithRetries(event: EmulatedEvent, payload: string, copy: number): Promise<void> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      if (this.closed || !this.webhookUrl) return;
      const { status, error } = await this.post(this.webhookUrl, payload);
      if (this.closed) return;
      const delivery: EmulatedDelivery = { eventId: event.id, type: event.type, attempt, copy, status, error };
      this.deliveryLog.push(delivery);
      this.emit('delivery', clone(delivery));
      if (status >= 200 && status < 300) return;
      if (attempt < this.maxAttempts) await this.sleep(this.retryDelayMs);
    }
  }

  private post(target: string, payload: string): Promise<{ status: number; error: string | null }> {
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        resolve({ status: 0, error: `invalid webhook URL ${target}` });
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, {
        method: 'POST',
        // A fresh connection per attempt (no keep-alive), so nothing lingers after close().
        agent: false,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(payload)),
          Accept: '*/*; q=0.5, application/xml',
          'Cache-Control': 'no-cache',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          // Signed at each attempt, as Stripe does: a retry carries a fresh timestamp.
          'Stripe-Signature': stripeSignatureHeader(payload, this.webhookSecretValue),
        },
      });
      this.outgoing.add(request);
      const finish = (status: number, error: string | null) => {
        this.outgoing.delete(request);
        resolve({ status, error });
      };
      request.setTimeout(this.webhookTimeoutMs, () => request.destroy(new Error(`no answer within ${this.webhookTimeoutMs} ms`)));
      request.on('error', (error) => finish(0, error.message));
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () => finish(status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        response.on('error', (error) => finish(status, error.message));
      });
      request.end(payload);
    });
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** A timer close() can cut short. Always waits at least a macrotask, so a delivery never precedes the answer. */
  private sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const sleep: Sleep = {
        timer: setTimeout(() => {
          this.sleeps.delete(sleep);
          resolve();
        }, delayMs),
        resolve,
      };
      this.sleeps.add(sleep);
    });
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Starts an emulator listening on `port` (default 12111; 0 for a free one). */
export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  return new StripeEmulator(options).listen(options.port ?? 12111, options.host ?? '127.0.0.1');
}
