import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_MESSAGES, type ErrorCode } from '@linli/shared-types';
import { ERROR_STATUS } from '../common/domain-error';
import * as generated from './api-docs.generated';

/**
 * What `scripts/api-docs.ts` generates into `api-docs.generated.ts` (git-ignored; made by the
 * server's build and by the e2e tests' global setup).
 */
export interface ApiDocsMetadata {
  /** @nestjs/swagger's CLI plugin metadata: DTO properties, route summaries and parameters. */
  pluginMetadata: () => Promise<Record<string, unknown>>;
  /**
   * Named JSON Schemas of the shared-types interfaces the routes answer with, and ErrorBody
   * (JSON Schema as OpenAPI 3.1 has it: `type: ['string', 'null']`, which Nest's 3.0 types lack).
   */
  schemas: Record<string, object>;
  /**
   * By operationId (`Controller_method`): what a success answers (JSON of this schema, files of
   * these media types, or nothing), and the multipart field a `FileUpload` guard reads.
   */
  routes: Record<string, { answer: { json: object } | { files: string[] } | { empty: true }; upload?: string }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorBody' };

/** Serves Swagger UI at /api/docs and the document at /api/docs-json. */
export async function setupApiDocs(app: INestApplication): Promise<void> {
  await SwaggerModule.loadPluginMetadata(generated.pluginMetadata);
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Linli API')
    .setDescription(
      '邻里: supplies, medicine and care for a locked-down community. Every refusal answers `ErrorBody` ' +
        '(`code` from shared-types, a Chinese `message`); `ErrorCode` lists each code with its HTTP status.',
    )
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, config), generated));
}

/**
 * Adds to Nest's document what its decorators cannot know: the answers' schemas (from
 * shared-types), the downloads' media types and the error body of every refusal.
 */
export function completeDocument(doc: OpenAPIObject, meta: ApiDocsMetadata): OpenAPIObject {
  const components = (doc.components ??= {});
  const schemas = (components.schemas ??= {});
  // Request DTOs: the validation pipe refuses any field they do not name (forbidNonWhitelisted).
  for (const schema of Object.values(schemas)) {
    if ('type' in schema && schema.type === 'object') {
      schema.additionalProperties ??= false;
      for (const property of Object.values(schema.properties ?? {})) nullableAs31(property);
    }
  }
  for (const [name, schema] of Object.entries(meta.schemas)) {
    if (name in schemas) throw new Error(`API docs: ${name} is the name of a DTO and of a shared-types type`);
    schemas[name] = schema as SchemaObject;
  }
  schemas.ErrorCode = { ...schemas.ErrorCode, description: errorCodeTable() };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(operation, meta.routes[operation.operationId ?? ''], schemas);
    }
  }
  return doc;
}

type Route = ApiDocsMetadata['routes'][string];

function completeOperation(
  operation: OperationObject,
  route: Route | undefined,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): void {
  const responses = operation.responses;
  const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
  const answer = success ? (responses[success] as ResponseObject) : undefined;
  if (route && answer && !answer.content) {
    if ('json' in route.answer) answer.content = { 'application/json': { schema: route.answer.json as SchemaObject } };
    if ('files' in route.answer) {
      answer.content = Object.fromEntries(route.answer.files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
    }
  }
  if (route?.upload) operation.requestBody = uploadBody(operation, route.upload, schemas);
  responses['4XX'] ??= {
    description: 'Refused: `code` says why (see ErrorCode); nothing was changed.',
    content: { 'application/json': { schema: ERROR_SCHEMA } },
  };
  responses['5XX'] ??= {
    description: 'INTERNAL, or a service that did not answer (SERVICE_UNAVAILABLE, WECHAT_UNAVAILABLE, …).',
    content: { 'application/json': { schema: ERROR_SCHEMA } },
  };
}

/** A multipart body: the file field the FileUpload guard reads, and the DTO's text fields beside it. */
function uploadBody(operation: OperationObject, field: string, schemas: Record<string, SchemaObject | ReferenceObject>): RequestBodyObject {
  const declared = (operation.requestBody as RequestBodyObject | undefined)?.content['multipart/form-data']?.schema;
  const ref = declared && '$ref' in declared ? declared.$ref.replace('#/components/schemas/', '') : undefined;
  const fields = ((ref ? schemas[ref] : declared) ?? {}) as SchemaObject;
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { ...fields.properties, [field]: { type: 'string', format: 'binary' } },
          required: [...(fields.required ?? []), field],
          additionalProperties: false,
        },
      },
    },
  };
}

/** Nest writes OpenAPI 3.0's `nullable: true`; 3.1 (JSON Schema) says `type: [T, 'null']`. */
function nullableAs31(schema: SchemaObject | ReferenceObject): void {
  if (!('nullable' in schema) || !schema.nullable) return;
  delete schema.nullable;
  const typed = schema as { type?: string | string[]; enum?: unknown[] };
  if (typeof typed.type === 'string') typed.type = [typed.type, 'null'];
  if (typed.enum && !typed.enum.includes(null)) typed.enum = [...typed.enum, null];
}

/** Each error code with its HTTP status and the Chinese message people see. */
function errorCodeTable(): string {
  const rows = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => `| ${code} | ${ERROR_STATUS[code]} | ${ERROR_MESSAGES[code]} |`);
  return [
    'A refusal’s stable code; the HTTP status comes with it.',
    '',
    '| code | status | message |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
