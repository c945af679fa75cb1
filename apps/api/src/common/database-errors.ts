import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';

/** PostgreSQL's error behind a failed statement: as TypeORM's query() wraps it, or as pg throws it for a prepared statement (preparedRows). */
export function databaseErrorOf(error: unknown): DatabaseError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as DatabaseError;
  return error instanceof DatabaseError ? error : undefined;
}

/**
 * How long a client should wait before trying again: the embedded cluster's watchdog has it back
 * within a few seconds, and a pool reconnects on its next request.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs meaning "the server cannot serve you now", not "your query is wrong": class 08
 * (connection exception), the shutdown and startup states of class 57P, and a full server.
 */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);

/** Socket errors of a connection to the database (requests reach no other server without mapping its errors). */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg and pg-pool say when a connection is lost or cannot be had; they set no code on these. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)/,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/,
];

/**
 * TypeORM releases a transaction's connection the moment its socket fails, so the transaction's next
 * statement finds it released. (A runner used after its transaction ended says the same: a bug the
 * tests would catch, not something an outage hides.)
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Enough to see through TypeORM's QueryFailedError, `cause` chains and AggregateErrors, never a cycle. */
const MAX_DEPTH = 5;

/**
 * True when `error` (or what it wraps) says the database is gone or not reachable right now, as
 * opposed to a bug or a bad query: the client should try again later rather than get a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || error === null || typeof error !== 'object') return false;
  const { name, code, message, driverError, cause, errors } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const wrapped = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return wrapped.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** The answer to a request that failed because the database was away: 503 with Retry-After. */
export function databaseUnavailableError(): AppError {
  return new AppError('DATABASE_UNAVAILABLE', 'The database is not reachable right now; please try again in a few seconds.', undefined, {
    'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
