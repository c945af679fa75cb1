import request from 'supertest';

/** The parts of an OpenAPI 3 schema object these suites read. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/** One operation of the live document, with what the `@Roles`/`@Public` decorators wrote into it. */
export interface Operation {
  method: string;
  /** As documented, e.g. `/api/coop/products/{id}`. */
  path: string;
  parameters: Parameter[];
  /** Media types of the request body, when it has one. */
  bodyTypes: string[];
  bodySchema?: Schema;
  xRoles?: string[];
  xPublic?: boolean;
  /** Open to township officials too, keeping to their townships. */
  xTownshipScoped?: boolean;
}

export interface ApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Schema> };
}

/** The OpenAPI document the running app serves: a route added tomorrow is in it without anyone listing it here. */
export async function liveDocument(url: string): Promise<ApiDocument> {
  const response = await request(url).get('/api/docs-json').expect(200);
  return response.body as ApiDocument;
}

export function operationsOf(doc: ApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const content = (raw.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (raw.parameters as Parameter[] | undefined) ?? [],
        bodyTypes: Object.keys(content),
        bodySchema: json ? resolve(doc, json) : undefined,
        xRoles: raw['x-roles'] as string[] | undefined,
        xPublic: raw['x-public'] as boolean | undefined,
        xTownshipScoped: raw['x-township-scoped'] as boolean | undefined,
      });
    }
  }
  return operations;
}

/** The schema itself, references followed and a lone `allOf` (how Nest documents a described nested DTO) unwrapped. */
export function resolve(doc: ApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

export const describeOperation = (operation: Pick<Operation, 'method' | 'path'>) => `${operation.method} ${operation.path}`;
