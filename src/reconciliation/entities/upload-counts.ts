import { Column } from 'typeorm';

/**
 * Row counts of a BPJS upload (DOMAIN §12), embedded in `bill` and `pbi_apbn_list` as plain
 * columns; NULL where unknown for uploads stored before they were kept.
 */
export class UploadCounts {
  @Column('integer', { name: 'rows_read', nullable: true })
  rowsRead: number | null;

  @Column('integer', { nullable: true })
  accepted: number | null;

  @Column('integer', { nullable: true })
  rejected: number | null;

  @Column('integer', { nullable: true })
  warnings: number | null;
}
