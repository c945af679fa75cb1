import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { MAX_IMAGE_BYTES, UPLOADS_URL_PREFIX, uploadsDir } from './catalog/product-images';
import { AppError } from './common/app-error';
import { keepValidationRules, QueryKeepingValidationPipe, validationDetails } from './common/validation';
import { toErrorBody } from './common/error.filter';
import { registerInputGuards } from './common/input-guards';
import { clientErrorHandler, frameworkErrors } from './common/transport-errors';
import { ResponseCache } from './common/http-cache.interceptor';
import { PinoNestLogger } from './common/logger';
import { securityHeaders } from './common/security-headers';
import type { AppConfig } from './config/config';
import { inlineScriptHashes, openingPictures, pageReads, storefrontPages, withPreloads } from './storefront-pages';

const REQUEST_ID_PATTERN = /^[\w.-]{8,64}$/;

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('黔货入粤 Marketplace API')
    .setDescription('Nayong cooperatives selling to Guangzhou. Money is integer fen; rates are basis points.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Builds the whole HTTP application; `main.ts` listens, tests listen on a free port. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: 1_048_576,
    // Only the proxies named in TRUST_PROXY may say who the caller is: the per-address limits count by it.
    trustProxy: config.trustProxy,
    // Reuse a caller's request id when it looks like one, so logs line up across services.
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    // What Fastify and Node answer themselves (bad percent-encoding, oversized headers) gets the same error shape.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
    // Stripe's webhook signature is over the exact bytes received.
    rawBody: true,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerInputGuards(fastify);

  app.setGlobalPrefix('api');
  keepValidationRules();
  app.useGlobalPipes(
    new QueryKeepingValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const details = validationDetails(errors);
        return new AppError(
          'VALIDATION_FAILED',
          details.map((d) => d.problems.join('; ')).join('; ') || 'The request is invalid.',
          details,
        );
      },
    }),
  );
  await app.register(fastifyCookie);
  // Limits are per route (the image upload sets its own); these are the outer bounds for any part.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5, parts: 6 } });
  // Stripe.js and its Payment Element come from Stripe's own origins; without Stripe, nothing outside ours is allowed.
  const stripe = config.stripe ? ['https://js.stripe.com', 'https://*.stripe.com'] : [];
  const indexFile = join(config.storefrontDir, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...stripe],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", ...(indexHtml ? inlineScriptHashes(indexHtml) : []), ...stripe],
        connectSrc: ["'self'", ...stripe],
        frameSrc: ["'self'", ...stripe],
      },
    },
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin, credentials: true });
  app.get(ResponseCache).serveFrom(fastify);

  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  await serveUploads(app, uploadsDir(config));
  await serveStorefront(app, config.storefrontDir, indexHtml);
  return app;
}

/** Product images: each file name is a fresh random id, so a URL's content never changes and caches keep it a year. */
async function serveUploads(app: NestFastifyApplication, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: UPLOADS_URL_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    maxAge: 31_536_000_000,
    immutable: true,
  });
}

/**
 * The built storefront at `/`, with history-mode fallback to index.html (`indexHtml`, as read at
 * start; null without a build): 200 for the paths of its pages, 404 (with the same page, which shows
 * "not found") for any other.
 */
async function serveStorefront(app: NestFastifyApplication, dir: string, indexHtml: string | null): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const pages = storefrontPages(join(dir, 'routes.json'));
  if (indexHtml) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      decorateReply: false,
      // The build writes a .br and a .gz beside each script and style sheet: sent as the browser accepts.
      preCompressed: true,
      // Off, so that send's own "max-age=0" does not replace the header below.
      cacheControl: false,
      // Vite puts content-hashed files under assets/: they never change, so caches may keep them.
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        // Which copy was sent depends on Accept-Encoding: a shared cache must keep them apart.
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
  }
  // A read the page's pictures come from, answered as the browser would be: without its session.
  const publicRead = async (url: string): Promise<unknown> => {
    try {
      const answer = await fastify.inject({ method: 'GET', url });
      return answer.statusCode === 200 ? answer.json() : null;
    } catch {
      return null; // the page goes out without the hint
    }
  };
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/') || !indexHtml) {
      const { body } = toErrorBody(new AppError('ROUTE_NOT_FOUND', `No route ${path}.`), String(request.id), path);
      return reply.status(404).send(body);
    }
    // Without a manifest (a build older than it), every path is taken for a page, as before.
    const page = pages?.find((candidate) => candidate.pattern.test(path));
    let html = indexHtml;
    if (page) {
      const reads = pageReads(page, request.url);
      html = withPreloads(indexHtml, page, reads, await openingPictures(page, reads, publicRead));
    }
    return reply
      .status(!pages || page ? 200 : 404)
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
