import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/authenticated-user.js';
import { type AuditConcerns, AuditService } from './audit.service.js';
import { AUDIT_BEFORE } from './audit-before.js';
import { AUDIT_CONCERNS, AUDIT_DETAIL } from './audit-detail.js';
import { AUDITED_KEY, type AuditedMeta } from './audited.decorator.js';

const SECRET_FIELDS = /password|token|secret/i;

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<AuditedMeta | undefined>(AUDITED_KEY, context.getHandler());
    if (!meta) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      switchMap((result) =>
        from(
          this.audit
            .record({
              actor: request.user?.username ?? 'anonymous',
              action: meta.action,
              entity: meta.entity,
              entityId: entityIdOf(request, result),
              summary: {
                params: request.params,
                query: request.query,
                body: redact(request.body),
                file: fileOf(request),
                // what a DELETE removed (its answer): otherwise nothing auditable would keep it (QA: a payment from a sheet)
                ...(request.method === 'DELETE' ? { removed: redact(result) } : {}),
                // the state the change left (a pledge's new revision, a run's version and status, a user's role),
                // and the one it replaced where the handler kept it (a user's role and active flag)
                ...outcomeOf(result, request),
                ...beforeOf(result),
                // what it did beyond its answer (a payment sheet's payments: audit-detail.ts)
                ...detailOf(result),
              },
              // other records it concerns, found by their ids (a payment sheet's payments: audit-detail.ts)
              concerns: concernsOf(result),
            })
            .then(() => result),
        ),
      ),
    );
  }
}

function entityIdOf(request: AuthenticatedRequest, result: unknown): string | null {
  const r = result as Record<string, unknown> | undefined;
  const params = request.params as Record<string, string | undefined> | undefined;
  const id = params?.id ?? params?.code ?? params?.nik ?? r?.id ?? r?.code ?? r?.month; // month: an allocation's
  return id === undefined || id === null ? null : String(id);
}

/**
 * Fields of the answer that say what the change left, beside the request that asked for it (QA: a
 * pledge.revise event held only the body, not the revision it made; a user.update not the role it set).
 */
const OUTCOME_FIELDS = ['month', 'revision', 'version', 'status', 'role', 'active'] as const;

/**
 * The answer's OUTCOME_FIELDS; its `month` only when the request did not name one (a run's finalize names the run by
 * its id alone: QA, "Rekonsiliasi difinalisasi … Hasil: (Versi: 1, Status: Final)" said no month).
 */
function outcomeOf(result: unknown, request: AuthenticatedRequest): { result?: Record<string, unknown> } {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return {};
  const r = result as Record<string, unknown>;
  const asked = [request.params, request.query, request.body].some((part) => part && typeof part === 'object' && 'month' in part);
  const picked = Object.fromEntries(OUTCOME_FIELDS.filter((k) => ['string', 'number', 'boolean'].includes(typeof r[k]) && !(k === 'month' && asked)).map((k) => [k, r[k]]));
  return Object.keys(picked).length ? { result: picked } : {};
}

function beforeOf(result: unknown): { before?: unknown } {
  const before = result && typeof result === 'object' ? (result as { [AUDIT_BEFORE]?: unknown })[AUDIT_BEFORE] : undefined;
  return before === undefined ? {} : { before };
}

function detailOf(result: unknown): Record<string, unknown> {
  const detail = result && typeof result === 'object' ? (result as { [AUDIT_DETAIL]?: Record<string, unknown> })[AUDIT_DETAIL] : undefined;
  return detail ?? {};
}

function concernsOf(result: unknown): AuditConcerns | undefined {
  return result && typeof result === 'object' ? (result as { [AUDIT_CONCERNS]?: AuditConcerns })[AUDIT_CONCERNS] : undefined;
}

function fileOf(request: AuthenticatedRequest): unknown {
  // the upload interceptor's file; without one, `file` is @fastify/multipart's method of the request
  const file = (request as { file?: { originalname: string; size: number } | (() => unknown) }).file;
  return file && typeof file === 'object' ? { name: file.originalname, size: file.size } : undefined;
}

/** The body with every password/token/secret field replaced, at any depth. */
export function redact(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redact);
  if (!body || typeof body !== 'object') return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[disembunyikan]' : redact(v)]));
}
