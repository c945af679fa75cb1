// Renders libs/api-client/src/schema.ts from an OpenAPI document. Used by the generator, and run as
// `node scripts/render-api-client.mjs < document.json` by the test that fails when the checked-in
// client no longer matches what /api/docs-json serves (Jest cannot load openapi-typescript itself).
import openapiTS, { astToString } from 'openapi-typescript';
import { fileURLToPath } from 'node:url';

export const SCHEMA_PATH = fileURLToPath(new URL('../libs/api-client/src/schema.ts', import.meta.url));
const HEADER = "// Generated from the API's OpenAPI document (/api/docs-json) by `npm run api-client:generate`. Do not edit.\n\n";

export async function renderApiClient(document) {
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  process.stdout.write(await renderApiClient(JSON.parse(input)));
}
