// Writes libs/api-client/src/schema.ts from the document the API serves at /api/docs-json.
// Nest's preview mode builds the same document without a database. Needs the API built first.
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { renderApiClient, SCHEMA_PATH } from './render-api-client.mjs';

const require = createRequire(import.meta.url);
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { AppModule } = require('../apps/api/dist/app.module');
const { openApiDocument } = require('../apps/api/dist/create-app');
const { loadConfig } = require('../apps/api/dist/config/config');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const dataDir = mkdtempSync(join(tmpdir(), 'qh-openapi-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const app = await NestFactory.create(AppModule.forRoot(config, 'postgres://unused@127.0.0.1:1/unused'), new FastifyAdapter(), {
  preview: true,
  logger: false,
});
app.setGlobalPrefix('api');
writeFileSync(SCHEMA_PATH, await renderApiClient(openApiDocument(app)));
await app.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`wrote ${SCHEMA_PATH}`);
