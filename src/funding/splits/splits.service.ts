import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../common/database/prepared-query.js';
import { RegionsService } from '../../regions/regions.service.js';
import { pledgeWarnings, type PledgeWarning } from '../domain/pledge-rules.js';
import { FundingException } from '../funding.exception.js';
import { assertPledgeExists } from '../pledges/pledge-code.js';
import type { GroupBy, SplitsFilterDto, SplitsQueryDto } from '../dto/splits-query.dto.js';
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

export interface SummaryRow {
  key: string;
  participants: number;
  amount: number;
  [extra: string]: unknown;
}

interface SplitRow {
  nik: string;
  month: string;
  pledge_code: string;
  source_type: string;
  amount: string;
  pledge_revision: number;
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

  async list(q: SplitsQueryDto, actor: string): Promise<{ items: SplitItem[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (clause: string, value: unknown) => where.push(clause.replace('?', `$${params.push(value)}`));
    // (an empty filter never comes: the validation pipe refuses it, emptyParameterMessage)
    if (q.month !== undefined) add('s.month = ?', q.month);
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
      await this.allocateMonth.refreshStale(actor, q.month ?? null);
      rows = (await this.dataSource.query(page, params)) as SplitRow[];
    }
    // A month never allocated has no splits at all: 404 NOT_ALLOCATED, as the summary answers, not an
    // empty list that reads as "nobody funded" (QA). Asked only when the page is empty.
    if (q.month && rows.length === 0 && !(await this.allocated(q.month))) throw FundingException.notAllocated(q.month);
    if (rows.length === 0 && offset === 0) await this.assertNamedExist(q);
    const total = rows.length < q.pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : Number((await this.dataSource.query(`SELECT count(*) AS n ${from}`, params.slice(0, -2)))[0].n);
    return { items: rows.map(splitItem), total };
  }

  /**
   * The filters of GET /splits checked as the list checks them, in its order (a village outside the
   * regency, a month never allocated, a pledge or NIK that does not exist: the same 404s), for an
   * answer that cannot wait for its first empty page (GET /splits/export.xlsx). STALE months are
   * recomputed first, as the list does. → the village's code as stored, if one was asked.
   */
  async checkedFilter(q: SplitsFilterDto, actor: string): Promise<string | undefined> {
    const village = q.villageCode !== undefined ? await this.regions.village(q.villageCode) : undefined;
    await this.allocateMonth.refreshStale(actor, q.month ?? null);
    if (q.month && !(await this.allocated(q.month))) throw FundingException.notAllocated(q.month);
    await this.assertNamedExist(q);
    return village;
  }

  /** The allocated months the filter selects (its month, or all), in order. */
  async months(q: SplitsFilterDto): Promise<string[]> {
    return ((await this.dataSource.query(SQL.ALLOCATED_MONTHS, [q.month ?? null])) as { month: string }[]).map((r) => r.month);
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

  private async allocated(month: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM allocation_month WHERE month = $1', [month]);
    return rows.length > 0;
  }

  /** `page` in one prepared round trip, or `stale` (and no rows) when an open month is STALE. */
  private async pageUnlessStale(page: string, params: unknown[]): Promise<SplitRow[] | 'stale'> {
    const rows = await preparedQuery<SplitRow & { stale: boolean }>(this.dataSource, SQL.pageUnlessStale(page), params);
    return rows[0]?.stale ? 'stale' : rows.filter((r) => r.nik !== null);
  }

  /** One prepared round trip for a batch of NIK lookups (NikLookupBatch). */
  private async pagesForNiks(niks: string[], limit: number, offset: number): Promise<{ stale: boolean; rows: (SplitRow & { asked: string })[] }> {
    const rows = await preparedQuery<SplitRow & { stale: boolean; asked: string }>(this.dataSource, SQL.PAGES_FOR_NIKS, [niks, limit, offset]);
    return { stale: rows[0]?.stale ?? false, rows: rows.filter((r) => r.nik !== null) };
  }

  /**
   * Totals of a month grouped by pledge, village or source type, with a final `UNFUNDED` row
   * (participant-months with any remainder, partly funded included, and the unfunded rupiah). A
   * month never allocated is 404 NOT_ALLOCATED, as GET /allocations/:month answers.
   */
  async summary(month: string, groupBy: GroupBy, actor: string): Promise<SummaryRow[]> {
    await this.allocateMonth.refreshStale(actor, month);
    const [unfunded] = await this.dataSource.query(SQL.UNFUNDED_OF_MONTH, [month]);
    if (!unfunded.allocated) throw FundingException.notAllocated(month);
    const rows = await this.grouped(month, groupBy);
    return [...rows, { key: 'UNFUNDED', participants: Number(unfunded.participants), amount: Number(unfunded.amount) }];
  }

  private async grouped(month: string, groupBy: GroupBy): Promise<SummaryRow[]> {
    switch (groupBy) {
      case 'pledge': {
        const rows = await this.dataSource.query(SQL.SUMMARY_BY_PLEDGE, [month]);
        return rows.map((r: { key: string; source_type: string; fund: string | null; fiscal_year: number; participants: number; amount: string }) => {
          const warnings: PledgeWarning[] = pledgeWarnings({ code: r.key, sourceType: r.source_type, fund: r.fund, fiscalYear: Number(r.fiscal_year) });
          return { key: r.key, participants: Number(r.participants), amount: Number(r.amount), sourceType: r.source_type, warnings };
        });
      }
      case 'sourceType': {
        const rows = await this.dataSource.query(SQL.SUMMARY_BY_SOURCE_TYPE, [month]);
        return rows.map((r: { key: string; participants: number; amount: string; splits: number }) => ({
          key: r.key,
          participants: Number(r.participants),
          amount: Number(r.amount),
          splits: Number(r.splits),
        }));
      }
      case 'village': {
        const rows = await this.dataSource.query(SQL.SUMMARY_BY_VILLAGE, [month]);
        type VillageRow = { key: string; name: string | null; participants: number; amount: string; obligations: number; obligation_amount: string; unfunded_participants: number; unfunded_amount: string };
        return rows.map((r: VillageRow) => ({
          key: r.key,
          name: r.name,
          participants: Number(r.participants),
          amount: Number(r.amount),
          obligations: Number(r.obligations),
          obligationAmount: Number(r.obligation_amount),
          unfundedParticipants: Number(r.unfunded_participants),
          unfundedAmount: Number(r.unfunded_amount),
        }));
      }
    }
  }
}
