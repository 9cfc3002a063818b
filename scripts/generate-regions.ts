/**
 * Regenerates src/regions/data/wilayah-1703.ts from the CSV beside it (a copy of the official
 * Kepmendagri 300.2.2-2138/2025 list). Run after replacing the CSV: `node dist/scripts/generate-regions.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const dir = 'src/regions/data';
const rows = readFileSync(`${dir}/wilayah-1703.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((cols) => cols[1] !== 'kabupaten')
  .map(([code, level, name, kecamatanCode]) => [code, level, name, kecamatanCode]);

const body = rows.map((r) => `  ${JSON.stringify(r).replace(/"/g, "'")},`).join('\n');
writeFileSync(
  `${dir}/wilayah-1703.ts`,
  `// Generated from wilayah-1703.csv (Kepmendagri 300.2.2-2138/2025) by scripts/generate-regions.ts. Do not edit.
export type RegionRow = readonly [code: string, level: 'kecamatan' | 'desa' | 'kelurahan', name: string, kecamatanCode: string];

export const WILAYAH_1703: readonly RegionRow[] = [
${body}
];
`,
);
console.log(`${rows.length} rows written`);
