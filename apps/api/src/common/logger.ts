import type { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import type { AppConfig } from '../config/config';

/**
 * Paths that may carry secrets or personal data. Request logs never include bodies; these
 * cover headers and any object a feature logs by mistake.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.idNumber',
  '*.name',
  '*.mobile',
  '*.email',
];

/**
 * Properties of a database error that carry SQL or data: the statement, its parameters (emails,
 * sealed ID numbers…), the driver's copy of it all, and "Key (email)=(…) already exists".
 */
const DATABASE_DETAIL = new Set(['query', 'parameters', 'driverError', 'detail', 'where', 'internalQuery', 'position', 'internalPosition']);
const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_CAUSES = 3;

/**
 * An error as the log may hold it. A database error keeps what says where it failed (SQLSTATE,
 * routine, constraint, table, column) and its stack frames, but not its message, which can quote
 * the value that failed (`invalid input syntax for type uuid: "…"`), nor anything in DATABASE_DETAIL.
 */
export function loggableError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const fromDatabase = SQLSTATE.test(String((error as { code?: unknown }).code ?? ''));
  const safe: Record<string, unknown> = { type: error.constructor?.name ?? error.name };
  for (const [key, value] of Object.entries(error)) {
    if (!DATABASE_DETAIL.has(key) && key !== 'cause' && (value === null || typeof value !== 'object')) safe[key] = value;
  }
  const stack = error.stack ?? '';
  if (fromDatabase)
    safe.stack = stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
  else Object.assign(safe, { message: error.message, stack });
  if (error.cause !== undefined && depth < MAX_CAUSES) safe.cause = loggableError(error.cause, depth + 1);
  return safe;
}

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Pino {
  return pino({
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'api' },
    serializers: { err: loggableError },
  });
}

/** Routes Nest's own log calls into the same structured pino stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context as the last string argument.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const logger = context ? this.root.child({ context }) : this.root;
    if (message !== null && typeof message === 'object') {
      const { msg, ...fields } = message as Record<string, unknown>;
      logger[level](fields, typeof msg === 'string' ? msg : typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : '');
    } else {
      logger[level](String(message));
    }
  }
}
