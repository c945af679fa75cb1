import { AppError } from './app-error';
import { checkRequestInput, jsonShapeProblem, MAX_JSON_DEPTH, unstorableField } from './input-guards';

const nested = (levels: number) => JSON.parse('{"a":'.repeat(levels) + '1' + '}'.repeat(levels)) as unknown;
const refusal = (request: { params?: unknown; query?: unknown; body?: unknown }) => {
  try {
    checkRequestInput({ params: {}, query: {}, body: undefined, ...request });
    return null;
  } catch (error) {
    return error instanceof AppError ? { code: error.code, details: error.details } : error;
  }
};

describe(jsonShapeProblem.name, () => {
  it('takes a body nested as deep as the limit and refuses one level more, without recursing', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested more than 32 levels/);
    expect(jsonShapeProblem(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toMatch(/nested/);
  });

  it('refuses a body with more values than any request needs', () => {
    expect(jsonShapeProblem({ lines: Array(10_000).fill({ quantity: 1 }) })).toBeNull();
    expect(jsonShapeProblem({ lines: Array(60_000).fill(0) })).toMatch(/more than 50000 values/);
  });
});

describe(unstorableField.name, () => {
  it('names the first field holding NUL or an unpaired surrogate, and passes well-formed text', () => {
    expect(unstorableField({ title: '玛瑙红樱桃 🍒', tags: ['a\nb'] }, '')).toBeNull();
    expect(unstorableField({ address: { name: 'a\u0000b' } }, '')).toBe('address.name');
    expect(unstorableField({ variants: [{ labelZh: 'ok' }, { labelZh: '\ud800' }] }, '')).toBe('variants.1.labelZh');
    expect(unstorableField({ note: 'x\udc00' }, '')).toBe('note');
  });

  it('checks keys too, without echoing the character back', () => {
    expect(unstorableField({ 'a\u0000': 1 }, '')).toBe('a\ufffd');
  });
});

describe(checkRequestInput.name, () => {
  it('refuses unstorable text in the path, the query or the body with VALIDATION_FAILED naming the field', () => {
    expect(refusal({ params: { id: '\u0000' } })).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'id', problems: [expect.any(String)] }],
    });
    expect(refusal({ query: { cursor: 'x\u0000' } })).toMatchObject({ details: [{ field: 'cursor' }] });
    expect(refusal({ query: { q: ['ok', '\ud800'] } })).toMatchObject({ details: [{ field: 'q.1' }] });
    expect(refusal({ body: { email: 'a\ud800@example.cn' } })).toMatchObject({ details: [{ field: 'email' }] });
    expect(refusal({ body: '\u0000' })).toMatchObject({ details: [{ field: 'body' }] });
  });

  it('refuses a body too deep for validation with JSON_TOO_COMPLEX, and lets ordinary requests through', () => {
    expect(refusal({ body: nested(10_000) })).toMatchObject({ code: 'JSON_TOO_COMPLEX' });
    expect(refusal({ params: { id: '5b0f3c3e-7d1a-4c6e-9f20-3a8b1c2d4e5f' }, query: { q: '樱桃' }, body: { quantity: 2 } })).toBeNull();
    expect(refusal({ body: Buffer.from([0]) })).toBeNull();
  });
});
