import { ArgumentsHost, BadRequestException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { ErrorFilter, toErrorBody } from './error.filter';

describe(toErrorBody.name, () => {
  it('passes an application error through with its code, status and safe details', () => {
    const { body, headers } = toErrorBody(
      new AppError('TOO_MANY_ATTEMPTS', 'Wait.', undefined, { 'Retry-After': '30' }),
      'req-1',
      '/api/auth/login',
    );
    expect(body).toEqual({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Wait.', requestId: 'req-1' });
    expect(headers).toEqual({ 'Retry-After': '30' });
  });

  it('answers anything unexpected with 500 and no internals', () => {
    const { body } = toErrorBody(new Error('relation "account" does not exist at /srv/app.ts:12'), 'req-2', '/api/me');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.', requestId: 'req-2' });
  });

  it('names an unknown route ROUTE_NOT_FOUND', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/x'), 'r', '/api/x').body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
    });
  });

  it('names malformed JSON INVALID_JSON without echoing the parser message', () => {
    const { body } = toErrorBody(
      new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400),
      'r',
      '/api/auth/login',
    );
    expect(body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
  });

  it('maps framework HTTP errors to a code by status', () => {
    expect(toErrorBody(new BadRequestException('bad'), 'r', '/api').body.code).toBe('BAD_REQUEST');
    expect(toErrorBody(new HttpException('big', 413), 'r', '/api').body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe(ErrorFilter.name, () => {
  /** A reply whose route had set another content type, as GET /api/impact/export.csv does. */
  function csvReply() {
    const reply = {
      headers: { 'content-type': 'text/csv; charset=utf-8' } as Record<string, string>,
      statusCode: 200,
      sent: undefined as unknown,
    };
    const api = {
      header: (name: string, value: string) => ((reply.headers[name.toLowerCase()] = value), api),
      type: (value: string) => ((reply.headers['content-type'] = value), api),
      status: (code: number) => ((reply.statusCode = code), api),
      send: (body: unknown) => void (reply.sent = body),
    };
    const host = {
      switchToHttp: () => ({ getRequest: () => ({ id: 'req-9', url: '/api/impact/export.csv?from=x' }), getResponse: () => api }),
    };
    return { reply, host: host as unknown as ArgumentsHost };
  }

  it('answers an error as JSON even on a route that sends CSV', () => {
    const { reply, host } = csvReply();
    new ErrorFilter().catch(new AppError('VALIDATION_FAILED', 'from is not a real day'), host);
    expect(reply).toMatchObject({
      statusCode: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      sent: { code: 'VALIDATION_FAILED' },
    });
  });

  it("logs a database error's code, constraint and table, never its SQL, parameters or the row's values", () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const driverError = Object.assign(new Error('null value in column "village" of relation "household" violates not-null constraint'), {
      code: '23502',
      table: 'household',
      column: 'village',
      detail: 'Failing row contains (王秀英, 520525198001010012, …).',
    });
    const { host } = csvReply();
    new ErrorFilter().catch(
      new QueryFailedError('UPDATE household SET village = $2 WHERE id = $1', ['id', '520525198001010012'], driverError),
      host,
    );
    const [[entry]] = logged.mock.calls as [[{ requestId: string; err: Record<string, unknown> }]];
    expect(entry).toMatchObject({
      requestId: 'req-9',
      err: { type: 'QueryFailedError', code: '23502', table: 'household', column: 'village' },
    });
    expect(JSON.stringify(entry)).not.toMatch(/UPDATE household|520525198001010012|王秀英|Failing row/);
    logged.mockRestore();
  });
});
