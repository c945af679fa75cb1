import { creditCodeProblem, normaliseCreditCode } from '../../lib/credit-code';
import type { InvoiceKind, InvoiceProfile, InvoiceProfileInput } from './invoices';

/** An invoice profile (开票信息) as typed; the special invoice's fields are shown and sent for SPECIAL only. */
export interface InvoiceProfileForm {
  kind: InvoiceKind;
  title: string;
  taxNumber: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  isDefault: boolean;
}
export type InvoiceProfileField = 'title' | 'taxNumber' | 'address' | 'phone' | 'bankName' | 'bankAccount';

/** In the order the form shows them, which is the order focus goes to the first problem. */
export const INVOICE_PROFILE_FIELDS: readonly InvoiceProfileField[] = ['title', 'taxNumber', 'address', 'phone', 'bankName', 'bankAccount'];
/** What only a special invoice (专票) carries, and must. */
export const SPECIAL_FIELDS: readonly InvoiceProfileField[] = ['address', 'phone', 'bankName', 'bankAccount'];

/** The API's limits (InvoiceProfileInputDto), told before the round trip. */
export const INVOICE_PROFILE_LIMITS = {
  title: { min: 2, max: 100 },
  address: { min: 4, max: 200 },
  bankName: { min: 2, max: 100 },
  phone: { max: 20 },
  bankAccount: { max: 40 },
} as const;
const PHONE = /^[0-9][0-9 -]{5,18}[0-9]$/;
const BANK_ACCOUNT = /^[0-9][0-9 ]{6,38}[0-9]$/;

/** A problem as the form words it: `invoiceProfiles.errors.<key>` with its parameters. */
export interface InvoiceFieldError {
  key: string;
  params?: Record<string, string | number>;
}

export function emptyInvoiceProfileForm(): InvoiceProfileForm {
  return { kind: 'ORDINARY', title: '', taxNumber: '', address: '', phone: '', bankName: '', bankAccount: '', isDefault: false };
}

export function formFromInvoiceProfile(profile: InvoiceProfile): InvoiceProfileForm {
  return {
    kind: profile.kind,
    title: profile.title,
    taxNumber: profile.taxNumber ?? '',
    address: profile.address ?? '',
    phone: profile.phone ?? '',
    bankName: profile.bankName ?? '',
    bankAccount: profile.bankAccount ?? '',
    isDefault: profile.isDefault,
  };
}

/** A tax number's problem (统一社会信用代码, 18 characters with a check character), or null; empty is left to the caller. */
export function taxNumberError(typed: string): InvoiceFieldError | null {
  const problem = creditCodeProblem(normaliseCreditCode(typed));
  if (problem?.kind === 'characters') return { key: 'taxNumberCharacters' };
  if (problem?.kind === 'length') return { key: 'taxNumberLength', params: { length: problem.length } };
  if (problem?.kind === 'checkChar') return { key: 'taxNumberCheck', params: { expected: problem.expected, actual: problem.actual } };
  return null;
}

function textError(value: string, limits: { min: number; max: number }): InvoiceFieldError | null {
  const length = [...value.trim()].length;
  if (length === 0) return { key: 'required' };
  if (length < limits.min) return { key: 'tooShort', params: { min: limits.min } };
  if (length > limits.max) return { key: 'tooLong', params: { max: limits.max } };
  return null;
}

function patternError(value: string, pattern: RegExp, key: string): InvoiceFieldError | null {
  const text = value.trim();
  if (text === '') return { key: 'required' };
  return pattern.test(text) ? null : { key };
}

/**
 * Every problem of the form by field. A special invoice needs every field; an ordinary one a title,
 * and a tax number only if one is given (a person's invoice has none).
 */
export function invoiceProfileErrors(form: InvoiceProfileForm): Partial<Record<InvoiceProfileField, InvoiceFieldError>> {
  const special = form.kind === 'SPECIAL';
  const taxNumber = form.taxNumber.trim();
  const errors: Partial<Record<InvoiceProfileField, InvoiceFieldError | null>> = {
    title: textError(form.title, INVOICE_PROFILE_LIMITS.title),
    taxNumber: taxNumber === '' ? (special ? { key: 'taxNumberForSpecial' } : null) : taxNumberError(taxNumber),
    ...(special
      ? {
          address: textError(form.address, INVOICE_PROFILE_LIMITS.address),
          phone: patternError(form.phone, PHONE, 'phoneInvalid'),
          bankName: textError(form.bankName, INVOICE_PROFILE_LIMITS.bankName),
          bankAccount: patternError(form.bankAccount, BANK_ACCOUNT, 'bankAccountInvalid'),
        }
      : {}),
  };
  return Object.fromEntries(Object.entries(errors).filter(([, error]) => error)) as Partial<Record<InvoiceProfileField, InvoiceFieldError>>;
}

/** What `POST`/`PUT …/invoice-profiles` take: an ordinary invoice without the special one's fields, empty ones left out. */
export function toInvoiceProfileBody(form: InvoiceProfileForm): InvoiceProfileInput {
  const taxNumber = normaliseCreditCode(form.taxNumber);
  const body: InvoiceProfileInput = { kind: form.kind, title: form.title.trim(), ...(taxNumber ? { taxNumber } : {}) };
  if (form.kind === 'SPECIAL') {
    Object.assign(body, {
      address: form.address.trim(),
      phone: form.phone.trim(),
      bankName: form.bankName.trim(),
      bankAccount: form.bankAccount.trim(),
    });
  }
  if (form.isDefault) body.isDefault = true;
  return body;
}
