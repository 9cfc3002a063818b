/**
 * docker/compose.yaml and .dockerignore, read as text (Docker cannot run where the tests run): what QA asked of a
 * deployment (restart, a configurable host port, no default database password) and a build context that leaves out
 * secrets and bulk but nothing the Dockerfile copies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { dockerfileStages } from '../support/dockerfile.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const compose = readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8');
const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** A .dockerignore pattern as a RegExp on a context-relative path ("**" any folders, "*" within one name). */
function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\/+|\/+$/g, '')
    .split(/(\*\*\/|\*|\?)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** True when .dockerignore leaves `path` (or a folder holding it) out of the build context. */
function ignored(path: string): boolean {
  const parts = path.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  return ignore.some((pattern) => prefixes.some((prefix) => patternRegExp(pattern).test(prefix)));
}

function filesUnder(path: string): string[] {
  if (!statSync(join(ROOT, path)).isDirectory()) return [path];
  return readdirSync(join(ROOT, path)).flatMap((name) => filesUnder(`${path}/${name}`));
}

/** The `services:` entry named `name`, as text up to the next top-level service or key. */
function service(name: string): string {
  const match = new RegExp(`^ {2}${name}:\\n((?: {4,}.*\\n|\\n)*)`, 'm').exec(compose);
  if (!match) throw new Error(`docker/compose.yaml has no service ${name}`);
  return match[1];
}

describe('docker/compose.yaml', () => {
  it('restarts both services unless stopped', () => {
    for (const name of ['db', 'app']) expect(service(name)).toMatch(/^ {4}restart: unless-stopped$/m);
  });

  it('publishes the service on HOST_PORT, 3000 by default', () => {
    expect(service('app')).toMatch(/^ {6}- "\$\{HOST_PORT:-3000\}:3000"$/m);
  });

  it('requires POSTGRES_PASSWORD (no default password), in the database and in the DATABASE_URL built from it', () => {
    const uses = compose.match(/\$\{POSTGRES_PASSWORD[^}]*\}/g) ?? [];
    expect(uses).toHaveLength(2);
    for (const use of uses) expect(use).toMatch(/^\$\{POSTGRES_PASSWORD:\?set POSTGRES_PASSWORD in docker\/\.env .+\}$/);
    expect(service('app')).toMatch(/DATABASE_URL: postgres:\/\/jamkesda:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\/jamkesda$/m);
    expect(compose).not.toMatch(/jamkesda\}/); // the old `${POSTGRES_PASSWORD:-jamkesda}`
  });

  it('passes ADMIN_PASSWORD when docker/.env has it, and starts without it once the admin exists', () => {
    expect(service('app')).toMatch(/^ {6}ADMIN_PASSWORD: \$\{ADMIN_PASSWORD:-\}$/m); // `:?` made every later `up` need it
    expect(compose).toMatch(/take it out of docker\/\.env once that admin has logged in/);
  });

  it('says where the secrets go (docker/.env) and that POSTGRES_PASSWORD must be URL-safe (percent-encoding it would not do)', () => {
    expect(compose).toMatch(/`\.env` NEXT TO THIS FILE/);
    expect(compose).toMatch(/POSTGRES_PASSWORD must be URL-safe/);
    // the same value sets the database's password, which PostgreSQL takes literally, and is decoded in the URL
    expect(compose).toMatch(/Percent-encoding it does not help here/);
  });
});

describe('.dockerignore', () => {
  const context = dockerfileStages(readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8')).flatMap((stage) =>
    stage.copies.filter((c) => !c.from).flatMap((c) => c.sources),
  );

  it('leaves in every file the Dockerfile copies from the build context', () => {
    expect(context).toEqual(expect.arrayContaining(['package.json', 'src', 'scripts', 'templates', 'src/console/public']));
    const files = context.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter(ignored)).toEqual([]);
  });

  it('keeps secrets and bulk out of it: .env files anywhere, .git, node_modules, data, dist', () => {
    for (const path of ['.env', 'docker/.env', 'docker/.env.production', '.git/config', 'node_modules/pg/package.json', 'data/pglite/PG_VERSION', 'dist/src/main.js', 'test/foundation/access.spec.ts']) {
      expect([path, ignored(path)]).toEqual([path, true]);
    }
    expect(ignored('src/main.ts')).toBe(false);
  });
});
