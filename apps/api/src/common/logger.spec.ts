import { QueryFailedError } from 'typeorm';
import { loggableError } from './logger';

/** What pg hands TypeORM for a unique violation: the detail quotes the row's value. */
function uniqueViolation(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "account_email_key"'), {
    code: '23505',
    severity: 'ERROR',
    detail: 'Key (lower(email))=(chen@example.cn) already exists.',
    table: 'account',
    constraint: 'account_email_key',
    routine: '_bt_check_unique',
  });
  return new QueryFailedError(
    'INSERT INTO account (email, password_hash) VALUES ($1, $2)',
    ['chen@example.cn', '$argon2id$…'],
    driverError,
  );
}

describe(loggableError.name, () => {
  it("keeps a database error's code, constraint and table, and drops its SQL, parameters, detail and message", () => {
    const logged = loggableError(uniqueViolation()) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23505', constraint: 'account_email_key', table: 'account' });
    expect(Object.keys(logged)).not.toEqual(expect.arrayContaining(['query']));
    for (const key of ['query', 'parameters', 'driverError', 'detail', 'message']) expect(logged).not.toHaveProperty(key);
    expect(JSON.stringify(logged)).not.toMatch(/chen@example\.cn|INSERT|argon2|duplicate key/);
    expect(logged.stack).toMatch(/^\s+at /);
  });

  it('keeps the message and stack of any other error, and what it was caused by', () => {
    const logged = loggableError(new TypeError('Cannot read properties of null', { cause: uniqueViolation() })) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'TypeError', message: 'Cannot read properties of null', cause: { code: '23505' } });
    expect(JSON.stringify(logged)).not.toMatch(/chen@example\.cn/);
  });
});
