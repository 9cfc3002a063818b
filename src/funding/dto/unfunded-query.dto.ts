import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE } from '../../common/http/paging.js';
import { QueryInteger } from '../../common/http/validation.js';
import { VILLAGE_CODE_MESSAGE, VILLAGE_CODE_PATTERN } from '../../regions/village-code.js';

/** GET /allocations/:month/unfunded: the participants of a month with an unfunded remainder, by village. */
export class UnfundedQueryDto {
  @ApiPropertyOptional({ example: '17.03.06.2001', description: 'dots optional' })
  @IsOptional()
  @Matches(VILLAGE_CODE_PATTERN, { message: VILLAGE_CODE_MESSAGE })
  villageCode?: string;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: 'pageSize harus bilangan bulat 1 sampai 1000' })
  @Min(1, { message: 'pageSize harus bilangan bulat 1 sampai 1000' })
  @Max(1000, { message: 'pageSize harus bilangan bulat 1 sampai 1000' })
  pageSize: number = 100;
}
