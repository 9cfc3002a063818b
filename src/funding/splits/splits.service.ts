import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { monthsBetween } from '../../common/month.js';
import { preparedQuery } from '../../common/database/prepared-query.js';
import { RegionsService } from '../../regions/regions.service.js';
import { type PledgeWarning, warningsOfTerms } from '../domain/pledge-warnings.js';
import { FundingException } from '../funding.exception.js';
import { assertPledgeExists } from '../pledges/pledge-code.js';
import { periodOf } from '../dto/month-range.dto.js';
import type { RequestRecomputes } from '../recomputed-months.js';
import type { SplitsFilterDto, SplitsQueryDto } from '../dto/splits-query.dto.js';
import * as SQL from '../sql/splits.sql.js';
import { AllocateMonth } from '../use-cases/allocate-month.use-case.js';
import { NikLookupBatch } from './nik-lookup-batch.js';

export interface SplitItem {
  nik: string;
  month: string;
  pledgeCode: string;
  sourceType: string;
  amount: number;
  pledgeRevision: number;
}

interface SplitRow {
  nik: string;
  month: string;
  pledge_code: string;
  source_type: string;
  /** bigint, as text from a row, a number from a batch's JSON page (rupiah, far below 2^53). */
  amount: string | number;
  pledge_revision: number;
  /** The revision's terms the §5 rule reads (pageWarnings). */
  fund: string | null;
  fiscal_year: number;
}

/**
 * The §5 compliance warnings (the Dana Desa rule) of the pledges a page of splits uses, once each, by the terms of the
 * revisions its splits were allocated under (as the export's Keterangan and the summary say them; QA: a Dana Desa
 * pledge's splits were listed unwarned). In pledge code order.
 */
