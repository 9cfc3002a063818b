import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Kecamatan and desa/kelurahan of Kabupaten Bengkulu Utara (Kepmendagri 300.2.2-2138/2025). */
@Entity('region')
export class Region {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_region' })
  code: string;

  @Column('text')
  level: 'kecamatan' | 'desa' | 'kelurahan';

  @Column('text')
  name: string;

  @Column('text', { name: 'kecamatan_code' })
  kecamatanCode: string;
}
