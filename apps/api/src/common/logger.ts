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

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Pino {
  return pino({ level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'api' } });
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
