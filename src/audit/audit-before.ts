/**
 * The state a change replaced, for its audit event to say "from … to …": a handler sets it on its answer
 * under this symbol, which JSON leaves out of the response; the audit interceptor writes it as `before`
 * (QA: a `user.update` event kept the new role only).
 */
export const AUDIT_BEFORE = Symbol('auditBefore');
