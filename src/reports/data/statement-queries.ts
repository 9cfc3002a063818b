/** Runs the statement SQL (sql/statement.sql.ts); money as numbers. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addMonths } from '../../common/month.js';
import { frozenUnreconciled, type FrozenUnreconciled } from '../../periods/sql/frozen-unreconciled.sql.js';
import * as SQL from '../sql/statement.sql.js';
import { YEAR_MONTHS } from '../sql/year.sql.js';
import { type PledgeRow, type RevisionRange, toPledge } from './report-queries.js';

export interface VillageMonth {
  month: string;
  participants: number;
  obligation: number;
  own: number;
  other: number;
  unfunded: number;
}

export interface VillageResidentRow {
  month: string;
  nik: string;
  noka: string | null;
  name: string | null;
  amount: number;
  own: number;
  other: number;
  unfunded: number;
  pledges: string | null;
}

export interface PledgeSplitRow {
  month: string;
  nik: string;
  noka: string | null;
  name: string | null;
  villageCode: string | null;
  obligation: number;
  amount: number;
}

/** One month of a fiscal year for the year-end recap (YEAR_MONTHS); bill and run figures null when there are none. */
export interface YearMonthRow {
  month: string;
  allocated: boolean;
  participants: number;
  obligation: number;
  unfunded: number;
  funded: number;
  bill: { version: number; invoiceTotal: number } | null;
  run: { version: number; status: string; payable: number | null; overbilled: number | null; underbilled: number | null } | null;
  finalized: boolean;
  /** Finalized, or frozen by a later finalized month of the year. */
  closed: boolean;
  paid: number;
}

export interface MonthKey {
  month: string;
  nik: string;
}

type Raw = Record<string, any>;
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

@Injectable()
export class StatementQueries {
  constructor(private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Raw[]> {
    return this.dataSource.query(sql, params);
  }

  /** The months of the range that were ever allocated. */
  async allocatedMonths(from: string, to: string): Promise<Set<string>> {
    return new Set((await this.query(SQL.ALLOCATED_MONTHS, [from, to])).map((r) => r.month as string));
  }

  /** The months of the range that are closed (finalized, or frozen by a later finalized month): their figures are final. */
  async closedMonths(from: string, to: string): Promise<Set<string>> {
    return new Set((await this.query(SQL.CLOSED_MONTHS, [from, to])).map((r) => r.month as string));
  }

  /** The months of `from`..`to` frozen by a later finalization without a finalized reconciliation (FROZEN_UNRECONCILED). */
  async frozenUnreconciled(from: string, to: string): Promise<FrozenUnreconciled[]> {
    return (await frozenUnreconciled(this.dataSource.manager)).filter((f) => f.month >= from && f.month <= to);
  }

  /** The village's DESA pledges at the revisions months `from`..`to` were allocated under (VILLAGE_PLEDGES). */
  async villagePledges(villageCode: string, from: string, to: string): Promise<PledgeRow[]> {
    const params = [villageCode.replace(/\./g, ''), Number(from.slice(0, 4)), Number(to.slice(0, 4)), from, to];
    return (await this.query(SQL.VILLAGE_PLEDGES, params)).map(toPledge);
  }

  async villageMonths(from: string, to: string, villageCode: string, own: string[]): Promise<VillageMonth[]> {
    return (await this.query(SQL.VILLAGE_MONTHS, [from, to, villageCode, own])).map((r) => ({
      month: r.month,
      participants: num(r.participants),
      obligation: num(r.obligation),
      own: num(r.own),
      other: num(r.other),
      unfunded: num(r.unfunded),
    }));
  }

  async villageResidentsPage(from: string, to: string, villageCode: string, own: string[], after: MonthKey, limit: number): Promise<VillageResidentRow[]> {
    return (await this.query(SQL.VILLAGE_RESIDENTS_PAGE, [from, to, villageCode, own, after.month, after.nik, limit])).map((r) => ({
      month: r.month,
      nik: r.nik,
      noka: r.noka,
      name: r.name,
      amount: num(r.amount),
      own: num(r.own),
      other: num(r.other),
      unfunded: num(r.unfunded),
      pledges: r.pledges,
    }));
  }

  /**
   * The next `limit` splits of a pledge after `after` in (month, NIK) order within from..to, read a
   * month at a time (PLEDGE_SPLITS_PAGE): a page that ends a month goes on with the next one, so
   * pages are as full as a query over the whole period would give, at the cost of one partition each.
   */
  async pledgeSplitsPage(code: string, from: string, to: string, after: MonthKey, limit: number): Promise<PledgeSplitRow[]> {
    const rows: PledgeSplitRow[] = [];
    let [month, nik] = after.month < from ? [from, ''] : [after.month, after.nik];
    while (month <= to && rows.length < limit) {
      for (const r of await this.query(SQL.PLEDGE_SPLITS_PAGE, [code, month, nik, limit - rows.length])) {
        rows.push({ month: r.month, nik: r.nik, noka: r.noka, name: r.name, villageCode: r.village_code, obligation: num(r.obligation), amount: num(r.amount) });
      }
      [month, nik] = [addMonths(month, 1), ''];
    }
    return rows;
  }

  /** Per month: participants, amount and (for one pledge) the revisions the splits were allocated under. */
  async dueByMonth(codes: string[], from: string, to: string): Promise<Map<string, { participants: number; amount: number; revisions: RevisionRange }>> {
    const rows = await this.query(SQL.PLEDGES_DUE_BY_MONTH, [codes, from, to]);
    return new Map(rows.map((r) => [r.month, { participants: num(r.participants), amount: num(r.amount), revisions: { min: num(r.min_revision), max: num(r.max_revision) } }]));
  }

  /** The twelve months of fiscal year `year`, each in one row (YEAR_MONTHS). */
  async yearMonths(year: number): Promise<YearMonthRow[]> {
    return (await this.query(YEAR_MONTHS, [year, `${year}-01`, `${year}-12`])).map((r) => ({
      month: r.month,
      allocated: r.allocated === true,
      participants: num(r.participants),
      obligation: num(r.obligation),
      unfunded: num(r.unfunded),
      funded: num(r.funded),
      bill: r.bill_version === null ? null : { version: num(r.bill_version), invoiceTotal: num(r.invoice_total) },
      run:
        r.run_version === null
          ? null
          : { version: num(r.run_version), status: r.run_status, payable: numOrNull(r.payable), overbilled: numOrNull(r.overbilled), underbilled: numOrNull(r.underbilled) },
      finalized: r.finalized === true,
      closed: r.closed === true,
      paid: num(r.paid),
    }));
  }
}
