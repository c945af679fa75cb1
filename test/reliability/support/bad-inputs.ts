import type { ApiDocument, Operation, Schema } from './openapi';
import { resolve } from './openapi';
import type { RawRequest } from './raw-http';

/** One request of the fuzz, named by the kind of bad input and where it was put. */
export interface FuzzCase {
  /** The kind of input, e.g. `field: null` or `query: crafted cursor`; failures are grouped by it. */
  kind: string;
  /** Where it went: a body field (`address.mobile`), a parameter, or the whole body. */
  target: string;
  request: RawRequest;
  /** Sent this many times at once (a race of identical requests), else once. */
  copies?: number;
}

export interface FuzzContext {
  doc: ApiDocument;
  /** A real value for a path parameter, so that the request reaches the code behind "not found". */
  pathValue(path: string, name: string): string;
  /** Real values for body fields by name (ids of things that exist). */
  knownFields: Record<string, unknown>;
  /** A fresh, deterministic Idempotency-Key. */
  nextKey(): string;
}

const NOWHERE_UUID = '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f';
const DAY_LIKE = /^\d{4}-\d{2}-\d{2}$/;
const JSON_TYPE = { 'content-type': 'application/json' };

/** Days that look right to a pattern but are none, or are out of any sane range, and shapes that only ISO 8601 accepts. */
export const IMPOSSIBLE_DAYS = [
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-02-29',
  '2026-04-31',
  '2026-W01-1',
  '2026-13-01',
  '2026-001',
];
export const IMPOSSIBLE_DATE_TIMES = [
  '2026-W01-1',
  '2026-W01-1T10:00:00Z',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01T10:00:00+25:00',
  '2026',
  '2026-001T00:00:00Z',
];
const BAD_UUIDS = ['not-a-uuid', '------------------------------------', '00000000-0000-0000-0000-00000000000g', '0', `${NOWHERE_UUID}0`];
/** Strings that break encodings: NUL, which PostgreSQL text cannot hold, and lone UTF-16 surrogates, which UTF-8 cannot. */
const POISON_STRINGS: [string, string][] = [
  ['NUL', '\u0000'],
  ['NUL inside', 'ab\u0000cd'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', 'ab\udfffcd'],
];
const ODD_STRINGS: [string, string][] = [
  ['empty string', ''],
  ['blank string', '   '],
  ['very long string', 'x'.repeat(10_000)],
  ['long CJK string', '樱'.repeat(3_000)],
  ['quote and backslash', `'"\\;--`],
];
const ODD_NUMBERS: [string, number][] = [
  ['huge number', 1e308],
  ['beyond int32', 2_147_483_648],
  ['beyond safe integer', 2 ** 53 + 2],
  ['negative number', -1],
  ['zero', 0],
  ['fractional number', 1.5],
  ['tiny fraction', 1e-7],
];

/** Crafted keyset cursors: base64url JSON of [order, key, id] whose key or id does not fit the order's key type. */
const CURSOR_ORDERS = ['relevance', 'newest', 'price_asc', 'price_desc', 'created', 'queue', 'orders', 'fulfillments', 'households'];
const CURSOR_KEYS = [
  'abc',
  'not-a-time',
  '\u0000',
  '\ud800',
  '99999999999',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '1e999',
  '2026-02-30T00:00:00.000000Z',
  '0000-01-01T00:00:00.000000Z',
  'NY-000001',
];
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export function craftedCursors(): [string, string][] {
  const cursors: [string, string][] = [
    ['not base64', 'not a cursor!'],
    ['base64 of an object', cursorOf({ order: 'newest' })],
    ['base64 of null', cursorOf(null)],
    ['base64 of a short array', cursorOf(['newest'])],
    ['base64 of numbers', cursorOf([1, 2, 3])],
    ['base64 of non-JSON', Buffer.from('[newest, x').toString('base64url')],
  ];
  for (const order of CURSOR_ORDERS) {
    for (const key of CURSOR_KEYS) cursors.push([`${order} with key ${JSON.stringify(key)}`, cursorOf([order, key, NOWHERE_UUID])]);
    cursors.push([`${order} with a dashes id`, cursorOf([order, '2026-01-01T00:00:00.000000Z', '------------------------------------'])]);
    cursors.push([`${order} with a NUL id`, cursorOf([order, '1', `${NOWHERE_UUID.slice(0, 35)}\u0000`])]);
  }
  return cursors;
}

/** A value that satisfies `schema` as far as the document tells, preferring real ids by field name. */
export function sampleOf(doc: ApiDocument, raw: Schema, name: string, known: Record<string, unknown>, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (name in known) return known[name];
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.type === 'array') {
    return depth > 4
      ? []
      : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(doc, schema.items ?? {}, name, known, depth + 1));
  }
  if (schema.type === 'object' || schema.properties) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => [field, sampleOf(doc, fieldSchema, field, known, depth + 1)]),
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (schema.type === 'boolean') return true;
  if (schema.format === 'uuid' || /Id$/.test(name)) return NOWHERE_UUID;
  if (schema.format === 'date') return '2027-01-01';
  if (schema.format === 'date-time') return '2027-01-01T00:00:00Z';
  const length = Math.min(Math.max(schema.minLength ?? 0, 4), schema.maxLength ?? 4);
  return 'abcd'.slice(0, length);
}

