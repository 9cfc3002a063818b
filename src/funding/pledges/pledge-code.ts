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

/**
 * storedPledgeCode over codes read once, for the rows of a sheet (no query per row): `code` itself
 * when it is one of `codes`, else one equal to it ignoring case, else undefined.
 */
export function storedPledgeCodeIn(codes: Iterable<string>): (code: string) => string | undefined {
  const exact = new Set(codes);
  const byUpperCase = new Map<string, string>();
  for (const code of exact) if (!byUpperCase.has(code.toUpperCase())) byUpperCase.set(code.toUpperCase(), code);
  return (code) => (exact.has(code) ? code : byUpperCase.get(code.toUpperCase()));
}

/** 404 PLEDGE_NOT_FOUND unless a pledge has exactly `code`, naming one that differs only in case. */
export async function assertPledgeExists(db: SqlRunner, code: string): Promise<void> {
  const stored = await storedPledgeCode(db, code);
  if (stored !== code) throw FundingException.pledgeNotFound(code, stored);
}
