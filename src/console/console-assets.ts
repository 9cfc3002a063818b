import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the console's static files. tsc does not copy assets, so the files are always read
 * from `src/console/public` under the project root (the folder holding package.json), whether this
 * module runs from `src/` (Jest) or from `dist/src/` (node). The Docker image copies that folder.
 */
export function consolePublicDir(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'console', 'public');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Console assets: no package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}
