import { ERROR_MESSAGES, type ErrorBody } from '@linli/shared-types';
import { TestApp } from './support/test-app';

/** The parts of an OpenAPI 3.1 document (JSON Schema inside) that the checks below read. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Content {
  schema?: Schema;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Content> };
  responses: Record<string, { content?: Record<string, Content> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Bodies that take nothing on purpose: any field in them is refused (AllocateDto: nobody picks the seed). */
const TAKES_NOTHING = new Set(['AllocateDto']);

/**
 * The API document at /api/docs-json describes every body a client sends and receives: DTOs by
 * their validation rules, answers by the shared-types contract, refusals by ErrorBody with every
 * error code. A client generated from it (or a person reading Swagger UI) needs nothing else.
 */
describe('API docs', () => {
  let t: TestApp;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await TestApp.boot();
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });

  it('serves Swagger UI over an OpenAPI 3.1 document', async () => {
    await t.http.get('/api/docs').expect(200).expect('Content-Type', /html/);
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  afterAll(async () => {
    await t.close();
  });

  const refName = (ref: string): string => ref.replace('#/components/schemas/', '');
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components.schemas[refName(schema.$ref)] : schema;
  const isObject = (s: Schema): boolean => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'));
  /** An object schema that says nothing of what is in it (a free map says so with additionalProperties). */
  const undescribed = (s: Schema): boolean =>
    Object.keys(s).length === 0 || (isObject(s) && Object.keys(s.properties ?? {}).length === 0 && s.additionalProperties === undefined);
  const operations = (): { name: string; op: Operation }[] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('names no schema that leaves an object undescribed, nor one that is missing', () => {
    const problems: string[] = [];
    const walk = (s: Schema, at: string): void => {
      if (s.$ref) {
        if (!doc.components.schemas[refName(s.$ref)]) problems.push(`${at}: ${s.$ref} is missing`);
        return;
      }
      if (isObject(s) && undescribed(s)) problems.push(`${at}: empty object`);
      for (const [key, p] of Object.entries(s.properties ?? {})) walk(p, `${at}.${key}`);
      if (s.items) walk(s.items, `${at}[]`);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${at}{}`);
      for (const [i, sub] of [...(s.anyOf ?? []), ...(s.allOf ?? []), ...(s.oneOf ?? [])].entries()) walk(sub, `${at}|${i}`);
    };
    const schemas = Object.entries(doc.components.schemas);
    for (const [name, schema] of schemas) {
      if (Object.keys(schema).length === 0) problems.push(`${name}: {}`);
      walk(schema, name);
    }
    expect(problems).toEqual([]);
    // DTOs and the shared-types views both: far more than the ~35 request DTOs alone.
    expect(schemas.length).toBeGreaterThan(80);
  });

  it('describes every request body by its fields', () => {
    const problems: string[] = [];
    let jsonBodies = 0;
    for (const { name, op } of operations()) {
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) {
        const schema = resolve(content.schema);
        const dto = content.schema?.$ref ? refName(content.schema.$ref) : '(inline)';
        if (type === 'application/json') jsonBodies++;
        if (!schema) problems.push(`${name} ${type}: no schema`);
        else if (Object.keys(schema.properties ?? {}).length === 0 && !(TAKES_NOTHING.has(dto) && schema.additionalProperties === false)) {
          problems.push(`${name} ${type}: ${dto} has no fields`);
        }
        if (type === 'multipart/form-data' && !Object.values(schema?.properties ?? {}).some((p) => p.format === 'binary')) {
          problems.push(`${name}: the upload has no file field`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(jsonBodies).toBeGreaterThan(30);
    // What the validation pipe checks is what the document says: fields, required ones, nested DTOs, limits.
    const order = doc.components.schemas.PlaceOrderDto;
    expect(order?.required).toEqual(expect.arrayContaining(['windowId', 'lines']));
    expect(order?.additionalProperties).toBe(false);
    expect(order?.properties?.lines?.items?.$ref).toBe('#/components/schemas/OrderLineDto');
    expect(doc.components.schemas.OrderLineDto?.properties?.quantity).toMatchObject({ type: 'number', minimum: 1, maximum: 100 });
    // An upload: its text fields and the file the guard reads.
    const upload = doc.paths['/api/files']?.post?.requestBody?.content['multipart/form-data']?.schema;
    expect(upload?.required).toEqual(expect.arrayContaining(['purpose', 'file']));
    expect(doc.paths['/api/staff/households/import']?.post?.requestBody?.content['multipart/form-data']?.schema?.properties?.file).toEqual({
      type: 'string',
      format: 'binary',
    });
  });

  it('describes every success answer: JSON by its schema, files by their media type', () => {
    const problems: string[] = [];
    for (const { name, op } of operations()) {
      const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) problems.push(`${name}: no success answer`);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0) problems.push(`${name} ${status}: no content`);
        for (const [type, content] of contents) {
          const schema = resolve(content.schema);
          if (type === 'application/json') {
            if (!schema || undescribed(schema)) problems.push(`${name} ${status}: no schema`);
          } else if (type === 'application/octet-stream' || schema?.format !== 'binary') {
            problems.push(`${name} ${status}: ${type} is not a declared file type`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    const answer = (path: string, status = '200'): Record<string, Content> | undefined => doc.paths[path]?.get?.responses[status]?.content;
    expect(answer('/api/orders/{id}')?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/OrderView' });
    expect(resolve(answer('/api/staff/households')?.['application/json']?.schema)?.properties?.items?.items).toEqual({
      $ref: '#/components/schemas/HouseholdView',
    });
    expect(Object.keys(answer('/api/staff/windows/{id}/pick-lists.pdf') ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(answer('/api/staff/households/export') ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('documents one error body, with every error code, on every route', () => {
    const body = doc.components.schemas.ErrorBody;
    expect(body?.required).toEqual(expect.arrayContaining(['code', 'message']));
    const codes = resolve(body?.properties?.code)?.enum;
    expect([...(codes ?? [])].sort()).toEqual(Object.keys(ERROR_MESSAGES).sort());
    const without = operations()
      .filter(({ op }) => op.responses['4XX']?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody')
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('says what the server really answers', async () => {
    const resident = await t.login('resident');
    const me = (await resident.get('/api/me').expect(200)).body as Record<string, unknown>;
    const meSchema = resolve(doc.paths['/api/me']?.get?.responses['200']?.content?.['application/json']?.schema);
    expect(Object.keys(me).sort()).toEqual(Object.keys(meSchema?.properties ?? {}).sort());
    expect(Object.keys(me).sort()).toEqual([...(meSchema?.required ?? [])].sort());

    const refused = (await resident.post('/api/orders', { windowId: 'x' }).expect(400)).body as ErrorBody;
    const errorSchema = doc.components.schemas.ErrorBody;
    expect(resolve(errorSchema?.properties?.code)?.enum).toContain(refused.code);
    expect(Object.keys(errorSchema?.properties ?? {})).toEqual(expect.arrayContaining(Object.keys(refused)));
  });
});
