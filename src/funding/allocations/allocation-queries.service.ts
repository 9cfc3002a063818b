import { Injectable } from '@nestjs/common';
import { frozenUnreconciled, type FrozenUnreconciled } from '../../periods/sql/frozen-unreconciled.sql.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMonth } from '../../common/month.js';
import { RegionsService } from '../../regions/regions.service.js';
import type { UnfundedQueryDto } from '../dto/unfunded-query.dto.js';
import { UNFUNDED_PAGE } from '../sql/summary.sql.js';
import { FundingException } from '../funding.exception.js';
import { AllocateMonth, recomputedOnRead, staleReadEvent } from '../use-cases/allocate-month.use-case.js';
import type { AllocationDetail } from './allocation-summary.js';
import type { RequestRecomputes } from '../recomputed-months.js';

/** A participant-month with an unfunded remainder (§6 UNFUNDED); rupiah. */
export interface UnfundedItem {
  nik: string;
  name: string | null;
  villageCode: string;
  villageName: string | null;
  obligation: number;
  funded: number;
  unfunded: number;
}

/** Reads of stored allocations; a STALE month is recomputed before it is reported (§6). */
@Injectable()
export class AllocationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
    private readonly regions: RegionsService,
  ) {}

  /**
   * Every STALE month recomputed first, as every read of funding does, and said in the answer (`recomputes`; QA: this
   * read recomputed August and September and no answer named them); then the month itself, current.
   */
  async detail(month: string, reader: string, recomputes?: RequestRecomputes): Promise<AllocationDetail & { frozenUnreconciled: FrozenUnreconciled[] }> {
    if (!isMonth(month)) throw FundingException.monthInvalid(month);
    const [row] = await this.dataSource.query('SELECT status FROM allocation_month WHERE month = $1', [month]);
    if (!row) throw FundingException.notAllocated(month);
    await this.allocateMonth.refreshStale(reader, month, recomputes);
    const detail = await this.allocateMonth.ensureCurrent(month, recomputedOnRead(reader), undefined, staleReadEvent(month)); // QA: its events named no month
    // the Dasbor of a month not reconciled reads it here (QA, year end: the frozen months never reconciled were said nowhere)
    return { ...detail, frozenUnreconciled: await frozenUnreconciled(this.dataSource.manager) };
  }

  /**
   * The month's participants with an unfunded remainder, partly funded included, by village then NIK
   * (QA: an auditor could count them in the summary but not list them): the month is brought up to
   * date first, as detail does. Why they are unfunded is in the month's `limits` (a pagu used up, a
   * quota full) and in the pledges' scopes.
   */
  async unfunded(month: string, q: UnfundedQueryDto, reader: string, recomputes?: RequestRecomputes): Promise<{ items: UnfundedItem[]; total: number; page: number; pageSize: number }> {
    await this.detail(month, reader, recomputes);
    const village = q.villageCode === undefined ? null : await this.regions.village(q.villageCode);
    type Row = { nik: string; name: string | null; village_code: string; village_name: string | null; obligation: string; funded: string; unfunded: string; total: number };
    const rows: Row[] = await this.dataSource.query(UNFUNDED_PAGE, [month, village, q.pageSize, (q.page - 1) * q.pageSize]);
    const items = rows.map((r) => ({
      nik: r.nik,
      name: r.name,
      villageCode: r.village_code,
      villageName: r.village_name,
      obligation: Number(r.obligation),
      funded: Number(r.funded),
      unfunded: Number(r.unfunded),
    }));
    // past the last page the window count is not there: count apart (rare)
    const total = rows.length ? Number(rows[0].total) : q.page === 1 ? 0 : await this.count(month, village);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  private async count(month: string, village: string | null): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM obligation WHERE month = $1 AND unfunded > 0 AND ($2::text IS NULL OR village_code = $2)`, [month, village]);
    return n;
  }
}
