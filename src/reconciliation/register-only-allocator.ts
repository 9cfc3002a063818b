import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { firstDay, lastDay } from '../common/month.js';
import type { MonthAllocator } from './month-allocator.js';

/**
 * TEMPORARY stand-in until the funding module's AllocateMonth is wired in: obligations only
 * (covered participants × LOCAL tariff), everything unfunded, no splits.
 */
@Injectable()
export class RegisterOnlyAllocator implements MonthAllocator {
  async ensureCurrent(month: string, _actor: string, manager?: EntityManager): Promise<void> {
    const m = manager!;
    await m.query('DELETE FROM obligation WHERE month = $1', [month]);
    await m.query(
      `INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code)
       SELECT $1, p.nik, t.amount, t.amount, p.tmt, p.village_code
       FROM participant p,
            (SELECT sum(amount) AS amount FROM tariff WHERE payer = 'LOCAL' AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)) t
       WHERE p.tmt <= $3::date AND (p.tat IS NULL OR p.tat >= $2::date)`,
      [month, firstDay(month), lastDay(month)],
    );
  }
}
