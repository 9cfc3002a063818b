/**
 * What a change did that neither its request nor its answer says, for its audit event: a handler sets it on its answer
 * under this symbol (left out of the response by JSON, as AUDIT_BEFORE); the audit interceptor spreads its fields into
 * the event's summary (QA: a `payment.upload` event held only the file's name and size, not the payments it recorded).
 * Keep it small: a summary longer than the audit's limit is stored truncated as a whole.
 */
export const AUDIT_DETAIL = Symbol('auditDetail');

/**
 * Other records a change concerns beside its own entity id, set on its answer under this symbol (left out of the response):
 * the audit interceptor stores them with the event (`audit_event_entity`), so GET /audit-events?entityId= finds the event
 * by any of them, however many (QA: a payment recorded from a sheet was not found by its id; its event is the upload's).
 */
export const AUDIT_CONCERNS = Symbol('auditConcerns');
