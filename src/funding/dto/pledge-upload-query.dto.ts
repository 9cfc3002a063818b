import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { refused } from '../../common/http/validation.js';

const DRY_RUN_VALUES = ['true', 'false', '1', '0'];

/**
 * `?dryRun=`: only these four spellings. Anything else (`TRUE`, `ya`, the parameter twice, which the
 * validation pipe refuses as sent twice) was read as false, and the sheet meant to be checked was saved.
 */
export class PledgeUploadQueryDto {
  @ApiPropertyOptional({ enum: DRY_RUN_VALUES, description: 'true or 1: check the sheet only, save nothing' })
  @IsOptional()
  @IsIn(DRY_RUN_VALUES, { message: 'dryRun harus true, false, 1 atau 0' })
  dryRun?: string;

  get isDryRun(): boolean {
    return this.dryRun === 'true' || this.dryRun === '1';
  }
}

/** The form of a pledge upload: its file and, as in the query, `dryRun` (QA: `dryRun=true` sent in the form was not read and the pledges were saved). */
export class PledgeUploadFormDto extends PledgeUploadQueryDto {
  /** The sheet itself (read with `@UploadedFile()`); sent as text, it is told the file is required. */
  @IsOptional()
  file?: unknown;
}

/**
 * Whether the upload only checks the sheet: `dryRun` from the query, the form or both. Sent in both
 * with different meanings (`?dryRun=true` and `false` in the form), it is refused, not guessed.
 */
export function isDryRun(query: PledgeUploadQueryDto, form: PledgeUploadFormDto): boolean {
  if (query.dryRun === undefined || form.dryRun === undefined || query.isDryRun === form.isDryRun) return query.isDryRun || form.isDryRun;
  throw refused([
    { field: 'dryRun', messages: [`dryRun dikirim dua kali dengan nilai berbeda (${query.dryRun} pada alamat, ${form.dryRun} pada formulir): kirim sekali saja`] },
  ]);
}
