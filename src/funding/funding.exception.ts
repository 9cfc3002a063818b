import { HttpStatus } from '@nestjs/common';
import { monthInFuture, wibTimestamp } from '../common/clock/clock.js';
import { assertNever, clip, DomainException } from '../common/errors/domain.exception.js';
import type { FieldProblem } from '../common/errors/field-problem.js';
import { ADJUSTMENT_ENTRY, CLOSED_MONTH_CORRECTION, CommonErrorCode, CommonException } from '../common/errors/common.exception.js';
import { monthName } from '../common/month.js';
import { afterColon } from '../common/text.js';
import { missingPremiumMessage, PREMIUM_COMPONENT } from './domain/tariff-gaps.js';
import type { TariffProblem } from './domain/tariff-rules.js';

export enum FundingErrorCode {
  PLEDGE_INVALID = 'PLEDGE_INVALID',
  PLEDGE_EXISTS = 'PLEDGE_EXISTS',
  PLEDGE_NOT_FOUND = 'PLEDGE_NOT_FOUND',
  PLEDGE_UNCHANGED = 'PLEDGE_UNCHANGED',
  PLEDGE_WITHDRAWN = 'PLEDGE_WITHDRAWN',
  PLEDGE_ALREADY_WITHDRAWN = 'PLEDGE_ALREADY_WITHDRAWN',
  PLEDGE_NOT_WITHDRAWN = 'PLEDGE_NOT_WITHDRAWN',
  REVISION_CONFLICT = 'REVISION_CONFLICT',
  TARIFF_INVALID = 'TARIFF_INVALID',
  TARIFF_UNCHANGED = 'TARIFF_UNCHANGED',
  TARIFF_MISSING = 'TARIFF_MISSING',
  MONTH_INVALID = 'MONTH_INVALID',
  MONTH_FROZEN = 'MONTH_FROZEN',
  MONTH_IN_FUTURE = 'MONTH_IN_FUTURE',
  PROJECTION_TOO_FAR = 'PROJECTION_TOO_FAR',
  NOT_ALLOCATED = 'NOT_ALLOCATED',
  PARTICIPANT_NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  FILE_REQUIRED = 'FILE_REQUIRED',
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',
}

/** Who allocates a month and when, said with every NOT_ALLOCATED. */
const HOW_ALLOCATED = 'Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau petugas keuangan dapat menjalankannya.';

/**
 * No pledge has `code`, naming `similar`, the stored code that differs from it only in upper/lower
 * case, when there is one (storedPledgeCode): the API's 404 and a payment sheet's row say the same.
 */
export function pledgeNotFoundMessage(code: string, similar?: string): string {
  const hint = similar ? ` Maksudnya "${similar}"? Huruf besar/kecil pada kode komitmen dibedakan.` : '';
  return `Komitmen pendanaan "${clip(code)}" tidak ditemukan.${hint}`;
}

function tariffDetails({ field, tariffId }: TariffProblem): Record<string, unknown> | undefined {
  const details = { ...(field ? { field } : {}), ...(tariffId !== undefined ? { tariffId } : {}) };
  return Object.keys(details).length ? details : undefined;
}

