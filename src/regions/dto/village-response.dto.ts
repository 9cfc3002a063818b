import { ApiProperty } from '@nestjs/swagger';

/** A village (desa) or urban village (kelurahan) of the regency, with its district (kecamatan). */
export class VillageResponseDto {
  @ApiProperty({ example: '17.03.06.2001' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['desa', 'kelurahan'] }) level: 'desa' | 'kelurahan';
  @ApiProperty({ example: '17.03.06' }) kecamatanCode: string;
  @ApiProperty() kecamatanName: string;
}
