import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** Deeper than any request of this API: class-transformer and class-validator recurse once per level. */
export const MAX_JSON_DEPTH = 32;
/** Far more values than any request holds, far fewer than the 1 MiB body limit allows (~500,000). */
export const MAX_JSON_VALUES = 50_000;

/**
 * NUL cannot be stored in PostgreSQL text, and a UTF-16 surrogate without its pair cannot be
 * encoded as UTF-8 (PostgreSQL refuses it inside json, encodeURIComponent throws on it).
 */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Why a parsed JSON body is refused before validation walks it, or null. Iterative: the body may be nested 10,000 levels. */
export function jsonShapeProblem(body: unknown, limits = { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_JSON_VALUES }): string | null {
  const pending: [unknown, number][] = [[body, 1]];
  let values = 0;
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    values += 1;
    if (values > limits.maxValues) return `The request body holds more than ${limits.maxValues} values.`;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) return `The request body is nested more than ${limits.maxDepth} levels deep.`;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return null;
}

/**
 * The dotted path of the first string (or object key) in `value` that cannot be stored, or null.
 * Keys are shown with the offending characters replaced, so the answer never carries them back.
 */
export function unstorableField(value: unknown, prefix: string): string | null {
  const pending: [unknown, string][] = [[value, prefix]];
  while (pending.length) {
    const [node, path] = pending.pop()!;
    if (typeof node === 'string') {
      if (!isStorableText(node)) return path;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return childPath.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd');
        pending.push([child, childPath]);
      }
    }
  }
  return null;
}

/** One rule for every request: JSON bodies of a sane shape, and no unstorable text in the path, the query or the body. */
export function checkRequestInput(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): void {
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const problem = jsonShapeProblem(body);
    if (problem) throw new AppError('JSON_TOO_COMPLEX', problem);
  }
  for (const value of [request.params, request.query, Buffer.isBuffer(body) ? undefined : body]) {
    const field = unstorableField(value, '');
    if (field !== null) {
      const name = field || 'body';
      throw new AppError('VALIDATION_FAILED', `${name} contains NUL or an unpaired UTF-16 surrogate, which cannot be stored`, [
        { field: name, problems: ['must not contain NUL (\\u0000) or unpaired UTF-16 surrogates'] },
      ]);
    }
  }
}

/**
 * No route takes an HTML form's body. Refused before it is read, a form on another site cannot post
 * on a visitor's behalf (sign the visitor into the sender's account, say): the bodies this API reads
 * are JSON, which another origin may send only if CORS allows it, and multipart on the upload routes.
 */
export function isFormPost(contentType: string | undefined): boolean {
  return /^\s*application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
}

/** Runs the checks after the body is parsed and before any guard, pipe or handler sees the request. */
export function registerInputGuards(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (isFormPost(request.headers['content-type'])) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).');
    }
  });
  fastify.addHook('preValidation', async (request) => checkRequestInput(request));
}
