import type { MessageKey } from '../i18n';

/** The rules the API names in a field problem (`details[].rules`) that the shop words itself. */
const WORDED_RULES = [
  'isNotEmpty',
  'isDefined',
  'isString',
  'isInt',
  'isIn',
  'min',
  'max',
  'length',
  'minLength',
  'maxLength',
  'matches',
  'residentId',
  'registered',
  'duplicate',
  'taken',
  'codeFormat',
  'notBeforeRegistered',
  'isCreditCode',
  'isEmail',
  'isBoolean',
  'arrayMinSize',
  'unique',
  'priceBreaks',
] as const;

/**
 * What is wrong with a field, in the reader's language: the API's `problems` are English for
 * developers, so the shop words each broken rule itself, and a rule it does not know as "not valid".
 */
export function problemKeys(problem: { rules?: string[] }): MessageKey[] {
  const rules = problem.rules?.length ? problem.rules : ['invalid'];
  const keys = rules.map((rule) =>
    (WORDED_RULES as readonly string[]).includes(rule) ? (`validation.${rule}` as MessageKey) : ('validation.invalid' as MessageKey),
  );
  return [...new Set(keys)];
}
