/**
 * The KODE_DESA cell of an enrollment row: a Kemendagri code of the regency, dotted or not, as the template's
 * drop-down offers it (`17.03.06.2001 - Nama Desa`) or typed; the name beside a code checked against the code's
 * village, and a village name typed instead of a code answered with its code. Used by EnrollmentRowValidator.
 */
import type { Cell } from '../../common/spreadsheet/cell.js';
import { collapsedText } from '../../common/text.js';
import { normalizeVillageCode } from '../../regions/village-code.js';
import type { ColumnLabels } from '../enrollment-columns.js';
import { reject, type EnrollmentRowIssue, RowIssueCode as C, warn } from './row-issue.js';
import { strayHint } from './row-cells.js';
import type { Required } from './identity-cells.js';

/** A village as a KODE_DESA cell names it (RegionsService.VillageView). */
export interface VillageName {
  code: string;
  name: string;
  kecamatanName: string;
}

/** A cell that starts with a village code (dots optional, a trailing dot allowed), and what follows it. */
const CODE_THEN_NAME = /^(\d{2}\.?\d{2}\.?\d{2}\.?\d{4})\.?(?!\d)(.*)$/s;

/** A village name as names are compared: case and runs of whitespace ignored. */
const villageKey = (name: string) => collapsedText(name).toLowerCase();

export class VillageCells {
  /** Codes as typed (dotted or not) → dotted code, for the villages seen so far. */
  private readonly codes = new Map<string, string>();
  /** The regency's villages by code, and by name as compared (villageKey), for the names a KODE_DESA cell holds. */
  private readonly villageByCode = new Map<string, VillageName>();
  private readonly villagesByName = new Map<string, VillageName[]>();

  constructor(
    private readonly villageCodes: ReadonlySet<string>,
    villages: readonly VillageName[],
  ) {
    for (const v of villages) {
      this.villageByCode.set(v.code, v);
      const key = villageKey(v.name);
      this.villagesByName.set(key, [...(this.villagesByName.get(key) ?? []), v]);
    }
  }

  /** The dotted code of the cell's village, or null with the issue recorded. */
  check(cell: Cell, L: ColumnLabels, issues: EnrollmentRowIssue[], required: Required): string | null {
    if (cell.kind === 'empty') return void issues.push(required('KODE_DESA')), null;
    // a code alone, as seen before in this file (most cells): nothing more to read or check
    const seen = this.codes.get(cell.text);
    if (seen !== undefined) return seen;
    // The template's drop-down offers "17.03.06.2001 - Nama Desa": the code is what the cell starts with, whatever
    // follows it ("-", "–", ":", ",", "(…)" or a space: QA found each typed), and what follows is the village's name.
    const lead = CODE_THEN_NAME.exec(cell.text);
    const text = lead ? lead[1] : cell.text;
    const code = this.codes.get(text) ?? normalizeVillageCode(text);
    if (!code) {
      issues.push(reject('KODE_DESA', C.VILLAGE_CODE_INVALID, `${L.KODE_DESA} "${cell.text}" bukan kode desa Kemendagri (contoh 17.03.06.2001 atau 1703062001).${strayHint(cell.text) || this.codesOfName(cell.text)}`));
      return null;
    }
    if (this.villageCodes.has(code)) {
      this.codes.set(text, code);
      if (lead && lead[2] !== '') this.nameBesideCode(cell.text, lead[2], code, L, issues);
      return code;
    }
    issues.push(reject('KODE_DESA', C.VILLAGE_UNKNOWN, `${L.KODE_DESA} ${code} tidak ada dalam daftar desa/kelurahan Kabupaten Bengkulu Utara. Pilih kode dari sheet Daftar Desa pada templat.`));
    return null;
  }

  /**
   * " Banjar Sari = 17.03.01.2001." when `text` is a village name of the regency (villageKey), each of
   * several villages of that name with its kecamatan; else '' (QA: a name was refused with no code offered).
   */
  private codesOfName(text: string): string {
    const named = this.villagesByName.get(villageKey(text));
    if (!named) return '';
    if (named.length === 1) return ` Isi kodenya: ${named[0].name} = ${named[0].code}.`;
    return ` Ada ${named.length} desa bernama ${named[0].name}; isi kode yang dimaksud: ${named.map((v) => `${v.code} (Kecamatan ${v.kecamatanName})`).join(', ')}.`;
  }

  /**
   * A drop-down value "17.03.01.2001 - Meok" whose name is not the code's village: the code wins, the
   * row is kept, and a warning names both (QA: taken silently; then taken silently with "–", ":", "(…)" or a space).
   */
  private nameBesideCode(text: string, after: string, code: string, L: ColumnLabels, issues: EnrollmentRowIssue[]): void {
    const village = this.villageByCode.get(code);
    const said = collapsedText(after.replace(/^[\s\-–—:,;(]+/, '').replace(/[\s)]+$/, ''));
    if (!village || !/\p{L}/u.test(said) || villageKey(said) === villageKey(village.name)) return;
    const other = this.villagesByName.get(villageKey(said));
    const fix = other?.length === 1 ? ` Bila yang dimaksud ${other[0].name}, ganti kodenya menjadi ${other[0].code}.` : ' Periksa kode dan nama desanya.';
    issues.push(
      warn('KODE_DESA', C.VILLAGE_NAME_MISMATCH, `${L.KODE_DESA} "${text}": kode ${code} adalah desa ${village.name}, tetapi sel menyebut "${said}". Kode yang dipakai (${village.name}).${fix} Baris tetap diterima.`),
    );
  }
}