export function pageWarnings(rows: readonly SplitRow[]): PledgeWarning[] {
  const codes = [...new Set(rows.map((r) => r.pledge_code))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return warningsOfTerms(codes, rows, (r) => r.pledge_code);
}

function splitItem(r: SplitRow): SplitItem {
  return { nik: r.nik, month: r.month, pledgeCode: r.pledge_code, sourceType: r.source_type, amount: Number(r.amount), pledgeRevision: r.pledge_revision };
}

/** Who paid for whom (auditors' queries). STALE months are recomputed first (§6). */
@Injectable()
export class SplitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
    private readonly regions: RegionsService,
  ) {}

  private readonly byNik = new NikLookupBatch<SplitRow>((niks, limit, offset) => this.pagesForNiks(niks, limit, offset));

  async list(q: SplitsQueryDto, actor: string, recomputes?: RequestRecomputes): Promise<{ items: SplitItem[]; total: number; warnings: PledgeWarning[]; monthsNotAllocated?: string[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (clause: string, value: unknown) => where.push(clause.replace('?', `$${params.push(value)}`));
    // (an empty filter never comes: the validation pipe refuses it, emptyParameterMessage)
    if (q.month !== undefined) add('s.month = ?', q.month);
    if (q.from !== undefined && q.to !== undefined) {
      add('s.month >= ?', q.from);
      add('s.month <= ?', q.to);
    }
    if (q.nik !== undefined) add('s.nik = ?', q.nik);
    if (q.pledgeCode !== undefined) add('s.pledge_code = ?', q.pledgeCode);
    if (q.sourceType !== undefined) add('p.source_type = ?', q.sourceType);
    if (q.villageCode !== undefined) add('o.village_code = ?', await this.regions.village(q.villageCode));
    const from = SQL.SPLITS_FROM + (q.villageCode ? SQL.SPLITS_VILLAGE_JOIN : '') + (where.length ? `\n WHERE ${where.join(' AND ')}` : '');
    const offset = (q.page - 1) * q.pageSize;
    const limit = `LIMIT $${params.push(q.pageSize)} OFFSET $${params.push(offset)}`;
    const page = `${SQL.SPLITS_SELECT} ${from} ${q.nik ? SQL.SPLITS_ORDER_FOR_NIK : SQL.SPLITS_ORDER} ${limit}`;
    // The hot path (auditors' NIK lookups) is one round trip, shared with the NIK lookups that
    // arrive at the same time; any other filter is one prepared round trip of its own. A STALE
    // month is recomputed first (§6).
    let rows: SplitRow[] | 'stale' = where.length === 1 && q.nik
      ? await this.byNik.load(q.nik, q.pageSize, offset)
      : await this.pageUnlessStale(page, params);
    if (rows === 'stale') {
      await this.allocateMonth.refreshStale(actor, periodOf(q) ?? null, recomputes);
      rows = (await this.dataSource.query(page, params)) as SplitRow[];
    }
    // A month never allocated has no splits at all: 404 NOT_ALLOCATED, as the summary answers, not an
    // empty list that reads as "nobody funded" (QA); nor a range none of whose months is. Asked only when the page is empty.
    if (rows.length === 0) await this.assertAllocated(q);
    if (rows.length === 0 && offset === 0) await this.assertNamedExist(q);
    const total = rows.length < q.pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : Number((await this.dataSource.query(`SELECT count(*) AS n ${from}`, params.slice(0, -2)))[0].n);
    // a range says which of its months are not in it, never allocated (QA: 2026-11..2027-01 listed November and December, silent on January)
    const notAllocated = q.from !== undefined && q.to !== undefined ? { monthsNotAllocated: await this.monthsNotAllocated(q) } : {};
    return { items: rows.map(splitItem), total, warnings: pageWarnings(rows), ...notAllocated };
  }

  /** The months of `q`'s range (from, to) never allocated. */
  private async monthsNotAllocated(q: SplitsFilterDto): Promise<string[]> {
    const allocated = new Set(await this.months(q));
    return monthsBetween(q.from!, q.to!).filter((m) => !allocated.has(m));
  }

  /**
   * The filters of GET /splits checked as the list checks them, in its order (a village outside the
   * regency, a month never allocated, a pledge or NIK that does not exist: the same 404s), for an
   * answer that cannot wait for its first empty page (GET /splits/export.xlsx). STALE months are
   * recomputed first, as the list does. → the village's code as stored, if one was asked, and the months recomputed
   * (refreshStale's answer).
   */
  async checkedFilter(q: SplitsFilterDto, actor: string, recomputes?: RequestRecomputes): Promise<{ village: string | undefined; recomputed: string[] }> {
    const village = q.villageCode !== undefined ? await this.regions.village(q.villageCode) : undefined;
    const recomputed = await this.allocateMonth.refreshStale(actor, periodOf(q) ?? null, recomputes);
    await this.assertAllocated(q);
    await this.assertNamedExist(q);
    return { village, recomputed };
  }

  /** The allocated months the filter selects (its month, its range, or all), in order. */
  async months(q: SplitsFilterDto): Promise<string[]> {
    const period = periodOf(q);
    return ((await this.dataSource.query(SQL.ALLOCATED_MONTHS, [period?.from ?? null, period?.to ?? null])) as { month: string }[]).map((r) => r.month);
  }

  /**
   * The next `limit` splits of `month` that `q` selects after `after` (NIK, pledge code; empty strings:
   * from the start), in GET /splits' order (SQL.exportPage). `village`: checkedFilter's answer.
   */
  async monthPage(q: SplitsFilterDto, village: string | undefined, month: string, after: { nik: string; pledgeCode: string }, limit: number): Promise<SplitItem[]> {
    const params: unknown[] = [month, after.nik, after.pledgeCode, limit];
    const filters: string[] = [];
    const add = (clause: string, value: unknown) => filters.push(clause.replace('?', `$${params.push(value)}`));
    if (q.nik !== undefined) add('s.nik = ?', q.nik);
    if (q.pledgeCode !== undefined) add('s.pledge_code = ?', q.pledgeCode);
    if (q.sourceType !== undefined) add('p.source_type = ?', q.sourceType);
    if (village !== undefined) add('o.village_code = ?', village);
    return ((await this.dataSource.query(SQL.exportPage(filters, village !== undefined), params)) as SplitRow[]).map(splitItem);
  }

  /**
   * An empty first page because the pledge or NIK named does not exist is said so (404), not
   * answered as "nobody funded" (QA: a pledge code in the wrong case, a NIK with a typo).
   */
  private async assertNamedExist(q: SplitsFilterDto): Promise<void> {
    if (q.pledgeCode !== undefined) await assertPledgeExists(this.dataSource, q.pledgeCode);
    if (q.nik && !(await this.dataSource.query('SELECT 1 FROM participant WHERE nik = $1', [q.nik])).length) throw FundingException.participantNotFound(q.nik);
  }

  /** 404 NOT_ALLOCATED for a month never allocated, or a range none of whose months is (one with some allocated reads those). */
  private async assertAllocated(q: SplitsFilterDto): Promise<void> {
    const period = periodOf(q);
    if (!period) return;
    const rows = await this.dataSource.query('SELECT 1 FROM allocation_month WHERE month BETWEEN $1 AND $2 LIMIT 1', [period.from, period.to]);
    if (rows.length) return;
    throw q.month !== undefined ? FundingException.notAllocated(q.month) : FundingException.rangeNotAllocated(period.from, period.to);
  }

  /** `page` in one prepared round trip, or `stale` (and no rows) when an open month is STALE. */
  private async pageUnlessStale(page: string, params: unknown[]): Promise<SplitRow[] | 'stale'> {
    const rows = await preparedQuery<SplitRow & { stale: boolean }>(this.dataSource, SQL.pageUnlessStale(page), params);
    return rows[0]?.stale ? 'stale' : rows.filter((r) => r.nik !== null);
  }

  /** One prepared round trip for a batch of NIK lookups (NikLookupBatch): each NIK's page, read from its JSON. */
  private async pagesForNiks(niks: string[], limit: number, offset: number): Promise<{ stale: boolean; pages: Map<string, SplitRow[]> }> {
    const rows = await preparedQuery<{ stale: boolean; asked: string | null; page: SQL.PageEntry[] | null }>(this.dataSource, SQL.PAGES_FOR_NIKS, [niks, limit, offset]);
    const pages = new Map<string, SplitRow[]>();
    for (const { asked: nik, page } of rows) {
      if (nik === null || page === null) continue;
      pages.set(nik, page.map(([month, pledge_code, source_type, amount, pledge_revision, fund, fiscal_year]) => ({ nik, month, pledge_code, source_type, amount, pledge_revision, fund, fiscal_year })));
    }
    return { stale: rows[0]?.stale ?? false, pages };
  }
}
