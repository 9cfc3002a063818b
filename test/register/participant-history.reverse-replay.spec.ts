/** The CREATE entry's values come from walking the UPDATE rows back from the current values. */
import { describe, expect, it } from '@jest/globals';
import type { ParticipantChange } from '../../src/register/entities/participant-change.entity.js';
import type { Participant } from '../../src/register/entities/participant.entity.js';
import { initialValues, participantHistory } from '../../src/register/participant-history.js';

const AT = new Date('2026-01-10T03:00:00Z');

const current: Participant = {
  nik: '1703060101700031',
  noKk: '1703060101200001',
  noka: null,
  name: 'Tiga Satu Akhir',
  birthDate: '1970-01-01',
  sex: 'L',
  villageCode: '17.03.06.2003',
  tmt: '2025-01-01',
  tat: '2026-03-10',
  endReason: 'MENINGGAL',
  lastUploadId: 'u3',
  createdUploadId: 'u1',
  createdBy: 'operator',
  createdAt: AT,
  updatedAt: new Date('2026-03-12T05:00:00Z'),
};

const update = (id: string, changes: ParticipantChange['changes']): ParticipantChange => ({
  id,
  nik: current.nik,
  uploadId: `u${id}`,
  kind: 'UPDATE',
  changes,
  reason: null,
  changedBy: 'operator',
  changedAt: new Date(`2026-0${id}-01T00:00:00Z`),
});

// Name changed twice, the card taken then dropped, the village once, then the participant died.
const updates = [
  update('2', { name: { old: 'Tiga Satu', new: 'Tiga Satu Baru' }, noka: { old: null, new: '0001000000399' }, villageCode: { old: '17.03.06.2001', new: '17.03.06.2003' } }),
  update('3', { name: { old: 'Tiga Satu Baru', new: 'Tiga Satu Akhir' }, noka: { old: '0001000000399', new: null } }),
  update('4', { tat: { old: null, new: '2026-03-10' }, endReason: { old: null, new: 'MENINGGAL' } }),
];

describe('reverse replay of the UPDATE rows', () => {
  it('gives the values the participant was registered with, whatever order the rows come in', () => {
    const expected = {
      noKk: '1703060101200001',
      noka: null,
      name: 'Tiga Satu',
      birthDate: '1970-01-01',
      sex: 'L',
      villageCode: '17.03.06.2001',
      tmt: '2025-01-01',
      tat: null,
      endReason: null,
    };
    expect(initialValues(current, updates)).toEqual(expected);
    expect(initialValues(current, [...updates].reverse())).toEqual(expected);
  });

  it('without updates the initial values are the current ones', () => {
    expect(initialValues(current, [])).toMatchObject({ name: 'Tiga Satu Akhir', tat: '2026-03-10', endReason: 'MENINGGAL' });
  });

  it('puts the CREATE first with the fields that had a value, in jsonb key order, then the updates', () => {
    const history = participantHistory(current, updates);
    expect(history.map((h) => [h.id, h.kind, h.uploadId])).toEqual([
      [null, 'CREATE', 'u1'],
      [2, 'UPDATE', 'u2'],
      [3, 'UPDATE', 'u3'],
      [4, 'UPDATE', 'u4'],
    ]);
    expect(history[0]).toMatchObject({ changedBy: 'operator', changedAt: AT });
    // Serialised as the stored jsonb CREATE row used to be: keys shorter first, then bytewise.
    expect(JSON.stringify(history[0].changes)).toBe(
      JSON.stringify({
        sex: { old: null, new: 'L' },
        tmt: { old: null, new: '2025-01-01' },
        name: { old: null, new: 'Tiga Satu' },
        noKk: { old: null, new: '1703060101200001' },
        birthDate: { old: null, new: '1970-01-01' },
        villageCode: { old: null, new: '17.03.06.2001' },
      }),
    );
  });

  it('shows no CREATE for a participant written outside an upload (no creation recorded)', () => {
    const byHand = { ...current, createdUploadId: null, createdBy: null };
    expect(participantHistory(byHand, updates).map((h) => h.kind)).toEqual(['UPDATE', 'UPDATE', 'UPDATE']);
  });
});
