/**
 * Every operation of the OpenAPI document says what it answers on success: a 2xx response with a JSON schema that
 * names a type (not an empty or free-form object), or a file's content type (a download), or 204 with no body. And
 * every route the app serves under /api (and /health) is an operation, every refusal documented uses the one error
 * body, and every non-public route documents 401.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { discoverRoutes } from './route-inventory.js';
import { JSON_TYPE, type OpenApiDocument, ResponseValidator, openApiDocument, type Schema } from '../support/openapi.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A JSON schema that says something: a `$ref`, an array of one, or a type with its properties. */
function namesAType(schema: Schema | undefined, components: Record<string, Schema>): boolean {
  if (!schema) return false;
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/components/schemas/', '') in components;
  if (schema.type === 'array') return namesAType(schema.items as Schema, components);
  if (schema.type === 'object') return Object.keys((schema.properties as object) ?? {}).length > 0;
  return typeof schema.type === 'string';
}

describe('OpenAPI: every operation documents its answer', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp();
    doc = await openApiDocument(t);
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

  it('lists every API route', () => {
    const documented = new Set(operations().map((o) => o.name));
    const routes = discoverRoutes(t.app)
      .filter((r) => r.path.startsWith('/api/') || r.path === '/health')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('has a 2xx response with a schema or a non-JSON content type on every operation', () => {
    const undocumented = operations().flatMap(({ name, op }) => {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      const ok = success.some(([status, response]) => {
        if (status === '204') return !response.content;
        return Object.entries(response.content ?? {}).some(([type, media]) => (type === JSON_TYPE ? namesAType(media.schema, doc.components.schemas) : !!media.schema));
      });
      return ok ? [] : [`${name}: ${JSON.stringify(success)}`];
    });
    expect(undocumented).toEqual([]);
  });

  it('gives JSON errors with the one error body: 400 on every operation, 401 on every route that needs a login', () => {
    const problems = operations().flatMap(({ name, op }) => {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]\d\d$/.test(status));
      const wrong = errors.filter(([, r]) => Object.keys(r.content ?? {}).join() !== JSON_TYPE || r.content![JSON_TYPE].schema?.$ref !== '#/components/schemas/ErrorResponseDto');
      const statuses = errors.map(([status]) => status);
      return [
        ...wrong.map(([status]) => `${name} ${status}: not the error body`),
        ...(statuses.includes('400') ? [] : [`${name}: no 400`]),
        ...(op.security?.length && !statuses.includes('401') ? [`${name}: no 401`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect(doc.components.schemas.ErrorResponseDto).toMatchObject({ required: ['statusCode', 'message', 'code'] });
  });

  it('gives every paged list its page and pageSize limits (QA: typed number, no minimum or maximum)', () => {
    type Parameter = { name: string; in: string; schema?: Schema };
    const paging = operations().flatMap(({ name, op }) =>
      ((op as { parameters?: Parameter[] }).parameters ?? []).filter((p) => p.in === 'query' && ['page', 'pageSize'].includes(p.name)).map((p) => ({ name, p })),
    );
    expect(paging.length).toBeGreaterThan(10);
    const loose = paging.filter(({ p }) => !(p.schema?.type === 'integer' && p.schema.minimum === 1 && typeof p.schema.maximum === 'number'));
    expect(loose.map(({ name, p }) => `${name} ${p.name}: ${JSON.stringify(p.schema)}`)).toEqual([]);
  });

  it('compiles every documented JSON schema (every $ref resolves)', () => {
    const validator = new ResponseValidator(doc);
    const schemas = operations().flatMap(({ name, op }) =>
      Object.entries(op.responses).flatMap(([status, r]) => (r.content?.[JSON_TYPE]?.schema ? [{ where: `${name} ${status}`, schema: r.content[JSON_TYPE].schema! }] : [])),
    );
    expect(schemas.length).toBeGreaterThan(100);
    for (const { where, schema } of schemas) expect([where, typeof validator.compile(schema)]).toEqual([where, 'function']);
  });
});
