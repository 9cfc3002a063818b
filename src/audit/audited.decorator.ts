import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'audit:action';

export interface AuditedMeta {
  action: string;
  entity: string;
}

/**
 * Marks a state-changing route: after it succeeds, the audit interceptor appends an event with
 * the caller, this action and entity, the entity id (route param or the response's id/code) and
 * the request body with secrets removed. Every non-GET route must carry it (tested).
 */
export const Audited = (action: string, entity: string) => SetMetadata(AUDITED_KEY, { action, entity } satisfies AuditedMeta);
