import { AppError, ErrorCode } from './app-error';
import { databaseErrorOf } from './database-errors';

/**
 * Unique constraints that stand for a rule a client can break, with the answer for it. Services
 * check first to give a precise message; two requests at once both pass that check, and the
 * constraint decides: the loser gets this instead of a 500.
 */
const UNIQUE_CONFLICTS: Record<string, [ErrorCode, string]> = {
  household_id_hmac_key: ['HOUSEHOLD_DUPLICATE', 'A household with this ID number is already registered.'],
  household_code_key: ['HOUSEHOLD_DUPLICATE', 'A household with this platform code is already registered.'],
  account_email_key: ['EMAIL_TAKEN', 'An account with this email already exists.'],
  product_variant_sku_key: ['SKU_TAKEN', 'This sku is already in use.'],
  organisation_credit_code_key: ['CREDIT_CODE_TAKEN', 'An organisation with this credit code is already registered.'],
  // The account is the member table's key: an invitation accepted twice at once, or two registrations.
  organisation_member_pkey: ['ALREADY_IN_ORGANISATION', 'This account already belongs to an organisation.'],
  product_variant_label_key: ['VARIANT_LABEL_TAKEN', 'Two variants of one product cannot share a label.'],
};

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** The unique constraint a statement broke, if that is why it failed. */
export function uniqueViolated(error: unknown): string | undefined {
  const failure = databaseErrorOf(error);
  return failure?.code === UNIQUE_VIOLATION ? failure.constraint : undefined;
}

/** The client-facing conflict behind a unique violation of a known constraint, or undefined. */
export function uniqueConflictOf(error: unknown): AppError | undefined {
  const constraint = uniqueViolated(error);
  const known = constraint ? UNIQUE_CONFLICTS[constraint] : undefined;
  return known && new AppError(...known);
}
