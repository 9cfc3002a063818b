import { HttpStatus } from '@nestjs/common';
import { assertNever, clip, DomainException } from '../errors/domain.exception.js';

const MAX_HEADERS_SHOWN = 30;
const MAX_HEADER_CHARS = 60;

/** Why a whole file was refused before any row counted (DOMAIN §12). */
export enum SpreadsheetErrorCode {
  EMPTY_FILE = 'EMPTY_FILE',
  NOT_A_SPREADSHEET = 'NOT_A_SPREADSHEET',
  CSV_NOT_UTF8 = 'CSV_NOT_UTF8',
  OLD_EXCEL_FORMAT = 'OLD_EXCEL_FORMAT',
  PASSWORD_PROTECTED = 'PASSWORD_PROTECTED',
  OPENDOCUMENT_FORMAT = 'OPENDOCUMENT_FORMAT',
  CORRUPT_FILE = 'CORRUPT_FILE',
  HIDDEN_SHEET = 'HIDDEN_SHEET',
  CSV_QUOTES = 'CSV_QUOTES',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  UNKNOWN_COLUMN = 'UNKNOWN_COLUMN',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  NO_DATA_ROWS = 'NO_DATA_ROWS',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  INFLATES_TOO_LARGE = 'INFLATES_TOO_LARGE',
}

