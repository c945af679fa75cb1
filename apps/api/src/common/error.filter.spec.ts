import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { toErrorBody } from './error.filter';

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
