import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MONTH_PATTERN } from '../../common/month.js';
import { QueryInteger } from '../../common/http/validation.js';

/** The period of a statement: one month or one fiscal year (exactly one of the two), or a quarter of that year. */
export class StatementQueryDto {
  @ApiPropertyOptional({ description: 'Bulan YYYY-MM', example: '2026-10' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'month harus berformat YYYY-MM dengan tahun 2000–2099, misalnya 2026-10.' })
  month?: string;

  @ApiPropertyOptional({ description: 'Tahun anggaran YYYY', example: 2026 })
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: 'year harus tahun (angka, mis. 2026).' })
  @Min(2000, { message: 'year paling awal 2000.' })
  @Max(2099, { message: 'year paling akhir 2099.' })
  year?: number;

  @ApiPropertyOptional({ description: 'Triwulan 1–4 tahun anggaran `year` (1: Januari–Maret, …, 4: Oktober–Desember)', example: 3 })
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: 'quarter harus triwulan 1, 2, 3 atau 4.' })
  @Min(1, { message: 'quarter harus triwulan 1, 2, 3 atau 4.' })
  @Max(4, { message: 'quarter harus triwulan 1, 2, 3 atau 4.' })
  quarter?: number;
}
