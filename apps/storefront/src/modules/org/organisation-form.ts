import { isMainlandMobile, type OrganisationType } from '@qh/domain';
import { creditCodeProblem, normaliseCreditCode } from '../../lib/credit-code';
import type { MyOrganisation, RegisterOrganisationBody, UpdateOrganisationBody } from './org-api';

/** The registration form as typed; `type` and `districtCode` are '' until chosen. */
export interface OrganisationForm {
  name: string;
  nameEn: string;
  creditCode: string;
  type: OrganisationType | '';
  districtCode: string;
  budgetUnit: boolean;
  hasCanteen: boolean;
  contactName: string;
  contactMobile: string;
}
export type OrganisationField = keyof OrganisationForm;

/** In the order the form shows them, which is the order focus goes to the first problem. */
export const ORGANISATION_FIELDS: readonly OrganisationField[] = [
  'name',
  'nameEn',
  'creditCode',
  'type',
  'districtCode',
  'budgetUnit',
  'hasCanteen',
  'contactName',
  'contactMobile',
];

/** What the admin checked: fixed once the organisation is verified (the API answers ORGANISATION_STATUS_CONFLICT). */
export const VERIFIED_FIELDS: readonly OrganisationField[] = ['name', 'nameEn', 'creditCode', 'type', 'budgetUnit'];

/** The API's lengths (RegisterOrganisationDto), told before the round trip. */
export const LIMITS = {
  name: { min: 2, max: 100 },
  nameEn: { max: 200 },
  contactName: { max: 40 },
} as const;

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export function emptyOrganisationForm(): OrganisationForm {
  return {
    name: '',
    nameEn: '',
    creditCode: '',
    type: '',
    districtCode: '',
    budgetUnit: false,
    hasCanteen: false,
    contactName: '',
    contactMobile: '',
  };
}

/** The form filled in from the organisation; an English name the API copied from the Chinese one shows empty. */
export function formFromOrganisation(organisation: MyOrganisation): OrganisationForm {
  return {
    name: organisation.name,
    nameEn: organisation.nameEn === organisation.name ? '' : organisation.nameEn,
    creditCode: organisation.creditCode,
    type: organisation.type,
    districtCode: organisation.districtCode,
    budgetUnit: organisation.budgetUnit,
    hasCanteen: organisation.hasCanteen,
    contactName: organisation.contactName,
    contactMobile: organisation.contactMobile,
  };
}

/** The credit code's problem in words the form shows, or null. */
export function creditCodeError(typed: string): FieldError | null {
  const code = normaliseCreditCode(typed);
  if (code === '') return { key: 'required' };
  const problem = creditCodeProblem(code);
  if (problem?.kind === 'characters') return { key: 'creditCodeCharacters' };
  if (problem?.kind === 'length') return { key: 'creditCodeLength', params: { length: problem.length } };
  if (problem?.kind === 'checkChar') return { key: 'creditCodeCheck', params: { expected: problem.expected, actual: problem.actual } };
  return null;
}

function textError(value: string, limits: { min?: number; max: number }, required: boolean): FieldError | null {
  const length = [...value.trim()].length;
  if (length === 0) return required ? { key: 'required' } : null;
  if (limits.min !== undefined && length < limits.min) return { key: 'tooShort', params: { min: limits.min } };
  if (length > limits.max) return { key: 'tooLong', params: { max: limits.max } };
  return null;
}

/** Every problem of the form by field; fields that `locked` keeps are not checked (they are not sent). */
export function organisationFormErrors(form: OrganisationForm, locked = false): Partial<Record<OrganisationField, FieldError>> {
  const mobile = form.contactMobile.trim();
  const errors: Partial<Record<OrganisationField, FieldError | null>> = {
    name: textError(form.name, LIMITS.name, true),
    nameEn: textError(form.nameEn, LIMITS.nameEn, false),
    creditCode: creditCodeError(form.creditCode),
    type: form.type === '' ? { key: 'chooseOne' } : null,
    districtCode: form.districtCode === '' ? { key: 'chooseOne' } : null,
    contactName: textError(form.contactName, LIMITS.contactName, true),
    contactMobile: mobile === '' ? { key: 'required' } : isMainlandMobile(mobile) ? null : { key: 'mobileInvalid' },
  };
  return Object.fromEntries(
    Object.entries(errors).filter(([field, error]) => error && !(locked && VERIFIED_FIELDS.includes(field as OrganisationField))),
  ) as Partial<Record<OrganisationField, FieldError>>;
}

/** What `POST /api/org` takes; an empty English name is left out, so the API uses the Chinese one. */
export function toRegisterBody(form: OrganisationForm): RegisterOrganisationBody {
  const nameEn = form.nameEn.trim();
  return {
    name: form.name.trim(),
    ...(nameEn ? { nameEn } : {}),
    creditCode: normaliseCreditCode(form.creditCode),
    type: form.type as OrganisationType,
    districtCode: form.districtCode,
    budgetUnit: form.budgetUnit,
    hasCanteen: form.hasCanteen,
    contactName: form.contactName.trim(),
    contactMobile: form.contactMobile.trim(),
  };
}

/**
 * What `PATCH /api/org` takes: only what changed, and nothing a verified organisation keeps. An empty
 * English name means "as the Chinese one", so renaming a Chinese-only organisation renames both.
 */
export function toUpdateBody(form: OrganisationForm, before: MyOrganisation): UpdateOrganisationBody {
  const wanted = toRegisterBody(form);
  const after = { ...wanted, nameEn: wanted.nameEn ?? wanted.name } satisfies UpdateOrganisationBody;
  const changed = Object.entries(after).filter(([field, value]) => {
    if (before.status === 'VERIFIED' && VERIFIED_FIELDS.includes(field as OrganisationField)) return false;
    return value !== before[field as keyof MyOrganisation];
  });
  return Object.fromEntries(changed) as UpdateOrganisationBody;
}
