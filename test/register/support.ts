/** Helpers for the register specs: upload a fixture as the operator, read the register. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app.js';
import { Role } from '../../src/users/role.js';

export const FIXTURES = join(process.cwd(), 'test/fixtures/enrollment');

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

/** POSTs a file (fixture path or buffer) to the upload route and checks the HTTP status. */
export async function upload(t: TestApp, file: string | { name: string; content: Buffer }, status = 201, role: Role = Role.OPERATOR_DINKES) {
  const agent = await t.as(role);
  const { name, content } = typeof file === 'string' ? { name: file.split('/').pop()!, content: fixture(file) } : file;
  const res = await agent.post('/api/v1/enrollment-uploads').attach('file', content, name);
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export async function issues(t: TestApp, uploadId: string): Promise<{ row_number: number; severity: string; column_name: string | null; code: string; message: string }[]> {
  return t.dataSource.query('SELECT row_number, severity, column_name, code, message FROM upload_issue WHERE upload_id = $1 ORDER BY row_number, code', [uploadId]);
}

export async function count(t: TestApp, table: string): Promise<number> {
  const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}
