import { ApiOkResponse } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from '../spreadsheet/workbook-style.js';

/** A route answering an Excel workbook as an attachment (errors before its first byte stay JSON). */
export function ApiXlsxResponse(description = 'Buku kerja Excel (.xlsx), sebagai lampiran.') {
  return ApiOkResponse({ description, content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } });
}
