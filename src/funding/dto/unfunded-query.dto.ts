import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageNumber, PageSizeUpTo1000 } from '../../common/http/paging.js';
import { VILLAGE_CODE_MESSAGE, VILLAGE_CODE_PATTERN } from '../../regions/village-code.js';

/** GET /allocations/:month/unfunded: the participants of a month with an unfunded remainder, by village. */
export class UnfundedQueryDto {
  @ApiPropertyOptional({ example: '17.03.06.2001', description: 'dots optional' })
  @IsOptional()
  @Matches(VILLAGE_CODE_PATTERN, { message: VILLAGE_CODE_MESSAGE })
  villageCode?: string;

  @PageNumber() page: number = 1;

  @PageSizeUpTo1000(100)
  pageSize: number = 100;
}