interface Field {
  /** Dotted path, array items as `0`. */
  path: string[];
  name: string;
  schema: Schema;
}

function fieldsOf(doc: ApiDocument, schema: Schema, prefix: string[] = [], depth = 0): Field[] {
  if (depth > 3) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, raw]) => {
    const own = resolve(doc, raw);
    const path = [...prefix, name];
    const nested =
      own.type === 'array' && own.items
        ? fieldsOf(doc, resolve(doc, own.items), [...path, '0'], depth + 1)
        : own.properties
          ? fieldsOf(doc, own, path, depth + 1)
          : [];
    return [{ path, name, schema: own }, ...nested];
  });
}

/** The bad values for one field: every field gets the common ones, then those of its type and format. */
function badValuesOf(field: Field): [string, unknown][] {
  const { schema, name } = field;
  const values: [string, unknown][] = [
    ['null', null],
    ['array for a scalar or object', [1, 'a']],
    ['object for a scalar', { nested: { deeper: true } }],
  ];
  const isString = schema.type === 'string' || (!schema.type && !schema.properties);
  if (schema.type === 'object' || schema.properties) values.push(['string for an object', 'x'], ['array of objects for an object', [{}]]);
  if (schema.type === 'array')
    values.push(['object for an array', { 0: 'a' }], ['array of nulls', [null]], ['long array', Array(5_000).fill(1)]);
  if (schema.type === 'number' || schema.type === 'integer') {
    values.push(['string for a number', '12'], ['boolean for a number', true], ...ODD_NUMBERS);
  }
  if (schema.type === 'boolean') values.push(['string for a boolean', 'true'], ['number for a boolean', 1]);
  if (isString) {
    values.push(['number for a string', 12345], ['boolean for a string', false], ...ODD_STRINGS, ...POISON_STRINGS);
    if (schema.enum)
      values.push(['value outside the enum', 'NOT_IN_ENUM'], ['enum value in lower case', String(schema.enum[0]).toLowerCase()]);
    if (schema.format === 'uuid' || /Id$/.test(name)) values.push(...BAD_UUIDS.map((uuid): [string, unknown] => ['bad uuid', uuid]));
    if (schema.format === 'date' || DAY_LIKE.test(String(schema.example ?? '')) || /^(from|to|valid\w*|\w+On)$/.test(name)) {
      values.push(...IMPOSSIBLE_DAYS.map((day): [string, unknown] => ['impossible day', day]));
    }
    if (schema.format === 'date-time' || /At$/.test(name)) {
      values.push(...IMPOSSIBLE_DATE_TIMES.map((at): [string, unknown] => ['impossible date-time', at]));
    }
    if (/email/i.test(name)) values.push(['email with a lone surrogate', 'a\ud800@example.cn'], ['email with NUL', 'a\u0000@example.cn']);
  }
  return values;
}

