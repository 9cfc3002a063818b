/**
 * Finding a pledge by the code someone typed: codes are case-sensitive (DOMAIN §5), but a code that
 * differs only in upper/lower case is named as what was probably meant (QA: "apbd-2026").
 */
import { FundingException } from '../funding.exception.js';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** The stored code equal to `code`, else one equal to it ignoring case, else undefined. */
export async function storedPledgeCode(db: SqlRunner, code: string): Promise<string | undefined> {
  const [pledge] = await db.query('SELECT code FROM pledge WHERE upper(code) = upper($1) ORDER BY code = $1 DESC LIMIT 1', [code]);
  return pledge?.code;
}

/** 404 PLEDGE_NOT_FOUND unless a pledge has exactly `code`, naming one that differs only in case. */
export async function assertPledgeExists(db: SqlRunner, code: string): Promise<void> {
  const stored = await storedPledgeCode(db, code);
  if (stored !== code) throw FundingException.pledgeNotFound(code, stored);
}
