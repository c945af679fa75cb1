import { Logger, type LoggerService } from '@nestjs/common';
import { ERROR_STATUS } from '../../apps/api/src/common/app-error';
import { holdsFullIdNumber } from '../support/id-numbers';
import { fuzzCases, type FuzzCase } from './support/bad-inputs';
import { describeOperation, liveDocument, operationsOf, type ApiDocument, type Operation } from './support/openapi';
import { inPool, RawHttp, type RawResponse } from './support/raw-http';
import { ACTORS, buildWorld, realFieldValues, realPathValue, type Actor, type World } from './support/world';

/** Requests in flight at once: the app, its PostgreSQL and this client share two cores. */
const CONCURRENCY = 6;
const ERROR_KEYS = ['statusCode', 'code', 'message', 'requestId', 'details'];
/**
 * Inputs the app deals with before its roles guard (the body's parsing, shape and text, the URL):
 * callers the operation is not open to get these; the rest would only meet the guard's 401 or 403,
 * which the authorization suite checks for every operation and role.
 */
const BEFORE_GUARD = /^(body|content type|multipart|url):|^(query|path): .*(NUL|surrogate|escape|percent)/;
const opensTo = (operation: Operation, actor: Actor) =>
  operation.xPublic === true || (actor !== 'anonymous' && (operation.xRoles ?? []).includes(actor));
/** What must never reach a client: a stack trace, or SQL and its errors. */
const LEAKS: [string, RegExp][] = [
  ['stack trace', / {4}at /],
  ['SQL text', /\bSELECT\b|\bINSERT INTO\b|\bsyntax\b|\brelation "|\bviolates\b|QueryFailedError|duplicate key/],
];

/** What is wrong with one answer, if anything. */
function problemsOf(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push('a 5xx answer');
  if (response.status >= 400) {
    const body = response.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) problems.push('an error that is not a JSON object');
    else {
      const code = body.code as keyof typeof ERROR_STATUS;
      const keys = Object.keys(body);
      if (
        !['statusCode', 'code', 'message', 'requestId'].every((key) => keys.includes(key)) ||
        keys.some((key) => !ERROR_KEYS.includes(key))
      )
        problems.push(`an error with the keys ${keys.join(', ')}`);
      if (!(code in ERROR_STATUS)) problems.push(`an unknown error code ${String(code)}`);
      else if (body.statusCode !== ERROR_STATUS[code] || response.status !== ERROR_STATUS[code])
        problems.push(`status ${response.status} / statusCode ${String(body.statusCode)} for ${code} (${ERROR_STATUS[code]})`);
      if (typeof body.message !== 'string' || typeof body.requestId !== 'string') problems.push('an error without a message or request id');
      const details = body.details as { field?: unknown; problems?: unknown }[] | undefined;
      if (
        details !== undefined &&
        !(Array.isArray(details) && details.every((d) => typeof d.field === 'string' && Array.isArray(d.problems)))
      )
        problems.push('details not shaped [{ field, problems }]');
    }
  }
  for (const [name, pattern] of LEAKS) if (pattern.test(response.text)) problems.push(`${name} in the body`);
  if (holdsFullIdNumber(response.text)) problems.push('a full resident ID number in the body');
  return problems;
}

interface Failure {
  actor: Actor;
  operation: string;
  fuzz: FuzzCase;
  problem: string;
  status: number;
  body: string;
  /** What the server logged for it, when it logged an error. */
  logged?: string;
}

/**
 * Groups failures by their likely cause: what was wrong, the answer's code, and what the server
 * logged (values quoted in it blanked), or else the kind of input; each group lists the operations
 * and inputs that met it and one request to replay.
 */
