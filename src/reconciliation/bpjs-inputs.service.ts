import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BpjsInputException } from './bpjs-input.exception.js';
import { Bill } from './entities/bill.entity.js';
import { PbiApbnList } from './entities/pbi-apbn-list.entity.js';
import { readIssues } from '../common/uploads/upload-writer.js';

/** Reads of stored bills and PBI-APBN lists (every version; `latest` marks the month's current one). */
@Injectable()
export class BpjsInputs {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bills(month?: string) {
    const bills = await this.dataSource.getRepository(Bill).find({ where: month ? { month } : {}, order: { month: 'DESC', version: 'DESC' } });
    const latest = latestPerMonth(bills);
    return bills.map((b) => ({ ...billView(b), latest: latest.get(b.month) === b.version }));
  }

  /** The stored bill, or the Indonesian 404. */
  async findBill(id: string): Promise<Bill> {
    const bill = await this.dataSource.getRepository(Bill).findOne({ where: { id } });
    if (!bill) throw BpjsInputException.billNotFound(id);
    return bill;
  }

  async bill(id: string) {
    const bill = await this.findBill(id);
    const [{ latest }] = await this.dataSource.query('SELECT max(version) AS latest FROM bill WHERE month = $1', [bill.month]);
    return { ...billView(bill), latest: Number(latest) === bill.version, issues: await this.issues(id) };
  }

  async pbiLists(month?: string) {
    const lists = await this.dataSource.getRepository(PbiApbnList).find({ where: month ? { month } : {}, order: { month: 'DESC', version: 'DESC' } });
    const latest = latestPerMonth(lists);
    return lists.map((l) => ({ ...pbiView(l), latest: latest.get(l.month) === l.version }));
  }

  /** The stored PBI-APBN list, or the Indonesian 404. */
  async findPbiList(id: string): Promise<PbiApbnList> {
    const list = await this.dataSource.getRepository(PbiApbnList).findOne({ where: { id } });
    if (!list) throw BpjsInputException.pbiListNotFound(id);
    return list;
  }

  async pbiList(id: string) {
    const list = await this.findPbiList(id);
    return { ...pbiView(list), issues: await this.issues(id) };
  }

  private issues(uploadId: string) {
    return readIssues(this.dataSource.manager, uploadId);
  }
}

function latestPerMonth(rows: { month: string; version: number }[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.month, Math.max(latest.get(r.month) ?? 0, r.version));
  return latest;
}

function billView(b: Bill) {
  return {
    id: b.id,
    month: b.month,
    version: b.version,
    invoiceTotal: Number(b.invoiceTotal),
    lines: b.lines,
    linesTotal: Number(b.linesTotal),
    checksum: b.checksum,
    filename: b.filename,
    uploadedBy: b.uploadedBy,
    uploadedAt: b.uploadedAt,
    ...counts(b),
    ...sheetWarnings(b),
    fileWarnings: b.fileWarnings ?? [],
  };
}

function pbiView(l: PbiApbnList) {
  return { id: l.id, month: l.month, version: l.version, niks: l.niks, checksum: l.checksum, filename: l.filename, uploadedBy: l.uploadedBy, uploadedAt: l.uploadedAt, ...counts(l), ...sheetWarnings(l) };
}

/** Row counts of the upload (null for a PBI-APBN list's rows read and accepted when stored before they were kept). */
function counts({ counts: c }: Bill | PbiApbnList) {
  return { rowsRead: c.rowsRead, accepted: c.accepted, rejected: c.rejected, warnings: c.warnings };
}

/** What the upload said about its file as a whole (the rows Excel hid: hidden-rows.ts). */
function sheetWarnings({ sheetWarnings: w }: Bill | PbiApbnList) {
  return { sheetWarnings: w ?? [] };
}
