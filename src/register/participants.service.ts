/**
 * Reads of the register: search (NIK, village, month covered, name) and one participant with its
 * change history and, for the roles that read funding, its funding history (splits joined to their
 * pledge's source type, and per month the obligation, its splits and what was left unfunded:
 * participant-funding.ts).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READERS } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { firstDay, lastDay } from '../common/month.js';
import { HIDDEN_IN_NAME_CHARACTERS } from '../common/text.js';
import { compareCodePoints } from '../funding/domain/code-order.js';
import { type PledgeWarning, type TermsRow, warningsOfTerms } from '../funding/domain/pledge-warnings.js';
import { AllocateMonth } from '../funding/use-cases/allocate-month.use-case.js';
import { readsNoFunding, type RequestRecomputes } from '../funding/recomputed-months.js';
import { RegionsService } from '../regions/regions.service.js';
import type { Role } from '../users/role.js';
import type { ParticipantQueryDto, RegisterFilterDto } from './dto/register-query.dto.js';
import { ParticipantChange } from './entities/participant-change.entity.js';
import { Participant } from './entities/participant.entity.js';
import { type Coverage, type FundingMonthView, type FundingView, fundingByMonth, type MonthTariffRow, type ObligationRow, withTariffs } from './participant-funding.js';
import { type HistoryEntry, participantHistory } from './participant-history.js';
import { notRegistered } from './use-cases/void-registration.use-case.js';
import { CLOSED_MONTHS, MONTH_TARIFFS, PARTICIPANT_OBLIGATIONS, PARTICIPANT_SPLITS } from './sql/participant-funding.sql.js';

export interface ParticipantView {
  nik: string;
  noKk: string;
  noka: string | null;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  villageCode: string;
  villageName: string | null;
  tmt: string;
  tat: string | null;
  endReason: string | null;
  active: boolean;
  lastUploadId: string | null;
  updatedAt: Date;
}

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocateMonth: AllocateMonth,
    private readonly regions: RegionsService,
  ) {}

  async search(q: ParticipantQueryDto): Promise<{ items: ParticipantView[]; total: number }> {
    const qb = await this.filtered(q);
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('p.nik', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    return { items: entities.map((p, i) => view(p, raw[i]?.village_name ?? null)), total };
  }

  /** The participants `q` selects after NIK `after` (all from the start when null), at most `limit`, in NIK order (the export's pages). */
  async page(q: RegisterFilterDto, after: string | null, limit: number): Promise<Participant[]> {
    const qb = await this.filtered(q, false); // the sheet has the village code only: no join to its name
    if (after !== null) qb.andWhere('p.nik > :after', { after });
    return qb.orderBy('p.nik', 'ASC').limit(limit).getMany();
  }

  /** The search's filters (shared with the export): NIK or its prefix, village, month covered (§4), name prefix; with the village's name as `village_name`. */
  private async filtered(q: RegisterFilterDto, villageName = true) {
    const qb = this.dataSource.getRepository(Participant).createQueryBuilder('p');
    if (villageName) qb.leftJoin('region', 'r', 'r.code = p.village_code').addSelect('r.name', 'village_name');
    if (q.nik) {
      if (q.nik.length === 16) qb.andWhere('p.nik = :nik', { nik: q.nik });
      else qb.andWhere('p.nik LIKE :nikPrefix', { nikPrefix: `${q.nik}%` });
    }
    if (q.villageCode) qb.andWhere('p.village_code = :village', { village: await this.regions.village(q.villageCode) });
    if (q.coveredIn) {
      qb.andWhere('p.tmt <= :last AND (p.tat IS NULL OR p.tat >= :first)', { first: firstDay(q.coveredIn), last: lastDay(q.coveredIn) });
    }
    if (q.name !== undefined) {
      // apostrophes compared as one (QA operator: `ma'ruf` did not find `Ma’ruf`, the curly one Word and phones type);
      // accents composed (NFC) as uploads store names, and the characters that show nothing left out of both (a name
      // stored with them before uploads removed them is found too; the query lost them with collapsedText)
      qb.andWhere(`translate(lower(p.name), '${CURLY_APOSTROPHES}${HIDDEN_IN_NAME_CHARACTERS}', '${STRAIGHT.repeat(CURLY_APOSTROPHES.length)}') LIKE :name`, {
        name: `${straightApostrophes(q.name.normalize('NFC').toLowerCase()).replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return qb;
  }

  /**
   * One participant with its history (CREATE rebuilt from the participant and its UPDATEs, see
   * participant-history.ts) and, for the roles that read funding (READERS), its funding history
   * (`funding`, the splits; `fundingByMonth`, each allocated month's obligation, splits, unfunded
   * remainder and the LOCAL tariff rows its allocation used). STALE months are recomputed first (§6), as for every split read: after a register
   * change the funding shown is that of the register now. The operator, refused the splits and
   * allocations routes, gets neither key and causes no recompute (QA: its read gave pledge codes and
   * rupiah per month, and rewrote stale months in its name).
   */
  async get(nik: string, reader: AuthenticatedUser, recomputes?: RequestRecomputes): Promise<ParticipantView & { history: HistoryEntry[] } & Partial<FundingHistory>> {
    const readsFunding = (READERS as readonly Role[]).includes(reader.role);
    if (readsFunding) await this.allocateMonth.refreshStale(reader.username, null, recomputes);
    else readsNoFunding(recomputes);
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ nik });
    if (!participant) throw await notRegistered(this.dataSource.manager, nik);
    const [region] = await this.dataSource.query('SELECT name FROM region WHERE code = $1', [participant.villageCode]);
    const updates = await this.dataSource.getRepository(ParticipantChange).find({ where: { nik }, order: { id: 'ASC' } });
    const history = participantHistory(participant, updates);
    const uploadIds = [...new Set(history.map((e) => e.uploadId).filter((id) => id !== null))];
    const uploads: { id: string; filename: string }[] = uploadIds.length
      ? await this.dataSource.query('SELECT id, filename FROM enrollment_upload WHERE id = ANY($1::uuid[])', [uploadIds])
      : [];
    const filenames = new Map(uploads.map((u) => [u.id, u.filename]));
    for (const entry of history) entry.uploadFilename = entry.uploadId === null ? null : (filenames.get(entry.uploadId) ?? null);
    const shown = { ...view(participant, region?.name ?? null), history };
    return readsFunding ? { ...shown, ...(await this.fundingHistory(nik, participant)) } : shown;
  }

  private async fundingHistory(nik: string, coverage: Coverage): Promise<FundingHistory> {
    const splits: (SplitRow & { amount: string; pledge_revision: number })[] = await this.dataSource.query(PARTICIPANT_SPLITS, [nik]);
    const obligations: ObligationRow[] = await this.dataSource.query(PARTICIPANT_OBLIGATIONS, [nik]);
    const funding = splits.map((f) => ({ month: f.month, pledgeCode: f.pledge_code, sourceType: f.source_type, amount: Number(f.amount), pledgeRevision: f.pledge_revision }));
    const closed: { month: string; allocated: boolean; finalized: boolean }[] = await this.dataSource.query(CLOSED_MONTHS);
    const closedAllocated = closed.filter((c) => c.allocated).map((c) => c.month);
    const months = fundingByMonth(obligations, funding, { tmt: coverage.tmt, tat: coverage.tat }, new Set(closed.map((c) => c.month)), closedAllocated);
    // the tariff rows each month was allocated with (issue 4: why its obligation is what it is), one query for all months
    const tariffs: MonthTariffRow[] = months.length ? await this.dataSource.query(MONTH_TARIFFS, [months.map((m) => m.month)]) : [];
    const finalized = new Set(closed.filter((c) => c.finalized).map((c) => c.month));
    // the Dana Desa rule of the pledges that paid, by the revisions their splits carry, as GET /splits?nik= says it (QA: absent here)
    const codes = [...new Set(splits.map((s) => s.pledge_code))].sort(compareCodePoints);
    const warnings = warningsOfTerms(codes, splits, (s) => s.pledge_code);
    return { funding, fundingByMonth: withTariffs(months, tariffs).map((m) => ({ ...m, finalized: finalized.has(m.month) })), warnings };
  }
}

interface FundingHistory {
  funding: FundingView[];
  fundingByMonth: FundingMonthView[];
  warnings: PledgeWarning[];
}

/** A split as PARTICIPANT_SPLITS reads it, with the terms (of its revision) the §5 rule reads. */
type SplitRow = TermsRow & { month: string; pledge_code: string };

function view(p: Participant, villageName: string | null): ParticipantView {
  return {
    nik: p.nik,
    noKk: p.noKk,
    noka: p.noka,
    name: p.name,
    birthDate: p.birthDate,
    sex: p.sex,
    villageCode: p.villageCode,
    villageName,
    tmt: p.tmt,
    tat: p.tat,
    endReason: p.endReason,
    active: p.tat === null,
    lastUploadId: p.lastUploadId,
    updatedAt: p.updatedAt,
  };
}

/** Apostrophes a name may be typed with (right and left single quotation marks, modifier letter apostrophe, grave). */
const CURLY_APOSTROPHES = '\u2019\u2018\u02bc`';
/** The straight apostrophe, doubled for the SQL literal it goes in. */
const STRAIGHT = "''";

const CURLY_APOSTROPHE = new RegExp(`[${CURLY_APOSTROPHES}]`, 'g');

/** `text` with every apostrophe of CURLY_APOSTROPHES straight. */
function straightApostrophes(text: string): string {
  return text.replace(CURLY_APOSTROPHE, "'");
}
