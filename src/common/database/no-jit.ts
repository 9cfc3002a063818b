/**
 * Turns PostgreSQL's JIT off for the rest of the transaction. Bulk statements whose estimates are high but whose work is
 * small (per-row lookups of a few closed months, full joins whose row count cannot be estimated) spent more in
 * compiling than in running: a run's closed-month comparison, an enrollment promotion's warnings (1.6 s of a
 * 100,000-row promotion). PGlite knows the setting too.
 */
export const NO_JIT = 'SET LOCAL jit = off';
