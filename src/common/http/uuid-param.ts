import type { PipeTransform } from '@nestjs/common';

/** The written form of a UUID (any version, any case): what an id column can hold as routes are called. */
const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_FORM.test(value);
}

/**
 * The `:id` of a route: an id that is no UUID names no record, so it is answered as an unknown one,
 * 404 with the entity's own code (`notFound`), the same on every `:id` route (QA: some answered 404
 * UPLOAD_NOT_FOUND, others 400 "id harus berupa UUID"). Runs after the guard: 401/403 come first.
 */
export function uuidParam(notFound: (id: string) => Error): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!isUuid(value)) throw notFound(value);
      return value;
    },
  };
}