export class SpreadsheetException extends DomainException<SpreadsheetErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case SpreadsheetErrorCode.EMPTY_FILE:
      case SpreadsheetErrorCode.NOT_A_SPREADSHEET:
      case SpreadsheetErrorCode.CSV_NOT_UTF8:
      case SpreadsheetErrorCode.OLD_EXCEL_FORMAT:
      case SpreadsheetErrorCode.PASSWORD_PROTECTED:
      case SpreadsheetErrorCode.OPENDOCUMENT_FORMAT:
      case SpreadsheetErrorCode.CORRUPT_FILE:
      case SpreadsheetErrorCode.HIDDEN_SHEET:
      case SpreadsheetErrorCode.CSV_QUOTES:
      case SpreadsheetErrorCode.MISSING_COLUMNS:
      case SpreadsheetErrorCode.UNKNOWN_COLUMN:
      case SpreadsheetErrorCode.DUPLICATE_COLUMN:
      case SpreadsheetErrorCode.NO_DATA_ROWS:
        return HttpStatus.BAD_REQUEST;
      case SpreadsheetErrorCode.TOO_MANY_ROWS:
      case SpreadsheetErrorCode.FILE_TOO_LARGE:
      case SpreadsheetErrorCode.INFLATES_TOO_LARGE:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      default:
        return assertNever(this.code);
    }
  }

  /** An uploaded file over UPLOAD_MAX_MB, refused while it arrives (UploadTooLargeFilter). */
  static fileTooLarge(maxBytes: number): SpreadsheetException {
    const mb = Math.floor(maxBytes / (1024 * 1024));
    return new SpreadsheetException(
      SpreadsheetErrorCode.FILE_TOO_LARGE,
      `Berkas melebihi batas ukuran unggahan (${mb} MB). Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.`,
      { maxBytes },
    );
  }

  /**
   * An .xlsx part that inflates past what any real workbook reaches (zip-entry.ts): a zip bomb, or
   * a cell longer than Excel allows. `part` is the zip entry, `limit` the rule it broke.
   */
  static inflatesTooLarge(filename: string, part: string, limit: 'RATIO' | 'TEXT' | 'SIZE'): SpreadsheetException {
    const why = {
      RATIO: 'isinya mengembang lebih dari 100 kali ukuran terkompresinya',
      // any run of text between two tags: a value, or padding between elements (QA: a zip bomb of spaces was told of a long cell)
      TEXT: 'ada teks tanpa putus lebih dari 256 KB di dalamnya (isi sel atau sela antarbagian), padahal satu sel Excel paling banyak 32.767 karakter',
      SIZE: 'daftar teksnya (sharedStrings) melebihi 256 MB, lebih dari dua kali daftar 1.000.000 peserta',
    }[limit];
    return new SpreadsheetException(
      SpreadsheetErrorCode.INFLATES_TOO_LARGE,
      `Berkas "${filename}" ditolak: saat dibuka, ${why} (bagian ${part}). Lembar kerja yang wajar tidak begitu; ` +
        'berkas ini tidak dibaca sama sekali. Simpan ulang data dari Excel sebagai .xlsx baru (atau sebagai CSV UTF-8), lalu unggah kembali.',
      { filename, part, limit },
    );
  }

  /**
   * A file of 0 bytes (`zeroBytes`), or one with no visible row on any sheet, named like every other
   * whole-file refusal (QA: it named no file and had no details).
   */
  static empty(filename: string, zeroBytes = true): SpreadsheetException {
    const what = zeroBytes ? 'kosong (0 byte)' : 'tidak berisi baris apa pun pada sheet yang terlihat';
    return new SpreadsheetException(
      SpreadsheetErrorCode.EMPTY_FILE,
      `Berkas "${filename}" ${what}. Unggah berkas .xlsx atau .csv yang berisi data.`,
      { filename },
    );
  }

  /** Text (a .csv, most often) under an Excel name: said so, with what to do (QA: "bukan lembar kerja" for a CSV named .xlsx). */
  static textNamedAsExcel(filename: string): SpreadsheetException {
    const ext = filename.slice(filename.lastIndexOf('.'));
    return new SpreadsheetException(
      SpreadsheetErrorCode.NOT_A_SPREADSHEET,
      `Berkas "${filename}" berisi teks (seperti CSV), bukan berkas Excel, walau namanya berakhiran ${ext}. ` +
        'Jika isinya CSV, ganti akhiran namanya menjadi .csv lalu unggah kembali; atau buka di Excel dan simpan sebagai .xlsx.',
      { filename },
    );
  }

  /**
   * A web page (HTML), most often a web application's table export saved with an Excel name (`named`):
   * what to do is open it and save it as a workbook (QA: told to rename it .csv).
   */
  static html(filename: string, named: boolean): SpreadsheetException {
    const ext = filename.slice(filename.lastIndexOf('.'));
    const as = named ? ` yang disimpan dengan nama berkas Excel (${ext})` : '';
    return new SpreadsheetException(
      SpreadsheetErrorCode.NOT_A_SPREADSHEET,
      `Berkas "${filename}" adalah halaman web (HTML)${as}, bukan lembar kerja Excel atau CSV. ` +
        'Buka berkas ini di Excel atau LibreOffice, pilih Simpan Sebagai (Save As) → "Excel Workbook (*.xlsx)" (atau "CSV UTF-8"), lalu unggah berkas hasil simpanan itu.',
      { filename },
    );
  }

  /** Excel 2003's XML Spreadsheet, which the service does not read: saved again as a workbook, it is. */
  static xmlSpreadsheet(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.NOT_A_SPREADSHEET,
      `Berkas "${filename}" adalah lembar kerja XML Excel 2003 (XML Spreadsheet), format lama yang tidak dibaca. ` +
        'Buka berkas ini di Excel atau LibreOffice, pilih Simpan Sebagai (Save As) → "Excel Workbook (*.xlsx)" (atau "CSV UTF-8"), lalu unggah berkas hasil simpanan itu.',
      { filename },
    );
  }

  /** A PDF, whatever its name (QA: a text-only PDF named .pdf was read as a CSV with the header "%PDF-1.4"). */
  static pdf(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.NOT_A_SPREADSHEET,
      `Berkas "${filename}" adalah dokumen PDF, bukan lembar kerja. Unggah berkas Excel (.xlsx) atau CSV (.csv) berisi data itu, bukan hasil cetaknya.`,
      { filename },
    );
  }

  static notASpreadsheet(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.NOT_A_SPREADSHEET,
      `Berkas "${filename}" bukan lembar kerja yang dapat dibaca. Unggah berkas Excel (.xlsx) atau CSV (.csv).`,
      { filename },
    );
  }

  /**
   * Text, but in an 8-bit encoding (Excel's plain "CSV (Comma delimited)" on Windows is ANSI/Windows-1252),
   * wherever the first such byte stands; `at` names its row and the field as read (the letter shown as �).
   */
  static csvNotUtf8(filename: string, at?: { row: number; text: string }): SpreadsheetException {
    const where = at ? ` Baris ${at.row} memuat huruf yang tidak dapat dibaca ("${clip(at.text, MAX_HEADER_CHARS)}").` : '';
    return new SpreadsheetException(
      SpreadsheetErrorCode.CSV_NOT_UTF8,
      `Berkas "${filename}" berupa teks CSV, tetapi tidak tersimpan sebagai UTF-8 (misalnya ANSI/Windows-1252), sehingga huruf-hurufnya tidak dapat dibaca dengan pasti.${where} ` +
        'Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited) (*.csv)", atau unggah berkas .xlsx. Tidak ada baris yang disimpan dari berkas ini.',
      at ? { filename, row: at.row } : { filename },
    );
  }

  /**
   * Text in UTF-16 (a byte order mark FF FE or FE FF, or without one NUL in every other byte):
   * Excel's "Unicode Text (*.txt)", which a user may rename .csv. Same code as an 8-bit CSV (the
   * text is not UTF-8), its own words.
   */
  static csvUtf16(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.CSV_NOT_UTF8,
      `Berkas "${filename}" berupa teks UTF-16 (misalnya hasil "Unicode Text" dari Excel), bukan CSV UTF-8, sehingga tidak dapat dibaca. ` +
        'Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited) (*.csv)", atau unggah berkas .xlsx. Tidak ada baris yang disimpan dari berkas ini.',
      { filename, encoding: 'UTF-16' },
    );
  }

  static oldExcel(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.OLD_EXCEL_FORMAT,
      `Berkas "${filename}" berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai "Excel Workbook (.xlsx)" dan unggah ulang.`,
      { filename },
    );
  }

  /** A password-protected workbook: Excel stores it encrypted in a compound file, as it does an old .xls (compound-file.ts tells them apart). */
  static passwordProtected(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.PASSWORD_PROTECTED,
      `Berkas "${filename}" dilindungi kata sandi sehingga isinya tidak dapat dibaca. ` +
        'Buka di Excel, hapus kata sandinya (File > Info > Protect Workbook > Encrypt with Password (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi), kosongkan kata sandinya), simpan, lalu unggah ulang.',
      { filename },
    );
  }

  /** An OpenDocument spreadsheet (.ods, LibreOffice Calc): a zip, but not an .xlsx. */
  static openDocument(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.OPENDOCUMENT_FORMAT,
      `Berkas "${filename}" berformat OpenDocument Spreadsheet (.ods, misalnya dari LibreOffice Calc), yang tidak didukung. ` +
        'Buka berkas itu lalu simpan sebagai Excel .xlsx (LibreOffice: File > Save As (Berkas > Simpan Sebagai), pilih "Excel 2007-365 (.xlsx)") atau sebagai CSV UTF-8, lalu unggah ulang.',
      { filename },
    );
  }

  /** The zip library's own words stay in the server log (sheet-reader.ts): they are English and say nothing to the user. */
  static corrupt(filename: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.CORRUPT_FILE,
      `Berkas "${filename}" rusak atau tidak lengkap sehingga tidak dapat dibaca. Simpan ulang dari Excel lalu unggah kembali.`,
      { filename },
    );
  }

  /** The file's data (its header row, or every row) is only on a hidden sheet, which is never read: nobody checking the file sees it. */
  static hiddenSheet(filename: string, sheet: string): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.HIDDEN_SHEET,
      `Data berkas "${filename}" ada di sheet tersembunyi "${clip(sheet, MAX_HEADER_CHARS)}", dan sheet tersembunyi tidak dibaca (isinya tidak terlihat oleh yang memeriksa berkas). ` +
        'Tampilkan sheet itu di Excel (klik kanan tab sheet → Unhide/Tampilkan) atau salin datanya ke sheet yang terlihat, lalu unggah kembali.',
      { filename, sheet },
    );
  }

  /** A quoted CSV field that is never closed, or closed and followed by more text: the records after it cannot be told apart. */
  static csvQuotes(rowNumber: number): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.CSV_QUOTES,
      `Baris ${rowNumber}: tanda kutip (") dalam berkas CSV tidak berpasangan, sehingga baris-baris sesudahnya tidak dapat dipisahkan. ` +
        'Perbaiki isian yang diawali tanda kutip pada baris itu (atau simpan ulang berkas dari Excel sebagai CSV), lalu unggah kembali.',
      { row: rowNumber },
    );
  }

  /**
   * `found` is what the file has where a header should be, which may be anything (a whole data
   * file on one line): the message and details keep the first 30 headers, 60 characters each, so
   * the error stored with the upload and listed with it stays small. `hint`: advice for what the file looks like
   * (SheetReaderOptions.missingColumnsHint), said last.
   */
  static missingColumns(missing: string[], found: string[], searchedRows?: number, hint?: string, lookAlikes: readonly { header: string; columns: readonly string[] }[] = []): SpreadsheetException {
    const list = missing.join(', ');
    const shown = found.slice(0, MAX_HEADERS_SHOWN).map((h) => clip(h, MAX_HEADER_CHARS));
    const more = found.length > shown.length ? ` … dan ${(found.length - shown.length).toLocaleString('id-ID')} kolom lainnya` : '';
    const seen = shown.length ? shown.join(', ') + more : '(tidak ada)';
    // the header is looked for near the top only: a header row further down reads as missing (QA)
    const searched = searchedRows === undefined ? '' : ` Judul kolom hanya dicari pada ${searchedRows.toLocaleString('id-ID')} baris pertama setiap sheet; pindahkan baris judul ke atas bila letaknya lebih bawah.`;
    // a header that most likely meant a missing column, as UNKNOWN_COLUMN says an optional one's (QA: `NIK KTP` got no hint)
    const meant = lookAlikes.map(({ header, columns }) => ` Kolom "${clip(header, MAX_HEADER_CHARS)}" tidak dikenal. Mungkin maksudnya ${columns.join(' dan ')}? Ganti judul kolomnya menjadi ${columns.join(' atau ')}.`).join('');
    const details = searchedRows === undefined ? { missing, found: shown, foundCount: found.length } : { missing, found: shown, foundCount: found.length, searchedRows };
    return new SpreadsheetException(
      SpreadsheetErrorCode.MISSING_COLUMNS,
      `Kolom wajib tidak ditemukan: ${list}.${meant} Judul kolom yang terbaca: ${seen}.${searched} Gunakan templat atau perbaiki judul kolom.${hint ? ` ${hint}` : ''}`,
      lookAlikes.length ? { ...details, columns: lookAlikes.map(({ header, columns }) => ({ header: clip(header, MAX_HEADER_CHARS), meant: [...columns] })) } : details,
    );
  }

  /**
   * Headers the format does not know that look like an optional column the file lacks (unknown-columns.ts):
   * read as absent, that column would be stored as its default (QA: `PERSEN (%)` of 50 saved at 100 %).
   */
  static unknownColumns(lookAlikes: readonly { header: string; columns: readonly string[] }[]): SpreadsheetException {
    const or = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} atau ${names.at(-1)}` : names[0]);
    const sentences = lookAlikes.map(({ header, columns }) => {
      const shown = clip(header, MAX_HEADER_CHARS);
      return `Kolom "${shown}" tidak dikenal. Mungkin maksudnya ${or(columns)}? Ganti judul kolomnya menjadi ${or(columns)} (atau hapus kolom itu), lalu unggah ulang.`;
    });
    return new SpreadsheetException(SpreadsheetErrorCode.UNKNOWN_COLUMN, sentences.join(' '), {
      columns: lookAlikes.map(({ header, columns }) => ({ header: clip(header, MAX_HEADER_CHARS), meant: [...columns] })),
    });
  }

  /**
   * Two or more headers read as one column (HeaderMatch.clashes): a hint set aside from one of them (`NIK` and
   * `NIK (16 digit)`) or one header repeated (`NIK` in columns B and E): which one holds the column cannot be told,
   * so none is guessed. Each header is named with its column's letter.
   */
  static duplicateColumns(clashes: readonly { column: string; headers: readonly string[]; letters: readonly string[] }[]): SpreadsheetException {
    const quoted = (headers: readonly string[], letters: readonly string[]) => {
      const shown = headers.map((h, i) => `"${clip(h, MAX_HEADER_CHARS)}" (kolom ${letters[i]})`);
      return `${shown.slice(0, -1).join(', ')} dan ${shown.at(-1)}`;
    };
    const sentences = clashes.map(({ column, headers, letters }) => `Kolom ${quoted(headers, letters)} sama-sama dibaca sebagai ${column}, sehingga tidak jelas kolom mana yang dipakai.`);
    return new SpreadsheetException(
      SpreadsheetErrorCode.DUPLICATE_COLUMN,
      `${sentences.join(' ')} Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.`,
      { columns: clashes.map(({ column, headers, letters }) => ({ column, headers: headers.map((h) => clip(h, MAX_HEADER_CHARS)), letters: [...letters] })) },
    );
  }

  /**
   * A header and no data row under it, naming the file, its sheet (an .xlsx's; none for a .csv) and the row the data
   * should start on (QA: the enrollment template uploaded empty was told neither which file nor from which row).
   * `rows`: what a data row is, as a message says it (`peserta` for an enrollment sheet; default `data`).
   */
  static noDataRows(headerRow: number, filename: string, sheet?: string, rows = 'data'): SpreadsheetException {
    const where = sheet ? `Berkas "${filename}", sheet "${sheet}",` : `Berkas "${filename}"`;
    return new SpreadsheetException(
      SpreadsheetErrorCode.NO_DATA_ROWS,
      `${where} tidak berisi baris ${rows} di bawah judul kolom (baris ${headerRow}): tidak ada baris ${rows} mulai baris ${headerRow + 1}. ` +
        `Isi ${rows === 'data' ? 'data' : `satu baris per ${rows}`} mulai baris ${headerRow + 1}, lalu unggah kembali.`,
      { headerRow, filename, ...(sheet !== undefined && { sheet }) },
    );
  }

  static tooManyRows(limit: number): SpreadsheetException {
    return new SpreadsheetException(
      SpreadsheetErrorCode.TOO_MANY_ROWS,
      `Berkas berisi lebih dari ${limit.toLocaleString('id-ID')} baris data, batas satu unggahan. Bagi berkas menjadi beberapa bagian.`,
      { limit },
    );
  }
}
