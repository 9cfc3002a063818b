import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_TARIFF_RUPIAH, rupiah } from '../../common/money.js';

const DATE = /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = (field: string) => `${field} harus tanggal berformat YYYY-MM-DD dengan tahun 2000–2099`;

export class CreateTariffDto {
  @ApiProperty({ example: 'IURAN' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'component harus huruf besar/angka/garis bawah, misalnya IURAN atau BANTUAN_DAERAH' })
  component: string;

  @ApiProperty({ enum: ['LOCAL', 'CENTRAL'] })
  @IsIn(['LOCAL', 'CENTRAL'], { message: 'payer harus LOCAL (dibayar kabupaten) atau CENTRAL (pemerintah pusat)' })
  payer: 'LOCAL' | 'CENTRAL';

  @ApiProperty({ example: 35000, type: 'integer' })
  @IsInt({ message: 'amount harus rupiah bulat' })
  @Min(0, { message: 'amount tidak boleh negatif' })
  @Max(MAX_TARIFF_RUPIAH, { message: `amount paling besar ${rupiah(MAX_TARIFF_RUPIAH)} per peserta per bulan` })
  amount: number;

  @ApiProperty({ example: '2027-01-01' })
  @Matches(DATE, { message: DATE_MESSAGE('validFrom') })
  validFrom: string;

  @ApiPropertyOptional({ example: null, type: String, nullable: true })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE('validTo') })
  validTo?: string | null;

  @ApiProperty({ example: 'Perpres 59/2024' })
  @IsString({ message: 'legalBasis (dasar hukum) harus berupa teks' }) // left out: the message below (validation.ts)
  @IsNotEmpty({ message: 'legalBasis (dasar hukum) wajib diisi' })
  @Matches(/\S/, { message: 'legalBasis (dasar hukum) wajib diisi' }) // spaces alone are no legal basis (QA: stored empty)
  @MaxLength(500)
  legalBasis: string;

  /**
   * Why the row replaces the component's last row, which starts on the same day (a mistake in it corrected while the
   * months it prices are open): required then, and kept with the replaced row and in its `tariff.supersede` event.
   * Null is no reason, as left out.
   */
  @ApiPropertyOptional({ example: 'Salah ketik: seharusnya Rp36.000', type: String, nullable: true })
  @IsOptional()
  @IsString({ message: 'reason (alasan) harus berupa teks' })
  @MaxLength(500, { message: 'reason (alasan) paling panjang 500 karakter' })
  reason?: string | null;
}
