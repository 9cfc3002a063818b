/**
 * Loads one of the console's browser modules (plain JavaScript under src/console/public/js) for unit
 * tests of its pure functions. Typed `any` on purpose: the browser code has no TypeScript types.
 */
export function consoleModule(path: string): Promise<any> {
  const specifier = `../../../src/console/public/js/${path}`;
  return import(specifier);
}
