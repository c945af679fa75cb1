import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error.filter';
import { uniqueConflictOf } from './unique-conflicts';

const violation = (code: string, constraint: string) =>
  new QueryFailedError('INSERT INTO household …', ['secret'], Object.assign(new Error('duplicate key value'), { code, constraint }));

describe(uniqueConflictOf.name, () => {
  it('turns the loser of a race on a known unique constraint into the 409 its service would have answered', () => {
    const { body } = toErrorBody(violation('23505', 'household_id_hmac_key'), 'r', '/api/admin/households');
    expect(body).toEqual({
      statusCode: 409,
      code: 'HOUSEHOLD_DUPLICATE',
      message: 'A household with this ID number is already registered.',
      requestId: 'r',
    });
    expect(uniqueConflictOf(violation('23505', 'account_email_key'))?.code).toBe('EMAIL_TAKEN');
    expect(uniqueConflictOf(violation('23505', 'product_variant_sku_key'))?.code).toBe('SKU_TAKEN');
  });

  it('knows the violation as pg throws it for a prepared statement too', () => {
    const raw = Object.assign(new DatabaseError('duplicate key value', 0, 'error'), { code: '23505', constraint: 'account_email_key' });
    expect(uniqueConflictOf(raw)?.code).toBe('EMAIL_TAKEN');
    expect(
      uniqueConflictOf(Object.assign(new DatabaseError('other', 0, 'error'), { code: '23503', constraint: 'account_email_key' })),
    ).toBeUndefined();
  });

  it('leaves other constraints and other errors to the catch-all', () => {
    expect(uniqueConflictOf(violation('23505', 'payment_event_pkey'))).toBeUndefined();
    expect(uniqueConflictOf(violation('23503', 'household_id_hmac_key'))).toBeUndefined();
    expect(uniqueConflictOf(new Error('household_id_hmac_key'))).toBeUndefined();
    expect(toErrorBody(violation('23505', 'payment_event_pkey'), 'r', '/api').body.code).toBe('INTERNAL_ERROR');
  });
});
