/**
 * The rules of a DTO class, looked up once. class-validator finds a class's rules, its own and its
 * parents', by testing every class that has rules, on every validation it runs
 * (`MetadataStorage.getTargetValidationMetadatas`, typestack/class-validator#2686): some forty
 * classes here, on every request with a query or a body. A class's rules are registered as it is
 * defined, before any value of it can be validated, and never change after, so the answer for a
 * class and the options asked is kept (as twenty does: twentyhq/twenty#24085). A class defined
 * later is another key and gets its own answer when first asked.
 *
 * On the auditors' lookup (`GET /api/v1/splits?nik=`) this takes a third off the validation pipe's
 * time: 23 µs a query against 33 on a slow 2-core machine (`npm run bench:validation`; README,
 * funding figures, session 50).
 */
import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const MEMOIZED = Symbol.for('jamkesda.validation-metadata-memoized');

/** Installs the cache on class-validator's one storage (shared by every copy of the package); once a process. */
export function memoizeValidationMetadata(): void {
  const storage = getMetadataStorage() as MetadataStorage & { [MEMOIZED]?: Lookup };
  if (storage[MEMOIZED]) return;
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const byClass = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = groups?.length ? JSON.stringify([schema, always, strictGroups, groups]) : `${+always}${+strictGroups}${schema}`; // (the pipe's way asked without JSON: 3 µs a request)
    let answers = byClass.get(target);
    if (!answers) byClass.set(target, (answers = new Map()));
    let rules = answers.get(key);
    if (!rules) answers.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage[MEMOIZED] = lookUp;
}

/** class-validator's own lookup, bypassing the cache (for the test that compares the two). */
export function uncachedValidationMetadata(): Lookup {
  const storage = getMetadataStorage() as MetadataStorage & { [MEMOIZED]?: Lookup };
  return storage[MEMOIZED] ?? storage.getTargetValidationMetadatas.bind(storage);
}
