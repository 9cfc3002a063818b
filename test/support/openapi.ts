/**
 * The app's OpenAPI document (`/api/docs-json`) and validation of real answers against the response schemas it
 * documents, with Ajv (draft-07 with OpenAPI 3.0's `nullable`). Schemas are made strict before compiling: an object
 * that names its properties admits no others, so a field the service answers but the document leaves out fails as
 * much as a documented field that is missing (required) or of another type.
 */
import ajv, { type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';

export type Schema = Record<string, unknown>;
export interface Operation {
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export async function openApiDocument(t: TestApp): Promise<OpenApiDocument> {
  return (await t.http.get('/api/docs-json').expect(200)).body;
}

/** `schema` with every object that lists its properties closed, and `nullable: true` as `anyOf` null (Ajv has no `nullable` on a `$ref`). */
export function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'example' ? value : strict(value)]));
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  delete out.nullable;
  return out;
}

export const JSON_TYPE = 'application/json';

// CommonJS packages: their classes are on `default` (module.exports carries them there too).
const { default: Ajv } = ajv;
const { default: addFormats } = ajvFormats;

/** Validates answers against `doc`'s response schemas; compiled schemas are kept per operation and status. */
export class ResponseValidator {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly components: Schema;

  constructor(readonly doc: OpenApiDocument) {
    this.components = { schemas: strict(doc.components.schemas) as Schema };
  }

  /** The documented response of an operation for a status, or why there is none. */
  documented(method: string, path: string, status: number) {
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
    const response = op.responses[String(status)];
    if (!response) throw new Error(`${method.toUpperCase()} ${path} answered ${status}, which the document does not list (it lists ${Object.keys(op.responses).join(', ')})`);
    return response;
  }

  /** The compiled validator of a JSON schema found in the document (components resolved). */
  compile(schema: Schema, key = JSON.stringify(schema)): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...(strict(schema) as Schema), components: this.components });
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /**
   * Problems of a real answer against what the document says of its operation and status: its content type must be
   * documented, and a JSON body must match the schema. Empty when it matches.
   */
  problems(res: Response, method: string, path: string): string[] {
    const where = `${method.toUpperCase()} ${path} ${res.status}`;
    const response = this.documented(method, path, res.status);
    const type = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    if (!response.content) return res.status === 204 && !type ? [] : [`${where}: answered ${type || 'a body'}, the document gives no content`];
    const media = response.content[type];
    if (!media) return [`${where}: answered ${type}, the document gives ${Object.keys(response.content).join(', ')}`];
    if (type !== JSON_TYPE) return [];
    if (!media.schema) return [`${where}: no schema for ${type}`];
    const validate = this.compile(media.schema, `${where} ${type}`);
    if (validate(res.body)) return [];
    const errors = (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
    // an error repeated on every item of a long list is told a few times
    return errors.length > 5 ? [...errors.slice(0, 5), `${where}: … ${errors.length - 5} more`] : errors;
  }
}
