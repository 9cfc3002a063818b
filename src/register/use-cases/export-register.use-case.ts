/**
 * The register as an enrollment sheet (QA: every change of a participant, a death say, must repeat the
 * whole row of §12, and the operator had no copy of what the register holds, so a mistyped TMT in a
 * death row silently moved the participant's coverage). `GET /api/v1/participants/export.xlsx` writes
 * the participants the search's filters select into the template's own sheet, "Daftar Peserta", in
 * the template's columns and formats: the operator changes the rows that change (fills TAT and
 * ALASAN_BERAKHIR, say) and uploads the file back. Rows left as they are change nothing (`unchanged`).
 *
 * Dates are written as the operator types them, DD/MM/YYYY in Text cells, read back day first (§12).
 * Streamed page by page (a whole regency's register fits in a few MB). Every export is in the audit
 * trail: it holds personal data.
 */
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { dayFirst, dayName, monthName } from '../../common/month.js';
import { markAsText } from '../../common/spreadsheet/formula-injection.js';
import { columnStyle, frozenHeader, HEADER_STYLE, TITLE_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { WorkbookOutput } from '../../reports/workbook/workbook-output.js';
import type { RegisterFilterDto } from '../dto/register-query.dto.js';
import { ENROLLMENT_COLUMNS, ENROLLMENT_SHEET } from '../enrollment-columns.js';
import type { Participant } from '../entities/participant.entity.js';
import { ParticipantsService } from '../participants.service.js';

const PAGE = 5_000;

@Injectable()
export class ExportRegister {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** `peserta-jamkesda-2026-12-06.xlsx`: the day (WIB) it was taken. */
  filename(): string {
    return `peserta-jamkesda-${dayInWib(this.clock.now())}.xlsx`;
  }

  async write(filter: RegisterFilterDto, actor: string, out: Writable): Promise<void> {
    const now = this.clock.now();
    const output = new WorkbookOutput(out, now);
    const ws = output.workbook.addWorksheet(ENROLLMENT_SHEET, { views: frozenHeader(1) });
    ws.columns = ENROLLMENT_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: Math.max(c.width, c.name.length + 4), style: columnStyle(c.kind === 'date' ? 'text' : c.kind) }));
    ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
    ws.getRow(1).commit();
    let rows = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.participants.page(filter, after, PAGE);
      for (const p of page) {
        const row = ws.addRow(sheetRow(p));
        row.eachCell((cell) => markAsText(cell));
        row.commit();
        await output.rowWritten();
      }
      rows += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1].nik;
      await output.breathe();
    }
    ws.commit();
    instructions(output, filter, rows, now);
    // Recorded before the last bytes go out, so whoever holds the file was audited.
    await this.audit.record({ actor, action: 'participant.export', entity: 'participant', entityId: null, summary: { filter: shownFilter(filter), rows } });
    await output.finish();
  }
}

/** A participant as a row of the enrollment sheet, in ENROLLMENT_COLUMNS' order (null: an empty cell). */
export function sheetRow(p: Participant): (string | null)[] {
  return [p.nik, p.noKk, p.name, dayFirst(p.birthDate), p.sex, p.villageCode, p.noka, dayFirst(p.tmt), p.tat && dayFirst(p.tat), p.endReason];
}

function shownFilter(filter: RegisterFilterDto): Record<string, string> {
  const { nik, villageCode, coveredIn, name } = filter;
  return Object.fromEntries(Object.entries({ nik, villageCode, coveredIn, name }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

function instructions(output: WorkbookOutput, filter: RegisterFilterDto, rows: number, now: Date): void {
  const ws = output.workbook.addWorksheet('Petunjuk');
  ws.columns = [{ width: 110 }];
  const filters = Object.entries(shownFilter(filter)).map(([k, v]) => filterInWords(k, v));
  const lines = [
    `Salinan daftar peserta Jamkesda per ${dayName(dayInWib(now))}: ${rows.toLocaleString('id-ID')} peserta${filters.length ? `, ${filters.join(', ')}` : ', seluruh daftar'}.`,
    `Ubah hanya baris yang berubah di sheet "${ENROLLMENT_SHEET}", misalnya isi TAT dan ALASAN_BERAKHIR untuk peserta yang meninggal atau pindah, lalu unggah berkas ini di menu Unggah Peserta.`,
    'Baris yang tidak diubah tidak mengubah apa pun (dihitung "tidak berubah"); baris yang tidak perlu boleh dihapus.',
    'Tanggal ditulis hari dulu (DD/MM/YYYY). Jangan mengubah NIK: NIK lain dibaca sebagai peserta baru.',
  ];
  ws.addRow(['Petunjuk']).getCell(1).style = TITLE_STYLE;
  for (const line of lines) ws.addRow([line]).getCell(1).style = { alignment: { wrapText: true, vertical: 'top' } };
  ws.commit();
}

const FILTER_LABELS: Record<string, string> = { nik: 'NIK', villageCode: 'desa', coveredIn: 'tertanggung pada', name: 'nama berawalan' };

/**
 * A filter as the Petunjuk says it: a NIK of fewer than 16 digits is a prefix (`NIK berawalan 1703`; QA: it read as a
 * whole NIK), a month by its name (`tertanggung pada Oktober 2026`).
 */
function filterInWords(key: string, value: string): string {
  if (key === 'nik' && value.length < 16) return `NIK berawalan ${value}`;
  return `${FILTER_LABELS[key]} ${key === 'coveredIn' ? monthName(value) : value}`;
}
