/**
 * The register as the projection of a year needs it: read once for all the months it projects,
 * then each month's covered participants (DOMAIN §4) picked from it in memory. Reading the register
 * once instead of once a month halved a projection of eleven months at a million participants
 * (the read and its sort were half of each month's work).
 */
import type { EntityManager } from 'typeorm';
import { firstDay, lastDay } from '../../common/month.js';
import type { CodedColumn } from '../domain/allocate.js';
import { REGISTER_OF_MONTHS } from '../sql/projection.sql.js';
import { NO_TAT, readParticipantColumns, type Candidates } from '../use-cases/candidates.js';
import { dayNumber } from '../use-cases/month-order.js';
import { TextColumn } from '../use-cases/text-column.js';

export class RegisterOfMonths {
  private constructor(private readonly everyone: Candidates & { tatDay: Int32Array }) {}

  /** Everyone covered in at least one month from `from` to `to` (same year), in NIK order, with TMT and TAT. */
  static async read(m: EntityManager, from: string, to: string, useCopy: boolean): Promise<RegisterOfMonths> {
    const read = await readParticipantColumns(m, REGISTER_OF_MONTHS, [firstDay(from), lastDay(to)], useCopy);
    // no TAT column only when no row came (the PGlite path reads the column from the first row)
    return new RegisterOfMonths({ ...read, tatDay: read.tatDay ?? new Int32Array(read.tmtDay.length).fill(NO_TAT) });
  }

  /** The participants covered in `month` (§4: TMT ≤ its last day, TAT empty or ≥ its first day), in NIK order. */
  coveredIn(month: string): Candidates {
    const { nik, village, tmtDay, tatDay } = this.everyone;
    const [first, last] = [dayNumber(firstDay(month)), dayNumber(lastDay(month))];
    const rows = new Int32Array(tmtDay.length);
    let n = 0;
    for (let i = 0; i < tmtDay.length; i++) if (tmtDay[i] <= last && tatDay[i] >= first) rows[n++] = i;
    const picked = rows.subarray(0, n);
    // the month's own villages only, as a month read alone has them (the projection asks which villages had anyone)
    const codes: string[] = [];
    const renumbered = new Int32Array(village.codes.length).fill(-1);
    const villageOf = new Int32Array(n);
    const days = new Int32Array(n);
    picked.forEach((i, k) => {
      const old = village.of[i];
      if (renumbered[old] < 0) renumbered[old] = codes.push(village.codes[old]) - 1;
      villageOf[k] = renumbered[old];
      days[k] = tmtDay[i];
    });
    const villages: CodedColumn = { codes, of: villageOf };
    return { nik: nik instanceof TextColumn ? nik.pick(picked) : Array.from(picked, (i) => nik[i]), village: villages, tmtDay: days };
  }
}
