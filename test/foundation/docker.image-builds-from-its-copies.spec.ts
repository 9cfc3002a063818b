/**
 * The image's build stage compiles only what its COPY lines bring in (QA: four benches imported test/, which the
 * image never copied, and `npm run build` failed with TS2307 from a clean clone). Docker cannot run here, so this
 * copies exactly those paths into a temporary folder, as `docker build` would, and runs the build's type check there:
 * a future import from a folder the image does not copy fails this spec.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { consolePublicDir } from '../../src/console/console-assets.js';
import { dockerfileStages, type DockerCopy } from '../support/dockerfile.js';

jest.setTimeout(240_000);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const stages = dockerfileStages(readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8'));
const build = stages.find((s) => s.name === 'build');
const runtime = stages[stages.length - 1];

/** Copies one COPY line's sources from the repository into `into` (the stage's WORKDIR), with Docker's rules. */
function copyAsDocker(copy: DockerCopy, into: string): void {
  for (const source of copy.sources) {
    const from = join(ROOT, source);
    if (!existsSync(from)) throw new Error(`Dockerfile copies ${source}, which the repository does not hold`);
    // a folder's contents go into dest; a file goes into dest when dest ends with "/", else becomes dest
    const to = !statSync(from).isDirectory() && copy.dest.endsWith('/') ? join(into, copy.dest, basename(source)) : join(into, copy.dest);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
  }
}

describe('docker/Dockerfile', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('has a build stage whose work is `npm run build`, the tsc build of tsconfig.build.json', () => {
    expect(build).toBeDefined();
    expect(build!.workdir).toBe('/app');
    expect(build!.runs).toContain('npm run build && npm prune --omit=dev');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build).toBe('tsc -p tsconfig.build.json');
  });

  it('type-checks the build from exactly the files its build stage copies (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamkesda-image-'));
    dirs.push(dir);
    for (const copy of build!.copies.filter((c) => !c.from)) copyAsDocker(copy, dir);
    expect(existsSync(join(dir, 'test'))).toBe(false);
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'), 'dir');

    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await new Promise<{ code: number; output: string }>((done) => {
      execFile(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noEmit'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
        done({ code: err ? ((err.code as number | undefined) ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('gives the runtime stage all that `node dist/src/main.js` reads: dist, node_modules, package.json, the console files', () => {
    expect(runtime.workdir).toBe('/app');
    expect(runtime.cmd).toBe('["node", "dist/src/main.js"]');
    for (const copy of runtime.copies.filter((c) => !c.from)) for (const source of copy.sources) expect(existsSync(join(ROOT, source))).toBe(true);
    expect(existsSync(join(ROOT, 'src/main.ts'))).toBe(true); // tsc (outDir dist, rootDir .) emits dist/src/main.js
    expect(runtime.copies.filter((c) => c.from === 'build').map((c) => c.sources)).toEqual([['/app/node_modules'], ['/app/dist']]);
    // where each copied path lands under /app (a file into a dest ending with "/" keeps its name)
    const placed = runtime.copies.flatMap((c) =>
      c.sources.map((source) => posix.normalize(c.dest.endsWith('/') && !c.from && !statSync(join(ROOT, source)).isDirectory() ? posix.join(c.dest, posix.basename(source)) : c.dest).replace(/\/$/, '')),
    );
    // consolePublicDir looks for package.json to find the project root, then reads src/console/public under it
    const consoleFiles = relative(ROOT, consolePublicDir()).split('\\').join('/');
    expect(consoleFiles).toBe('src/console/public');
    expect(placed).toEqual(expect.arrayContaining(['node_modules', 'dist', 'package.json', consoleFiles]));
  });
});
