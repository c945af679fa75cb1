import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { map, Observable } from 'rxjs';

const MAX_AGE_SECONDS = 30;

/**
 * Public GETs: a weak ETag over the body and a short shared cache lifetime; a matching
 * If-None-Match gets 304 without the body.
 */
@Injectable()
export class HttpCacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        // Serialized once here and sent as is, rather than hashed here and serialized again by the framework.
        const json = JSON.stringify(body);
        const etag = `W/"${createHash('sha1').update(json).digest('base64url')}"`;
        reply.header('ETag', etag);
        reply.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
        const given = request.headers['if-none-match'];
        if (given && given.split(',').some((tag) => tag.trim() === etag)) {
          reply.status(304);
          return undefined;
        }
        reply.type('application/json; charset=utf-8');
        return json;
      }),
    );
  }
}
