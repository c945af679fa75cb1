import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-errors';
import { toErrorBody } from './error.filter';

/** An error as pg's protocol parser builds it from a server message. */
function serverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe(isDatabaseUnavailable.name, () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('knows a refused or broken socket (%s)', (code) => {
    expect(isDatabaseUnavailable(socketError(code))).toBe(true);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['08000', 'connection exception'],
    ['08003', 'connection does not exist'],
    ['08001', 'could not establish connection'],
    ['08004', 'server rejected the connection'],
  ])('knows the server saying it cannot serve now (%s)', (code, message) => {
    expect(isDatabaseUnavailable(serverError(code, message))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('knows what pg says without a code: %s', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('sees through the QueryFailedError TypeORM wraps a query error in', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], serverError('57P01', 'terminating connection due to administrator command'));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('knows the released connection a transaction finds after its socket failed', () => {
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('sees through a cause and an AggregateError of both address families', () => {
    expect(isDatabaseUnavailable(new Error('checkout failed', { cause: socketError('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''))).toBe(true);
  });

  it('leaves bugs and bad queries alone', () => {
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(serverError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(serverError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], serverError('40P01', 'deadlock detected')))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('stops at a cause that points back at its error', () => {
    const looping = new Error('a');
    (looping as { cause?: unknown }).cause = looping;
    expect(isDatabaseUnavailable(looping)).toBe(false);
  });
});

describe('the error filter during a database outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, and no internals', () => {
    const { body, headers } = toErrorBody(socketError('ECONNREFUSED'), 'req-9', '/api/checkout');
    expect(body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is not reachable right now; please try again in a few seconds.',
      requestId: 'req-9',
    });
    expect(headers).toEqual({ 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
  });
});
