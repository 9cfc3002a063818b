import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE, PageSizeUpTo1000 } from '../../common/http/paging.js';
import { QueryInteger } from '../../common/http/validation.js';
import { VILLAGE_CODE_MESSAGE, VILLAGE_CODE_PATTERN } from '../../regions/village-code.js';

/** GET /allocations/:month/unfunded: the participants of a month with an unfunded remainder, by village. */
export class UnfundedQueryDto {
  @ApiPropertyOptional({ example: '17.03.06.2001', description: 'dots optional' })
  @IsOptional()
  @Matches(VILLAGE_CODE_PATTERN, { message: VILLAGE_CODE_MESSAGE })
  villageCode?: string;

  @ApiPropertyOptional({ default: 1, type: 'integer', minimum: 1, maximum: MAX_PAGE }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;

  @PageSizeUpTo1000(100)
  pageSize: number = 100;
}
