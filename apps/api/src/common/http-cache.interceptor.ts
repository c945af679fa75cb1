import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { hash } from 'node:crypto';
import { Observable, tap } from 'rxjs';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { setBounded } from './bounded-map';

const MAX_AGE_SECONDS = 30;
const MAX_ENTRIES = 1000;
const JSON_TYPE = 'application/json; charset=utf-8';

interface CachedAnswer {
  /** The answer as sent: UTF-8 JSON, turned from the framework's string once, for its hash and every send. */
  body: Buffer;
  etag: string;
  expiresAt: number;
}

/** What a route that keeps its answers (CachedAnswers) says in its fastify route config. */
interface CachedAnswersConfig {
  cachedAnswers?: boolean;
}

/**
 * On a public GET: a weak ETag over the body and a short shared cache lifetime; a matching
 * If-None-Match gets 304 without the body. The answer is also kept in the ResponseCache. Done in a
 * fastify hook on the body as the framework serialized it (ResponseCache.serveFrom), not in a Nest
 * interceptor, whose pipeline cost an uncached catalog answer more than the hash.
 */
export const CachedAnswers = () => RouteConfig({ cachedAnswers: true } satisfies CachedAnswersConfig);

/**
 * Public catalog answers, kept briefly in this process by URL. A busy shop asks for the same first
 * pages over and over; answering those without the framework pipeline or a database round trip is
 * what lets one small machine serve them. Bounded in size and time, and cleared by every catalog write.
 */
@Injectable()
export class ResponseCache {
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly ttlMs: number;

  constructor(@InjectConfig() config: AppConfig) {
    this.ttlMs = config.catalogCacheSeconds * 1000;
  }

  get(url: string): CachedAnswer | undefined {
    const answer = this.answers.get(url);
    if (answer && answer.expiresAt > Date.now()) return answer;
    if (answer) this.answers.delete(url);
    return undefined;
  }

  set(url: string, body: Buffer, etag: string): void {
    if (this.ttlMs === 0) return;
    setBounded(this.answers, url, { body, etag, expiresAt: Date.now() + this.ttlMs }, MAX_ENTRIES);
  }

  clear(): void {
    this.answers.clear();
  }

  /**
   * Answers cached URLs before routing; everything else goes on to the app, and the successful
   * answers of routes marked CachedAnswers are kept on their way out. Register after helmet and CORS
   * so their headers still apply, and before the app's routes (app.init), whose hooks are set as
   * they are added: only the marked routes run the keeping one.
   */
  serveFrom(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET') return;
      const answer = this.get(request.url);
      if (answer) return send(request, reply, answer.body, answer.etag);
    });
    const keep: onSendHookHandler = async (request, reply, payload) => {
      if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      // Sent from the cache (its ETag set already): kept already.
      if (reply.hasHeader('etag')) return payload;
      const body = Buffer.from(payload);
      const etag = `W/"${hash('sha1', body, 'base64url')}"`;
      this.set(request.url, body, etag);
      if (!notModified(request, reply, etag)) return body;
      reply.status(304);
      return null;
    };
    fastify.addHook('onRoute', (route) => {
      if ((route.config as CachedAnswersConfig | undefined)?.cachedAnswers) route.onSend = [...[route.onSend ?? []].flat(), keep];
    });
  }
}

/** Sets the cache headers and tells whether the client already holds this version. */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('ETag', etag);
  reply.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
  const given = request.headers['if-none-match'];
  return given !== undefined && given.split(',').some((tag) => tag.trim() === etag);
}

function send(request: FastifyRequest, reply: FastifyReply, body: Buffer, etag: string): FastifyReply {
  if (notModified(request, reply, etag)) return reply.status(304).send();
  return reply.type(JSON_TYPE).send(body);
}

/** On the controllers that change the catalog: a successful write makes every cached answer stale. */
@Injectable()
export class ClearsCatalogCache implements NestInterceptor {
  constructor(private readonly cache: ResponseCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    return next.handle().pipe(tap(() => method !== 'GET' && this.cache.clear()));
  }
}
