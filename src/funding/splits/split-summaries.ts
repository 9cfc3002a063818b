import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { monthsBetween } from '../../common/month.js';
import { pledgeWarnings, type PledgeWarning, revisionsWarnings } from '../domain/pledge-warnings.js';
import type { MonthPeriod } from '../dto/month-range.dto.js';
import type { GroupBy, SplitsSummaryQueryDto } from '../dto/splits-query.dto.js';
import { FundingException } from '../funding.exception.js';
import * as SQL from '../sql/splits.sql.js';
import { groupWarnings } from './split-warnings.js';
import { AllocateMonth } from '../use-cases/allocate-month.use-case.js';
import type { RequestRecomputes } from '../recomputed-months.js';

export interface SummaryRow {
  key: string;
  participants: number;
  amount: number;
  [extra: string]: unknown;
}

type VillageRow = { key: string; name: string | null; participants: number; amount: string; obligations: number; obligation_amount: string; unfunded_participants: number; unfunded_amount: string };

/** A range's village row (RANGE_SUMMARY_BY_VILLAGE): people once each, and participant-months. */
type RangeVillageRow = VillageRow & { participant_months: number; unfunded_participant_months: number };

const villageRow = (r: VillageRow) => ({
  key: r.key,
  name: r.name,
  participants: Number(r.participants),
  amount: Number(r.amount),
  obligations: Number(r.obligations),
  obligationAmount: Number(r.obligation_amount),
  unfundedParticipants: Number(r.unfunded_participants),
  unfundedAmount: Number(r.unfunded_amount),
});

/** The terms of a pledge's revision as a range's splits used them (RANGE_SUMMARY_BY_PLEDGE). */
interface Terms {
  sourceType: string;
  fund: string | null;
  fiscalYear: number;
}

/** Totals of the splits of a month (GET /splits/summary?month=) or of a range of months (?from=&to=). STALE months are recomputed first (§6). */
@Injectable()
export class SplitSummaries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
  ) {}

  /** GET /splits/summary: one month (`month`), or the allocated months of a range (`from`, `to`) summed. */
  of(query: SplitsSummaryQueryDto, actor: string, recomputes?: RequestRecomputes): Promise<SummaryRow[]> {
    if (query.month !== undefined) return this.month(query.month, query.groupBy, actor, recomputes);
    return this.range({ from: query.from!, to: query.to! }, query.groupBy, actor, recomputes);
  }

  /**
   * Totals of a month grouped by pledge, village or source type, with a final `UNFUNDED` row
   * (participant-months with any remainder, partly funded included, and the unfunded rupiah). A
   * month never allocated is 404 NOT_ALLOCATED, as GET /allocations/:month answers.
   */
  async month(month: string, groupBy: GroupBy, actor: string, recomputes?: RequestRecomputes): Promise<SummaryRow[]> {
    await this.allocateMonth.refreshStale(actor, month, recomputes);
    const [unfunded] = await this.dataSource.query(SQL.UNFUNDED_OF_MONTH, [month]);
    if (!unfunded.allocated) throw FundingException.notAllocated(month);
    const rows = await this.grouped(month, groupBy);
    return [...rows, { key: 'UNFUNDED', participants: Number(unfunded.participants), amount: Number(unfunded.amount) }];
  }

  /**
   * The same totals summed over the allocated months of `from`–`to`; a range none of whose months is
   * allocated is 404 NOT_ALLOCATED (as one month), one with some allocated sums those. On every row
   * `participants` counts people, each once (distinct participants), and `participantMonths` the
   * participant-months (the sum of the months' own counts); by village `unfundedParticipants` and
   * `unfundedParticipantMonths` the same of those with any remainder. The UNFUNDED row also says which
   * months were summed (`months`) and which of the range were not allocated (`monthsNotAllocated`).
   */
  async range(period: MonthPeriod, groupBy: GroupBy, actor: string, recomputes?: RequestRecomputes): Promise<SummaryRow[]> {
    const { from, to } = period;
    await this.allocateMonth.refreshStale(actor, period, recomputes);
    const months = ((await this.dataSource.query(SQL.ALLOCATED_MONTHS, [from, to])) as { month: string }[]).map((r) => r.month);
    if (!months.length) throw FundingException.rangeNotAllocated(from, to);
    const rows = await this.rangeGrouped(period, groupBy);
    const [unfunded] = await this.dataSource.query(SQL.UNFUNDED_OF_RANGE, [from, to]);
    const monthsNotAllocated = monthsBetween(from, to).filter((m) => !months.includes(m));
    const participants = Number(unfunded.participants);
    return [...rows, { key: 'UNFUNDED', participants, amount: Number(unfunded.amount), participantMonths: Number(unfunded.participant_months), months, monthsNotAllocated }];
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
        const warnings = await groupWarnings(this.dataSource, month, month, 'sourceType');
        return rows.map((r: { key: string; participants: number; amount: string; splits: number }) => ({
          key: r.key,
          participants: Number(r.participants),
          amount: Number(r.amount),
          splits: Number(r.splits),
          warnings: warnings.get(r.key) ?? [],
        }));
      }
      case 'village': {
        const warnings = await groupWarnings(this.dataSource, month, month, 'village');
        return ((await this.dataSource.query(SQL.SUMMARY_BY_VILLAGE, [month])) as VillageRow[]).map((r) => ({ ...villageRow(r), warnings: warnings.get(r.key) ?? [] }));
      }
    }
  }

  private async rangeGrouped({ from, to }: MonthPeriod, groupBy: GroupBy): Promise<SummaryRow[]> {
    switch (groupBy) {
      case 'pledge': {
        const rows = await this.dataSource.query(SQL.RANGE_SUMMARY_BY_PLEDGE, [from, to]);
        return rows.map((r: { key: string; participants: number; participant_months: number; amount: string; terms: Terms[] }) => {
          // the latest revision's source type; the warnings of every revision the range used, each once
          const warnings = revisionsWarnings(r.key, r.terms);
          const sourceType = r.terms[r.terms.length - 1].sourceType;
          return { key: r.key, participants: Number(r.participants), amount: Number(r.amount), sourceType, warnings, participantMonths: Number(r.participant_months) };
        });
      }
      case 'sourceType': {
        const rows = await this.dataSource.query(SQL.RANGE_SUMMARY_BY_SOURCE_TYPE, [from, to]);
        const warnings = await groupWarnings(this.dataSource, from, to, 'sourceType');
        return rows.map((r: { key: string; participants: number; participant_months: number; amount: string; splits: number }) => ({
          key: r.key,
          participants: Number(r.participants),
          amount: Number(r.amount),
          splits: Number(r.splits),
          warnings: warnings.get(r.key) ?? [],
          participantMonths: Number(r.participant_months),
        }));
      }
      case 'village': {
        const warnings = await groupWarnings(this.dataSource, from, to, 'village');
        return ((await this.dataSource.query(SQL.RANGE_SUMMARY_BY_VILLAGE, [from, to])) as RangeVillageRow[]).map((r) => {
          const { unfundedAmount, ...row } = villageRow(r);
          // the key order of the one-month row, each count beside its participant-months
          return { ...row, warnings: warnings.get(r.key) ?? [], participantMonths: Number(r.participant_months), unfundedParticipantMonths: Number(r.unfunded_participant_months), unfundedAmount };
        });
      }
    }
  }
}