/** Errors of tariffs, pledges and allocation, with Indonesian messages for the finance officer. */
export class FundingException extends DomainException<FundingErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case FundingErrorCode.PLEDGE_INVALID:
      case FundingErrorCode.PLEDGE_UNCHANGED:
      case FundingErrorCode.TARIFF_INVALID:
      case FundingErrorCode.TARIFF_UNCHANGED:
      case FundingErrorCode.MONTH_INVALID:
      case FundingErrorCode.MONTH_IN_FUTURE:
      case FundingErrorCode.PROJECTION_TOO_FAR:
      case FundingErrorCode.FILE_REQUIRED:
        return HttpStatus.BAD_REQUEST;
      case FundingErrorCode.PLEDGE_EXISTS:
      case FundingErrorCode.PLEDGE_WITHDRAWN:
      case FundingErrorCode.PLEDGE_ALREADY_WITHDRAWN:
      case FundingErrorCode.PLEDGE_NOT_WITHDRAWN:
      case FundingErrorCode.REVISION_CONFLICT:
      case FundingErrorCode.MONTH_FROZEN:
      case FundingErrorCode.TARIFF_MISSING:
        return HttpStatus.CONFLICT;
      case FundingErrorCode.PLEDGE_NOT_FOUND:
      case FundingErrorCode.NOT_ALLOCATED:
      case FundingErrorCode.PARTICIPANT_NOT_FOUND:
      case FundingErrorCode.UPLOAD_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }

  /**
   * A tariff row refused (tariff-rules.ts); `details.field` names the request field at fault when there
   * is one, `details.tariffId` the stored row it clashes with.
   */
  static tariffInvalid(problem: TariffProblem): FundingException {
    return new FundingException(FundingErrorCode.TARIFF_INVALID, `Tarif tidak valid: ${afterColon(problem.message)}`, tariffDetails(problem));
  }

  /** A tariff row that would change nothing: the open row it follows says the same (unchangedProblem). */
  static tariffUnchanged(problem: TariffProblem): FundingException {
    return new FundingException(FundingErrorCode.TARIFF_UNCHANGED, problem.message, tariffDetails(problem));
  }

  /** `month` cannot be priced: no IURAN row covers its 1st (tariff-gaps.ts); `asked` is the month asked for, which needs it. */
  static tariffMissing(month: string, asked = month): FundingException {
    const details = asked === month ? { month, component: PREMIUM_COMPONENT } : { month, askedMonth: asked, component: PREMIUM_COMPONENT };
    return new FundingException(FundingErrorCode.TARIFF_MISSING, missingPremiumMessage(month, asked), details);
  }

  /** The first problem after the colon as the tariff's (`… tidak valid: kode desa tidak dikenal …`, not `: Kode desa …`). */
  static pledgeInvalid(problems: FieldProblem[]): FundingException {
    const first = problems[0]?.messages[0] ?? '';
    return new FundingException(FundingErrorCode.PLEDGE_INVALID, `Komitmen pendanaan tidak valid: ${afterColon(first)}`, problems);
  }

  /** In the console's words (menu Komitmen, section "Ubah komitmen (revisi)"), no API route: people read it; programs read `code`. */
  static pledgeExists(code: string): FundingException {
    return new FundingException(
      FundingErrorCode.PLEDGE_EXISTS,
      `Kode komitmen "${code}" sudah dipakai. Gunakan kode lain, atau revisi komitmen yang ada: buka menu Komitmen, pilih komitmen "${code}", lalu isi bagian "Ubah komitmen (revisi)".`,
      { code },
    );
  }

  /**
   * A pledge of a fiscal year whose every month is finalized (or frozen by its finalized December): 409 MONTH_CLOSED, said
   * plainly, with the one correction left (QA: told to pick open months, impossible for a 2026 pledge in 2027).
   */
  static pledgeYearClosed(code: string, fiscalYear: number, change: 'create' | 'revise' | 'withdraw' | 'reinstate'): CommonException {
    const what = {
      create: `komitmen ${code} tidak dapat dicatat untuk tahun itu`,
      revise: `komitmen ${code} tidak dapat diubah lagi`,
      withdraw: `komitmen ${code} tidak dapat dicabut lagi`,
      reinstate: `komitmen ${code} tidak dapat dipulihkan lagi`,
    }[change];
    return new CommonException(
      CommonErrorCode.MONTH_CLOSED,
      `Semua bulan tahun anggaran ${fiscalYear} sudah difinalisasi (Desember ${fiscalYear} sudah difinalisasi, bulan-bulan sebelumnya ikut dibekukan): ` +
        `${what}. Koreksi uang untuk tahun itu dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka ${ADJUSTMENT_ENTRY}.`,
      { month: `${fiscalYear}-12`, fiscalYear },
    );
  }

  static pledgeUnchanged(code: string, revision: number): FundingException {
    return new FundingException(
      FundingErrorCode.PLEDGE_UNCHANGED,
      `Perubahan tidak mengubah isi komitmen "${code}" (revisi ${revision}), jadi tidak dicatat sebagai revisi baru.`,
      { code, revision },
    );
  }

  /** A revision (PATCH) of a withdrawn pledge: it is reinstated first, then revised (a withdrawn pledge's terms pay nothing). */
  static pledgeWithdrawn(code: string, withdrawnAt: Date, withdrawnBy: string): FundingException {
    return new FundingException(
      FundingErrorCode.PLEDGE_WITHDRAWN,
      `Komitmen "${code}" sudah dicabut (${wibTimestamp(withdrawnAt)} oleh ${withdrawnBy}) dan tidak dapat direvisi: pulihkan dulu komitmen itu (bagian "Pulihkan komitmen"), lalu ubah.`,
      { code, withdrawnAt: withdrawnAt.toISOString(), withdrawnBy },
    );
  }

  /** Withdrawing a pledge already withdrawn: nothing to withdraw, nothing recorded. */
  static pledgeAlreadyWithdrawn(code: string, withdrawnAt: Date, withdrawnBy: string): FundingException {
    return new FundingException(
      FundingErrorCode.PLEDGE_ALREADY_WITHDRAWN,
      `Komitmen "${code}" sudah dicabut (${wibTimestamp(withdrawnAt)} oleh ${withdrawnBy}), jadi tidak dicabut lagi. Untuk mengikutkannya kembali dalam alokasi, pulihkan komitmen itu.`,
      { code, withdrawnAt: withdrawnAt.toISOString(), withdrawnBy },
    );
  }

  /**
   * A change sent from revision `expected` (`expectedRevision` or `If-Match`) of a pledge now at a later one (`latest`: who
   * recorded it and when): another officer changed it since the page was loaded, so nothing is written (the later
   * change is not silently overwritten). An `expected` above the current revision names no revision that exists.
   */
  static revisionConflict(code: string, expected: number, latest: { revision: number; changedBy: string; changedAt: Date }): FundingException {
    const { revision, changedBy, changedAt } = latest;
    const by = `oleh ${changedBy} pada ${wibTimestamp(changedAt)}`;
    const what =
      expected > revision
        ? `Komitmen "${code}" belum sampai revisi ${expected} yang Anda kirim: revisi terakhirnya ${revision}, dicatat ${by}. Perubahan Anda tidak disimpan`
        : revision - expected === 1
          ? `Komitmen "${code}" sudah diubah sejak halaman Anda dimuat: revisi ${revision} dicatat ${by}, sesudah revisi ${expected} yang Anda ubah. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa`
          : `Komitmen "${code}" sudah diubah sejak halaman Anda dimuat: revisi ${expected + 1}–${revision} dicatat sesudah revisi ${expected} yang Anda ubah, yang terakhir ${by}. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa`;
    return new FundingException(
      FundingErrorCode.REVISION_CONFLICT,
      `${what}: muat ulang halaman lalu ulangi perubahan Anda.`,
      { code, expectedRevision: expected, revision, changedBy, changedAt: changedAt.toISOString() },
    );
  }

  /** Reinstating a pledge that is not withdrawn: it already takes part in the allocation, nothing recorded. */
  static pledgeNotWithdrawn(code: string): FundingException {
    return new FundingException(
      FundingErrorCode.PLEDGE_NOT_WITHDRAWN,
      `Komitmen "${code}" tidak sedang dicabut: komitmen itu masih ikut dialokasikan, jadi tidak ada yang dipulihkan.`,
      { code },
    );
  }

  /** `similar`: the code of a pledge that differs only in upper/lower case, named as what was probably meant. */
  static pledgeNotFound(code: string, similar?: string): FundingException {
    return new FundingException(FundingErrorCode.PLEDGE_NOT_FOUND, pledgeNotFoundMessage(code, similar), { code: clip(code), ...(similar ? { similar } : {}) });
  }

  /** A NIK filter naming no participant of the register (as GET /participants/:nik answers it). */
  static participantNotFound(nik: string): FundingException {
    return new FundingException(FundingErrorCode.PARTICIPANT_NOT_FOUND, `Peserta dengan NIK ${nik} tidak terdaftar.`, { nik });
  }

  /** A pledge sheet upload without a file: FILE_REQUIRED, as every upload route answers it. */
  static fileRequired(): FundingException {
    return new FundingException(FundingErrorCode.FILE_REQUIRED, 'Lampirkan berkas komitmen (.xlsx atau .csv) pada kolom "file".');
  }

  /** No stored pledge sheet has this id (a dry run is never stored). */
  static pledgeUploadNotFound(id: string): FundingException {
    return new FundingException(FundingErrorCode.UPLOAD_NOT_FOUND, `Unggahan lembar komitmen "${clip(id)}" tidak ditemukan.`, { id: clip(id) });
  }

  /** `details.field` names the parameter, as a refused query parameter's details do; `month` is what came. */
  static monthInvalid(value: string): FundingException {
    return new FundingException(FundingErrorCode.MONTH_INVALID, `Bulan "${clip(value)}" tidak valid: gunakan format YYYY-MM dengan tahun 2000–2099, misalnya 2026-07.`, { field: 'month', month: clip(value) });
  }

  /**
   * Allocating a month past next month (WIB) is refused as bills and reconciliations are: a month as far
   * as 2099-12 is a typo, and allocating it wrote every earlier month of its year (QA).
   */
  static assertNotInFuture(month: string, now: Date): void {
    const refusal = monthInFuture(month, now, 'alokasi');
    if (refusal) throw new FundingException(FundingErrorCode.MONTH_IN_FUTURE, refusal.message, refusal.details);
  }

  /** A projection past next year (WIB): no pledge or register says anything about it yet. */
  static projectionTooFar(fiscalYear: number, latest: number): FundingException {
    return new FundingException(
      FundingErrorCode.PROJECTION_TOO_FAR,
      `Proyeksi pendanaan tahun ${fiscalYear} belum dapat dihitung: proyeksi paling jauh untuk tahun anggaran berikutnya, ${latest}.`,
      { field: 'fiscalYear', fiscalYear, latest },
    );
  }

  static monthFrozen(month: string, closedMonth: string): FundingException {
    return new FundingException(
      FundingErrorCode.MONTH_FROZEN,
      `Alokasi bulan ${monthName(month)} tidak dapat dihitung ulang: bulan ${monthName(closedMonth)} sesudahnya sudah difinalisasi, dan alokasinya memakai sisa pagu bulan-bulan sebelumnya. ${CLOSED_MONTH_CORRECTION}`,
      { month, closedMonth },
    );
  }

  /** Read by auditors as well: says what is missing and who makes it, not a route to call (QA). */
  static notAllocated(month: string): FundingException {
    return new FundingException(
      FundingErrorCode.NOT_ALLOCATED,
      `Bulan ${monthName(month)} belum dialokasikan: belum ada pembagian dana untuk bulan itu. ${HOW_ALLOCATED}`,
      { month },
    );
  }

  /** A range of months (GET /splits?from=&to=) none of whose months is allocated; one with some allocated reads those. */
  static rangeNotAllocated(from: string, to: string): FundingException {
    return new FundingException(
      FundingErrorCode.NOT_ALLOCATED,
      `${monthName(from)} s.d. ${monthName(to)} belum dialokasikan: belum ada pembagian dana untuk satu bulan pun di rentang itu. ${HOW_ALLOCATED}`,
      { from, to },
    );
  }

  /** A fiscal year none of whose months is allocated (a year statement would read "nobody registered"). */
  static yearNotAllocated(year: number): FundingException {
    return new FundingException(
      FundingErrorCode.NOT_ALLOCATED,
      `Tahun ${year} belum dialokasikan: belum ada pembagian dana untuk satu bulan pun di tahun itu. ${HOW_ALLOCATED}`,
      { year },
    );
  }

  /** A quarter none of whose months is allocated; `label` 'Triwulan III 2026 (Juli–September)'. */
  static quarterNotAllocated(year: number, quarter: number, label: string): FundingException {
    return new FundingException(
      FundingErrorCode.NOT_ALLOCATED,
      `${label} belum dialokasikan: belum ada pembagian dana untuk satu bulan pun di triwulan itu. ${HOW_ALLOCATED}`,
      { year, quarter },
    );
  }
}
