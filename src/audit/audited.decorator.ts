import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AuditInterceptor } from './audit.interceptor.js';

export const AUDITED_KEY = 'audit:action';

export interface AuditedMeta {
  action: string;
  entity: string;
}

/**
 * Marks a state-changing route: after it succeeds, the audit interceptor appends an event with
 * the caller, this action and entity, the entity id (route param or the response's id/code) and
 * the request body with secrets removed (and, for a DELETE, what it removed). Every non-GET route must carry it (tested). The
 * interceptor is this route's own, not a global one: the reads, the auditors' lookups among them,
 * then go through no interceptor at all (Nest skips its observable pipeline).
 */
export const Audited = (action: string, entity: string) =>
  applyDecorators(SetMetadata(AUDITED_KEY, { action, entity } satisfies AuditedMeta), UseInterceptors(AuditInterceptor));