function report(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    let code = '';
    try {
      code = (JSON.parse(failure.body) as { code?: string }).code ?? '';
    } catch {
      // not JSON: the problem says so
    }
    const cause = failure.logged ? `server logged: ${failure.logged.replace(/"[^"]*"/g, '"…"')}` : failure.fuzz.kind;
    const key = `${failure.problem} | ${failure.status} ${code} | ${cause}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const lines = [`${failures.length} bad answers from ${groups.size} distinct causes:`];
  for (const [key, group] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
    const inputs = new Map<string, Set<string>>();
    for (const failure of group) {
      inputs.set(failure.operation, (inputs.get(failure.operation) ?? new Set()).add(`${failure.fuzz.kind} → ${failure.fuzz.target}`));
    }
    const example = group[0];
    // The report goes to the test log: no full ID number there either, even a made-up one.
    const masked = (text: string) => text.replace(/\d{17}[\dXx]/g, (id) => `${id.slice(0, 4)}**********${id.slice(14)}`);
    const shown = (set: Set<string>) => [...set].slice(0, 4).join('; ') + (set.size > 4 ? `; … (${set.size})` : '');
    lines.push(
      '',
      `● ${key} — ${group.length}×`,
      ...[...inputs].map(([operation, kinds]) => `    ${operation}: ${shown(kinds)}`),
      `    e.g. as ${example.actor}: ${example.fuzz.request.method} ${masked(example.fuzz.request.path.slice(0, 160))}`,
      `         body ${masked(JSON.stringify(String(example.fuzz.request.body ?? '').slice(0, 160)))}`,
      `         → ${example.status} ${masked(example.body.slice(0, 300))}`,
    );
  }
  return lines.join('\n');
}

/** What the log of an error must not hold: the SQL, its parameters, the driver's copy or a row's values. */
const LOG_LEAK = /"(query|parameters|driverError|detail)":|\b(SELECT|INSERT INTO|UPDATE \w+ SET)\b/;

/** Collects what the app's error filter logs, by request id, so a 500 can be told apart from another. */
class CapturingLogger implements LoggerService {
  readonly errors = new Map<string, string>();
  /** Request ids whose error log held SQL, parameters or row values. */
  readonly leaks = new Set<string>();
  log(): void {}
  warn(): void {}
  debug(): void {}
  verbose(): void {}
  error(message: unknown): void {
    const entry = message as { requestId?: string; err?: Record<string, unknown> };
    if (entry?.requestId && entry.err) {
      const err = entry.err;
      const said = [err.type ?? err.name, err.code, err.routine, err.constraint, err.message ?? String(err.stack ?? '').split('\n')[0]];
      this.errors.set(entry.requestId, said.filter(Boolean).join(' ').slice(0, 160));
      let text: string;
      try {
        text = JSON.stringify(entry);
      } catch {
        text = String(Object.keys(err));
      }
      if (LOG_LEAK.test(text)) this.leaks.add(entry.requestId);
    }
  }
}

/**
 * Every operation the running app documents, as every caller, with inputs that break its schema.
 * The inputs come from a fixed generator (support/bad-inputs.ts) over the document and the demo
 * data, chosen by stable keys, so every run sends the same requests and gets the same answers.
 */
describe('fuzz of every operation in the live OpenAPI document', () => {
  let world: World;
  let doc: ApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    world = await buildWorld();
    doc = await liveDocument(world.t.url);
    operations = operationsOf(doc);
  }, 120_000);
  afterAll(() => world?.t.close());

  it('answers schema-violating input from anyone without a 5xx, always with the documented error shape, and leaks nothing', async () => {
    let keys = 0;
    const context = {
      doc,
      pathValue: (path: string, name: string) => realPathValue(world, path, name),
      knownFields: realFieldValues(world),
      nextKey: () => `fuzz-key-${String((keys += 1)).padStart(6, '0')}`,
    };
    // Reads first, then writes with a body, then bare actions (archive, cancel, verify…), which
    // change what the others would reach; each phase in the document's order.
    const phase = (operation: Operation) => (operation.method === 'GET' ? 0 : operation.bodyTypes.length ? 1 : 2);
    const phases: { actor: Actor; operation: Operation; fuzz: FuzzCase }[][] = [[], [], []];
    for (const operation of operations) {
      for (const fuzz of fuzzCases(operation, context)) {
        for (const actor of ACTORS) {
          if (opensTo(operation, actor) || BEFORE_GUARD.test(fuzz.kind)) phases[phase(operation)].push({ actor, operation, fuzz });
        }
      }
    }

    const logger = new CapturingLogger();
    Logger.overrideLogger(logger);
    const http = new RawHttp(world.t.url);
    const byStatus = new Map<string, number>();
    const failures: Failure[] = [];
    const started = Date.now();
    try {
      for (const tasks of phases) {
        await inPool(tasks, CONCURRENCY, async ({ actor, operation, fuzz }) => {
          const headers = { ...fuzz.request.headers };
          if (actor !== 'anonymous') headers.authorization = `Bearer ${world.tokens[actor]}`;
          const copies = Array.from({ length: fuzz.copies ?? 1 }, () => http.send({ ...fuzz.request, headers }));
          for (const outcome of await Promise.allSettled(copies)) {
            const fail = (problem: string, status = 0, body = '', logged?: string) =>
              failures.push({ actor, operation: describeOperation(operation), fuzz, problem, status, body, logged });
            if (outcome.status === 'rejected') {
              byStatus.set('no answer', (byStatus.get('no answer') ?? 0) + 1);
              fail(`no answer (${(outcome.reason as Error).message})`);
              continue;
            }
            const response = outcome.value;
            byStatus.set(String(response.status), (byStatus.get(String(response.status)) ?? 0) + 1);
            const requestId = (response.json as { requestId?: string } | undefined)?.requestId;
            const logged = requestId ? logger.errors.get(requestId) : undefined;
            for (const problem of problemsOf(response)) fail(problem, response.status, response.text, logged);
            if (requestId && logger.leaks.has(requestId))
              fail('SQL or its parameters in the server log', response.status, response.text, logged);
          }
        });
      }
    } finally {
      http.close();
    }
    const seconds = (Date.now() - started) / 1000;
    const sent = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
    const statuses = [...byStatus].sort(([x], [y]) => x.localeCompare(y)).map(([status, n]) => `${status}: ${n}`);
    console.log(
      `fuzz: ${sent} requests to ${operations.length} operations × ${ACTORS.length} callers in ${seconds.toFixed(1)} s` +
        ` (${http.retried} sent again after the server closed a kept-alive connection)\n` +
        `by status: ${statuses.join(', ')}\n` +
        (failures.length ? report(failures) : 'no bad answers'),
    );
    expect(failures.length ? report(failures) : 'no bad answers').toBe('no bad answers');
  });
});