function setPath(target: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(target) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    if (node[step] === null || typeof node[step] !== 'object') node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Percent-encodes a query or path value; raw escapes (`%00`, `%ED%A0%80`) are added to a URL unencoded instead. */
const encode = (value: string) => encodeURIComponent(value);

/** Every fuzz case for one operation, in a fixed order. */
export function fuzzCases(operation: Operation, context: FuzzContext): FuzzCase[] {
  const { doc } = context;
  const cases: FuzzCase[] = [];
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');

  const realPath = (overrides: Record<string, string> = {}) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? encode(context.pathValue(operation.path, name)));
  const baseQuery = (): Record<string, string> =>
    Object.fromEntries(
      queryParams.filter((p) => p.required).map((p) => [p.name, String(sampleOf(doc, p.schema ?? {}, p.name, context.knownFields))]),
    );
  const queryString = (query: Record<string, string | string[]>, raw: Record<string, string> = {}) => {
    const parts = Object.entries(query).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${encode(name)}=${encode(v)}`),
    );
    parts.push(...Object.entries(raw).map(([name, value]) => `${encode(name)}=${value}`));
    return parts.length ? `?${parts.join('&')}` : '';
  };
  const headers = (): Record<string, string> =>
    Object.fromEntries(
      headerParams
        .filter((p) => p.required)
        .map((p) => [p.name.toLowerCase(), p.name.toLowerCase() === 'idempotency-key' ? context.nextKey() : 'fuzz']),
    );
  const hasJsonBody = operation.bodyTypes.includes('application/json');
  const baseBody = operation.bodySchema ? sampleOf(doc, operation.bodySchema, '', context.knownFields) : undefined;
  const add = (kind: string, target: string, request: Partial<RawRequest>, copies?: number) =>
    cases.push({
      kind,
      target,
      copies,
      request: {
        method: operation.method,
        path: request.path ?? realPath() + queryString(baseQuery()),
        headers: { ...headers(), ...request.headers },
        body: request.body,
      },
    });
  const json = (value: unknown) => ({ headers: JSON_TYPE, body: JSON.stringify(value) });

  // The whole body, for every operation: those without a body must refuse or ignore one just as safely.
  add('body: none', 'body', {});
  add('body: empty with a JSON content type', 'body', { headers: JSON_TYPE, body: '' });
  add('body: invalid JSON', 'body', { headers: JSON_TYPE, body: '{"a":' });
  add('body: JSON null', 'body', { headers: JSON_TYPE, body: 'null' });
  add('body: JSON array', 'body', json([baseBody ?? {}]));
  add('body: JSON string', 'body', json('x'));
  add('body: JSON number', 'body', { headers: JSON_TYPE, body: '1e999' });
  add('body: empty object', 'body', json({}));
  add('body: unknown field', 'body', json({ ...(baseBody as object), zzUnknownField: 1 }));
  add('body: __proto__ key', 'body', { headers: JSON_TYPE, body: '{"__proto__":{"isAdmin":true}}' });
  add('body: 10,000-level nested arrays', 'body', { headers: JSON_TYPE, body: deepArray(10_000) });
  add('body: 10,000-level nested objects', 'body', { headers: JSON_TYPE, body: deepObject(10_000) });
  add('body: 100-level nested field', 'body', {
    headers: JSON_TYPE,
    body: JSON.stringify({ ...(baseBody as object), zz: null }).replace('null', deepObject(100)),
  });
  add('body: 60,000 values', 'body', json({ ...(baseBody as object), zz: Array(60_000).fill(0) }));
  add('body: over the 1 MiB limit', 'body', json({ ...(baseBody as object), zz: 'x'.repeat(1_100_000) }));
  add('content type: text/plain', 'body', { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(baseBody ?? {}) });
  add('content type: multipart without a boundary', 'body', { headers: { 'content-type': 'multipart/form-data' }, body: 'abc' });
  add('content type: form-urlencoded', 'body', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&a=2&b' });
  add('content type: unknown', 'body', { headers: { 'content-type': 'application/x-fuzz' }, body: 'abc' });
  add('content type: JSON in UTF-16', 'body', {
    headers: { 'content-type': 'application/json; charset=utf-16le' },
    body: Buffer.from('{"a":1}', 'utf16le'),
  });
  const boundary = 'fuzzboundary';
  const part = (name: string, filename: string | null, type: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
  const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  add('multipart: a text file', 'body', {
    headers: multipart,
    body: `${part('file', 'a.csv', 'text/csv', 'a,b\n1,2')}--${boundary}--\r\n`,
  });
  add('multipart: an image field with text', 'body', {
    headers: multipart,
    body: `${part('image', 'a.png', 'image/png', 'nope')}--${boundary}--\r\n`,
  });
  add('multipart: a field, no file', 'body', { headers: multipart, body: `${part('file', null, 'text/plain', 'x')}--${boundary}--\r\n` });
  add('multipart: cut off', 'body', {
    headers: multipart,
    body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc`,
  });
  add('multipart: empty', 'body', { headers: multipart, body: '' });
  add('multipart: NUL in the file name', 'body', {
    headers: multipart,
    body: `${part('file', 'a\u0000.csv', 'text/csv', 'a')}--${boundary}--\r\n`,
  });

  // Each field of a JSON body, one at a time, in an otherwise valid-looking body; and alone when nothing is required.
  if (hasJsonBody && operation.bodySchema) {
    const alone = !(operation.bodySchema.required ?? []).length;
    for (const field of fieldsOf(doc, operation.bodySchema)) {
      const target = field.path.join('.');
      add('field: missing', target, json(setPath(baseBody, field.path, undefined, true)));
      for (const [kind, value] of badValuesOf(field)) {
        add(`field: ${kind}`, target, json(setPath(baseBody, field.path, value)));
        if (alone && field.path.length === 1) add(`field alone: ${kind}`, target, json({ [field.name]: value }));
      }
    }
  }

  // Query parameters, one at a time.
  const query = baseQuery();
  add('query: unknown parameter', 'zzUnknown', { path: realPath() + queryString({ ...query, zzUnknown: '1' }) });
  if (queryParams.some((p) => p.required)) add('query: required ones missing', 'query', { path: realPath() });
  for (const param of queryParams) {
    const schema = resolve(doc, param.schema ?? {});
    const values: [string, string][] = [
      ['empty', ''],
      ['very long', 'x'.repeat(3_000)],
      ['blank', ' '],
      ['number', '-1.5e308'],
      ['quote', `'"\\;--`],
    ];
    const raw: [string, string][] = [
      ['NUL', '%00'],
      ['NUL inside', 'ab%00cd'],
      ['lone surrogate (CESU-8)', '%ED%A0%80'],
      ['broken escape', '%E4%B8'],
      ['bare percent', '%'],
      ['non-standard %u escape', '%uD800'],
    ];
    if (schema.type === 'number' || schema.type === 'integer') {
      values.push(
        ['not a number', 'abc'],
        ['zero', '0'],
        ['negative', '-1'],
        ['fraction', '1.5'],
        ['huge', '1e308'],
        ['beyond int64', '99999999999999999999'],
        ['hex', '0x1A'],
        ['Infinity', 'Infinity'],
        ['NaN', 'NaN'],
        ['spaced', ' 1'],
      );
    }
    if (schema.enum) values.push(['outside the enum', 'NOT_IN_ENUM'], ['lower case', String(schema.enum[0]).toLowerCase()]);
    if (schema.format === 'uuid' || /Id$|^cooperative$/.test(param.name))
      values.push(...BAD_UUIDS.map((v): [string, string] => ['bad uuid', v]));
    if (/^(from|to)$/.test(param.name) || DAY_LIKE.test(String(schema.example ?? ''))) {
      values.push(...IMPOSSIBLE_DAYS.map((day): [string, string] => ['impossible day', day]));
    }
    if (param.name === 'cursor')
      values.push(...craftedCursors().map(([kind, cursor]): [string, string] => [`crafted cursor: ${kind}`, cursor]));
    for (const [kind, value] of values) {
      const next: Record<string, string> = { ...query, [param.name]: value };
      // A cursor only gets past its order check with the sort it was made for.
      const order = kind.startsWith('crafted cursor: ') ? kind.slice('crafted cursor: '.length).split(' ')[0] : undefined;
      for (const other of queryParams) {
        const otherSchema = resolve(doc, other.schema ?? {});
        if (order && other !== param && otherSchema.enum?.includes(order)) next[other.name] = order;
      }
      if (order === 'relevance' && queryParams.some((p) => p.name === 'q')) next.q = 'yingtao';
      add(`query: ${kind.startsWith('crafted cursor') ? 'crafted cursor' : kind}`, `${param.name}${order ? ` (${kind})` : ''}`, {
        path: realPath() + queryString(next),
      });
    }
    for (const [kind, value] of raw) add(`query: ${kind}`, param.name, { path: realPath() + queryString(query, { [param.name]: value }) });
    add('query: repeated', param.name, { path: realPath() + queryString({ ...query, [param.name]: ['1', '2'] }) });
  }
  if (queryParams.some((p) => p.name === 'q') && queryParams.some((p) => p.name === 'sort')) {
    const sort = resolve(doc, queryParams.find((p) => p.name === 'sort')!.schema ?? {});
    for (const order of (sort.enum ?? []) as string[]) {
      add('query: search with a sort', `q + sort=${order}`, { path: realPath() + queryString({ ...query, q: 'yingtao', sort: order }) });
    }
  }

  // Path parameters: invalid ones, and the URL itself far too long.
  for (const param of pathParams) {
    const values: [string, string][] = [
      ['not a uuid', 'not-a-uuid'],
      ['nil uuid', '00000000-0000-0000-0000-000000000000'],
      ['dashes', '------------------------------------'],
      ['NUL', '%00'],
      ['NUL after a real value', `${encode(context.pathValue(operation.path, param.name))}%00`],
      ['lone surrogate (CESU-8)', '%ED%A0%80'],
      ['broken escape', '%E4%B8'],
      ['negative', '-1'],
      ['fraction', '1.5'],
      ['very long', 'x'.repeat(3_000)],
      ['encoded slash', 'a%2Fb'],
      ['dot dot', '%2e%2e'],
      ['upper-case real value', encode(context.pathValue(operation.path, param.name).toUpperCase())],
      ['order number shape', 'QH20260230-000001'],
    ];
    for (const [kind, value] of values) {
      add(`path: ${kind}`, param.name, {
        path: realPath({ [param.name]: value }) + queryString(query),
        ...(baseBody === undefined ? {} : json(baseBody)),
      });
    }
  }
  add('url: over 20 KB', 'url', { path: realPath() + queryString({ ...query, zz: 'x'.repeat(20_000) }) });

  // Required headers.
  for (const param of headerParams) {
    for (const [kind, value] of [
      ['missing', undefined],
      ['empty', ''],
      ['too short', 'abc'],
      ['too long', 'k'.repeat(300)],
      ['odd characters', 'key with spaces!'],
    ] as [string, string | undefined][]) {
      const own = headers();
      if (value === undefined) delete own[param.name.toLowerCase()];
      else own[param.name.toLowerCase()] = value;
      cases.push({
        kind: `header: ${kind}`,
        target: param.name,
        request: {
          method: operation.method,
          path: realPath() + queryString(query),
          headers: { ...own, ...JSON_TYPE },
          body: JSON.stringify(baseBody ?? {}),
        },
      });
    }
  }

  // Last, as the one input that may succeed and so change what the others reach (an order placed
  // empties the cart): a write sent four times at once, which only the database can serialize.
  if (operation.method !== 'GET' && hasJsonBody) add('body: valid-looking, 4 at once', 'body', json(baseBody), 4);
  else add('body: valid-looking', 'body', baseBody === undefined ? {} : json(baseBody));
  return cases;
}
