/**
 * LibreOffice headless for the workbook tests: converts every sheet of an .xlsx to CSV with a
 * private profile that forces formulas to be RECALCULATED on load (OOXMLRecalcMode = always), so
 * the CSV shows what LibreOffice computes, not the cached values the writer stored.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export function sofficePath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

const RECALC_ALWAYS =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n';

let profileDir: string | undefined;

/**
 * A private LibreOffice profile that recalculates OOXML formulas on load. LibreOffice rewrites the
 * settings file on its first start, so the profile is created first and the setting added after.
 */
function recalculatingProfile(soffice: string): string {
  if (profileDir) return profileDir;
  const dir = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync(soffice, [`-env:UserInstallation=file://${dir}`, '--headless', '--norestore', '--terminate_after_init'], { stdio: 'pipe', timeout: 120_000 });
  const settings = join(dir, 'user', 'registrymodifications.xcu');
  const xml = readFileSync(settings, 'utf8');
  writeFileSync(settings, xml.replace('</oor:items>', `${RECALC_ALWAYS}</oor:items>`));
  return (profileDir = dir);
}

/** CSV filter: comma, double quotes, UTF-8, raw values (not as shown), every sheet to its own file. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Converts `xlsx` (bytes) and returns each sheet's rows (arrays of strings) by sheet name. */
export function libreOfficeSheets(xlsx: Buffer, sheetNames: string[]): Map<string, string[][]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not installed');
  const profile = recalculatingProfile(soffice);
  const dir = mkdtempSync(join(tmpdir(), 'lo-'));
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, xlsx);
  const out = join(dir, 'out');
  mkdirSync(out);
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', CSV_FILTER, '--outdir', out, input], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const files = readdirSync(out);
  const sheets = new Map<string, string[][]>();
  for (const name of sheetNames) {
    // LibreOffice names each file <book>-<sheet>.csv (with one sheet only: <book>.csv).
    const file = files.find((f) => f === `book-${name}.csv`) ?? (sheetNames.length === 1 ? files.find((f) => f === 'book.csv') : undefined);
    if (!file) throw new Error(`LibreOffice wrote no CSV for sheet "${name}" (files: ${files.map((f) => basename(f)).join(', ')})`);
    sheets.set(name, parse(readFileSync(join(out, file), 'utf8'), { relax_column_count: true }) as string[][]);
  }
  return sheets;
}

/** The text of the PDF LibreOffice prints from `xlsx`, laid out as on the page (pdftotext -layout); null without pdftotext. */
export function libreOfficePrintedText(xlsx: Buffer): string | null {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not installed');
  if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) return null;
  const profile = recalculatingProfile(soffice);
  const dir = mkdtempSync(join(tmpdir(), 'lo-'));
  writeFileSync(join(dir, 'book.xlsx'), xlsx);
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'book.xlsx')], { stdio: 'pipe', timeout: 120_000 });
  return execFileSync('pdftotext', ['-layout', join(dir, 'book.pdf'), '-'], { encoding: 'utf8' });
}
