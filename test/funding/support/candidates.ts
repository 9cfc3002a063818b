import type { Candidates } from '../../../src/funding/use-cases/candidates.js';

/** Candidates as plain arrays, for comparing with expected values. */
export const plain = (c: Candidates) => ({
  nik: Array.from({ length: c.nik.length }, (_, i) => c.nik.at(i)),
  villageCode: Array.from(c.village.of, (v) => c.village.codes[v]),
  tmtDay: c.tmtDay,
});
