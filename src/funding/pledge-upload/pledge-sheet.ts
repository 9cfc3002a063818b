/**
 * The pledge sheet (one row per pledge, DOMAIN §5, §12): its columns, and how a row becomes a
 * PledgeInput. Village and NIK lists go in a cell (separated by commas, semicolons or spaces) or in
 * a second sheet `Daftar` with columns KODE (the pledge code) and NILAI (a village code or a NIK).
 */
import type { Cell } from '../../common/spreadsheet/cell.js';
import type { ColumnSpec } from '../../common/spreadsheet/column-spec.js';
import type { PledgeInput } from '../domain/pledge-rules.js';

export const PLEDGE_COLUMNS = [
  { name: 'KODE', aliases: ['code', 'KODE KOMITMEN'], required: true },
  { name: 'SUMBER', aliases: ['sourceType', 'SUMBER DANA'], required: true },
  { name: 'JENIS_DANA', aliases: ['fund', 'DANA'] },
  { name: 'PEMBERI_DANA', aliases: ['funder', 'PEMBERI'] },
  { name: 'TAHUN', aliases: ['fiscalYear', 'TAHUN ANGGARAN'], required: true },
  { name: 'BULAN_DARI', aliases: ['fromMonth', 'DARI BULAN'] },
  { name: 'BULAN_SAMPAI', aliases: ['toMonth', 'SAMPAI BULAN'] },
  { name: 'CAKUPAN', aliases: ['scope'] },
  { name: 'KODE_DESA', aliases: ['villageCodes', 'DESA'] },
  { name: 'NIK', aliases: ['niks', 'DAFTAR NIK'] },
  { name: 'PERSEN', aliases: ['sharePercent', 'PERSEN BAGIAN'] },
  { name: 'KUOTA', aliases: ['quota'] },
  { name: 'PAGU', aliases: ['budget', 'ANGGARAN'] },
  { name: 'PRIORITAS', aliases: ['priority'] },
  { name: 'DASAR_HUKUM', aliases: ['legalBasis', 'DASAR HUKUM'] },
] as const satisfies readonly ColumnSpec[];

export const LIST_COLUMNS = [
  { name: 'KODE', aliases: ['code', 'KODE KOMITMEN'], required: true },
  { name: 'NILAI', aliases: ['value', 'KODE_DESA / NIK'], required: true },
] as const satisfies readonly ColumnSpec[];

export const LIST_SHEET_NAME = 'Daftar';

type Column = (typeof PLEDGE_COLUMNS)[number]['name'];
const FIELD: Record<Column, keyof PledgeInput> = {
  KODE: 'code',
  SUMBER: 'sourceType',
  JENIS_DANA: 'fund',
  PEMBERI_DANA: 'funder',
  TAHUN: 'fiscalYear',
  BULAN_DARI: 'fromMonth',
  BULAN_SAMPAI: 'toMonth',
  CAKUPAN: 'scope',
  KODE_DESA: 'villageCodes',
  NIK: 'niks',
  PERSEN: 'sharePercent',
  KUOTA: 'quota',
  PAGU: 'budget',
  PRIORITAS: 'priority',
  DASAR_HUKUM: 'legalBasis',
};
const NUMERIC = new Set<Column>(['TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI', 'PERSEN', 'KUOTA', 'PAGU', 'PRIORITAS']);
const ENUMS = new Set<Column>(['SUMBER', 'JENIS_DANA', 'CAKUPAN']);

export const splitList = (text: string) => text.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

export interface RowProblem {
  column: string;
  message: string;
}

/** A sheet row as a PledgeInput; NIKs from numeric cells are refused (Excel has cut their digits). */
export function rowToInput(cells: readonly Cell[]): { input: PledgeInput; problems: RowProblem[] } {
  const input: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  PLEDGE_COLUMNS.forEach(({ name }, i) => {
    const cell = cells[i];
    if (!cell || cell.kind === 'empty') return;
    const field = FIELD[name];
    if (name === 'NIK' && cell.kind === 'number') {
      problems.push({ column: name, message: 'NIK ditulis sebagai angka sehingga digit terakhirnya hilang di Excel. Format kolom NIK sebagai Teks lalu ketik ulang.' });
      return;
    }
    if (name === 'KODE_DESA' || name === 'NIK') input[field] = splitList(cell.text);
    else if (NUMERIC.has(name)) {
      const text = cell.text.replace(/\./g, '').replace(/^Rp\s*/i, '');
      input[field] = cell.kind === 'number' ? cell.number : /^-?\d+$/.test(text) ? Number(text) : cell.text;
    } else if (ENUMS.has(name)) input[field] = cell.text.toUpperCase().replace(/\s+/g, '_');
    else input[field] = cell.text;
  });
  return { input: input as PledgeInput, problems };
}
