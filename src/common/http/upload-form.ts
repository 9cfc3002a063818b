import { unlink } from 'node:fs/promises';
import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe, declaredFields, detailsOf, refused } from './validation.js';

/** What an upload route's form carries besides its file (`@UploadFile({ fields })`). */
export interface UploadForm {
  /** The DTO of its text fields, the route's `@Body()`; none: the form carries its file only. */
  fields?: Type<object>;
  /** Those of its fields also read from the query string (`dryRun` of a pledge sheet): the route reads both, and no other parameter. */
  alsoInQuery?: readonly string[];
}

type UploadRequest = FastifyRequest & { file?: { path?: string }; body?: unknown };

const validation = createValidationPipe();

/**
 * Refuses a form field the route does not declare (`kolom dryRun tidak dikenal`), as a JSON body's
 * unknown field is: QA's `dryRun=true` sent as a form field to POST /pledge-uploads was ignored and
 * the pledge saved; `extra`, `mont` or `bogus` were ignored too. A declared field sent in the query
 * string instead (`POST /bills?month=…`) is told it goes in the form. Runs after the file is stored
 * (FileInterceptor), so a refused request's file is deleted here; the route's other field problems
 * come in the same answer.
 */
export class DeclaredFormFields implements NestInterceptor {
  private readonly declared: Set<string>;
  private readonly inQuery: Set<string>;

  constructor(private readonly form: UploadForm) {
    this.declared = form.fields ? declaredFields(form.fields) : new Set();
    this.declared.add('file'); // sent as text, not as a file, it is told the file is required
    this.inQuery = new Set(form.alsoInQuery ?? []);
  }

  async intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<UploadRequest>();
    const body = req.body !== null && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const query = req.query !== null && typeof req.query === 'object' ? Object.keys(req.query) : [];
    const unknown = Object.keys(body).filter((field) => !this.declared.has(field));
    const misplaced = query.filter((field) => this.declared.has(field) && !this.inQuery.has(field));
    if (!unknown.length && !misplaced.length) return next.handle();
    if (req.file?.path) await unlink(req.file.path).catch(() => undefined);
    // the query's other parameters in the same answer: an upload route reads none but alsoInQuery
    const strayParameters = query.filter((field) => !this.declared.has(field) && !this.inQuery.has(field));
    const problems = [
      ...unknown.map((field) => ({ field, messages: [field ? `kolom ${field} tidak dikenal` : 'kolom tanpa nama tidak dikenal'] })),
      ...misplaced.map((field) => ({ field, messages: [`parameter ${field} tidak dikenal: ${field} dikirim sebagai kolom formulir bersama berkasnya, bukan pada alamat`] })),
      ...strayParameters.map((field) => ({ field, messages: [`parameter ${field} tidak dikenal`] })),
    ];
    const named = new Set(problems.map((p) => p.field));
    const known = Object.fromEntries(Object.entries(body).filter(([field]) => !named.has(field)));
    const others = this.form.fields ? await detailsOf(() => validation.transform(known, { type: 'body', metatype: this.form.fields })) : [];
    throw refused([...problems, ...others.filter((p) => !named.has(p.field))]);
  }
}
