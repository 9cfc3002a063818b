/**
 * A participant's change history as the API shows it: first the CREATE (who registered them, from
 * which upload, when, and the values they were registered with), then every UPDATE.
 *
 * Only the UPDATEs are stored (participant_change); the creation is recorded on the participant row.
 * The initial values are rebuilt by a reverse replay: start from the current values and walk the
 * UPDATEs newest to oldest, setting each changed field back to its `old` value. Each UPDATE holds old
 * and new of every field that differed, and every writer of `participant` (promotion, and the console taking a
 * card away: use-cases/clear-noka.use-case.ts) records one, so the replay is exact.
 */
import type { FieldChanges, ParticipantChange } from './entities/participant-change.entity.js';
import type { Participant } from './entities/participant.entity.js';

/** The register fields an upload sets, named as in the history's `changes`. */
export const REGISTER_FIELDS = ['noKk', 'noka', 'name', 'birthDate', 'sex', 'villageCode', 'tmt', 'tat', 'endReason'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export interface HistoryEntry {
  /** The participant_change id; null for the CREATE, which is not a stored row. */
  id: number | null;
  kind: 'CREATE' | 'UPDATE' | 'VOID';
  uploadId: string | null;
  /** The upload's file name as the operator uploaded it (filled by ParticipantsService; null without an upload). */
  uploadFilename: string | null;
  changedBy: string;
  changedAt: Date;
  changes: FieldChanges;
  /** Why a VOID, or an UPDATE made in the console (a card taken away), was made; absent for an upload's UPDATE. */
  reason?: string;
}

/** The values the participant was registered with, from its current values and its UPDATEs (any order). */
export function initialValues(participant: Pick<Participant, RegisterField>, updates: readonly Pick<ParticipantChange, 'id' | 'changes'>[]): Record<RegisterField, unknown> {
  const values = Object.fromEntries(REGISTER_FIELDS.map((f) => [f, participant[f]])) as Record<RegisterField, unknown>;
  const newestFirst = [...updates].sort((a, b) => Number(b.id) - Number(a.id));
  for (const update of newestFirst) {
    for (const [field, change] of Object.entries(update.changes)) {
      if (field in values) values[field as RegisterField] = change.old;
    }
  }
  return values;
}

/**
 * CREATE first (when the participant was registered by an upload: rows written by hand have no
 * creation record, and had no CREATE row before either), then the UPDATEs in the order they happened.
 * A NIK registered again after an earlier registration was voided (VOID) shows that VOID first, with what the voided
 * registration held; the CREATE is rebuilt from the UPDATEs after the last VOID only, those of the current registration.
 */
export function participantHistory(participant: Participant, changes: readonly ParticipantChange[]): HistoryEntry[] {
  const inOrder = [...changes].sort((a, b) => Number(a.id) - Number(b.id));
  const lastVoid = inOrder.findLastIndex((c) => c.kind === 'VOID');
  const voids = inOrder.slice(0, lastVoid + 1).filter((c) => c.kind === 'VOID').map(entryOf);
  const updates = inOrder.slice(lastVoid + 1);
  const entries = updates.map(entryOf);
  if (participant.createdBy === null) return [...voids, ...entries];
  const creation: HistoryEntry = {
    id: null,
    kind: 'CREATE',
    uploadId: participant.createdUploadId,
    uploadFilename: null,
    changedBy: participant.createdBy,
    changedAt: participant.createdAt,
    changes: asCreation(initialValues(participant, updates)),
  };
  return [...voids, creation, ...entries];
}

const entryOf = (c: ParticipantChange): HistoryEntry => ({
  id: Number(c.id),
  kind: c.kind,
  uploadId: c.uploadId,
  uploadFilename: null,
  changedBy: c.changedBy,
  changedAt: c.changedAt,
  changes: c.changes,
  ...(c.kind === 'VOID' ? { reason: c.reason ?? '' } : c.reason ? { reason: c.reason } : {}),
});

/**
 * `{ field: { old: null, new } }` for every field with a value. Keys in the order PostgreSQL's jsonb
 * keeps them (shorter first, then bytewise), as when the CREATE was a stored jsonb row.
 */
function asCreation(values: Record<RegisterField, unknown>): FieldChanges {
  const fields = REGISTER_FIELDS.filter((f) => values[f] !== null && values[f] !== undefined);
  fields.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(fields.map((f) => [f, { old: null, new: values[f] }]));
}
