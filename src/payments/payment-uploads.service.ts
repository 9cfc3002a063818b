import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { writeRowReport } from '../common/spreadsheet/row-report.writer.js';
import { type PaymentUploadReportRow, type PaymentUploadRow, paymentUploadReport } from './payment-upload-report.js';
import { PaymentException } from './payments.exception.js';
import { COUNT_PAYMENT_UPLOADS, PAYMENT_UPLOAD, PAYMENT_UPLOADS } from './sql/payment-uploads.sql.js';

/** Payment sheets kept (`payment_upload`), listed and their row reports, as PledgeUploads does for pledge sheets. */
@Injectable()
export class PaymentUploads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Payment sheets that recorded payments, newest first (amount in rupiah). */
  async list(page: number, pageSize: number): Promise<{ items: (Omit<PaymentUploadRow, 'amount'> & { amount: number })[]; total: number }> {
    const rows: PaymentUploadRow[] = await this.dataSource.query(PAYMENT_UPLOADS, [pageSize, (page - 1) * pageSize]);
    const [{ total }] = await this.dataSource.query(COUNT_PAYMENT_UPLOADS);
    return { items: rows.map((u) => ({ ...u, amount: Number(u.amount) })), total };
  }

  /** Finds the upload (404 before the first byte of the workbook) and returns its row report's writer. */
  async report(id: string): Promise<{ upload: PaymentUploadReportRow; write: (out: Writable) => Promise<void> }> {
    const [upload]: PaymentUploadReportRow[] = await this.dataSource.query(PAYMENT_UPLOAD, [id]);
    if (!upload) throw PaymentException.uploadNotFound(id);
    return { upload, write: (out) => writeRowReport(this.dataSource, paymentUploadReport(upload), out) };
  }
}
