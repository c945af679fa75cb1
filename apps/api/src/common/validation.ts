import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ACCEPTED_DAYS, isAcceptedDateTime, isAcceptedDay, isValidCreditCode } from '@qh/domain';
import { getMetadataStorage, ValidateBy, ValidateIf, type ValidationError, type ValidationOptions } from 'class-validator';
import type { FieldProblem } from './app-error';
import { setBounded } from './bounded-map';

/**
 * A field that may be left out but, when sent, must be valid: unlike `@IsOptional()`, which also
 * lets `null` past every other check, straight to a NOT NULL column or a `.trim()`. Fields that
 * take `null` on purpose (to clear a value) keep `@IsOptional()` and say `nullable` in their docs.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** A real calendar day, `YYYY-MM-DD`, within the days the API takes (see ACCEPTED_DAYS). */
export function IsDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDay',
      validator: {
        validate: (value) => typeof value === 'string' && isAcceptedDay(value),
        defaultMessage: (args) => `${args?.property} must be a real day like 2026-01-01, from ${ACCEPTED_DAYS.from} to ${ACCEPTED_DAYS.to}`,
      },
    },
    options,
  );
}

/** An instant written as RFC 3339 with its offset, e.g. 2027-04-10T08:00:00+08:00, on an accepted day. */
export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTime',
      validator: {
        validate: (value) => typeof value === 'string' && isAcceptedDateTime(value),
        defaultMessage: (args) =>
          `${args?.property} must be a date and time with its offset, like 2027-04-10T08:00:00+08:00, from ${ACCEPTED_DAYS.from} to ${ACCEPTED_DAYS.to}`,
      },
    },
    options,
  );
}

/** A unified social credit code (统一社会信用代码) whose check character matches its other 17. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCreditCode',
      validator: {
        validate: (value) => typeof value === 'string' && isValidCreditCode(value),
        defaultMessage: (args) => `${args?.property} must be an 18-character unified social credit code with a matching check character`,
      },
    },
    options,
  );
}

/** The class-validator storages whose lookups keepValidationRules keeps: one, set once however many apps a process creates. */
const rulesKept = new WeakSet<object>();

type ValidationRules = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>;

/**
 * class-validator looks a class's rules up again on every validation, walking every class it knows
 * to find the ones the class inherits: a twentieth of the API's time on a filtered product list. Rules are
 * declared by decorators as their classes load, all of them before a class is first validated, so
 * each class's lookup is kept. Lookups with groups or other options than the global pipe's (none
 * here) are made as before.
 */
export function keepValidationRules(): void {
  const storage = getMetadataStorage();
  if (rulesKept.has(storage)) return;
  rulesKept.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const kept = new Map<unknown, ValidationRules>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || always || strictGroups || groups?.length) return lookUp(target, schema, always, strictGroups, groups);
    let rules = kept.get(target);
    if (!rules) kept.set(target, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

/** The query classes marked KeptQuery. */
const keptQueries = new WeakSet<object>();

/**
 * On a query class whose validated answer depends on the query string alone: no field set from the
 * clock or anything else at request time. The global pipe (QueryKeepingValidationPipe) validates
 * each query of it once and hands out copies after.
 */
export function KeptQuery(): ClassDecorator {
  return (target) => void keptQueries.add(target);
}

/** Validated queries kept per class; the oldest goes first beyond this. */
const MAX_KEPT_QUERIES = 1000;

/**
 * The global ValidationPipe, which keeps the answers to the queries of KeptQuery classes by their
 * text. Validating a product list's query was a tenth of the API's time on the list (class-transformer
 * and class-validator walk the class's rules on every request), and the shop's lists are asked for
 * with few distinct queries. An invalid query is refused every time, never kept; an answer with
 * anything but plain values in it is not kept either, as its copies would share them.
 */
export class QueryKeepingValidationPipe extends ValidationPipe {
  private readonly kept = new Map<object, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'query' || !type || !keptQueries.has(type)) return super.transform(value, metadata);
    const text = JSON.stringify(value);
    let answers = this.kept.get(type);
    if (!answers) this.kept.set(type, (answers = new Map()));
    let answer = answers.get(text);
    if (!answer) {
      answer = (await super.transform(value, metadata)) as object;
      if (!Object.values(answer).every((field) => field === null || typeof field !== 'object')) return answer;
      setBounded(answers, text, answer, MAX_KEPT_QUERIES);
    }
    // A copy: a handler may change its query, and the kept answer is everyone's.
    return Object.assign(Object.create(Object.getPrototypeOf(answer) as object), answer);
  }
}

/** class-validator's errors as the API reports them: one entry per field, nested fields as dotted paths. */
export function validationDetails(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints), rules: Object.keys(error.constraints) }] : [];
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}
