/**
 * What a change did that neither its request nor its answer says, for its audit event: a handler sets it on its answer
 * under this symbol (left out of the response by JSON, as AUDIT_BEFORE); the audit interceptor spreads its fields into
 * the event's summary (QA: a `payment.upload` event held only the file's name and size, not the payments it recorded).
 * Keep it small: a summary longer than the audit's limit is stored truncated as a whole.
 */
export const AUDIT_DETAIL = Symbol('auditDetail');
