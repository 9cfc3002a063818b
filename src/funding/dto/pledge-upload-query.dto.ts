import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

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
