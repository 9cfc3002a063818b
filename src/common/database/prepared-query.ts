import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

interface NamedQueryPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/**
 * Runs a hot read as a named prepared statement on the driver's pool: PostgreSQL parses and plans
 * it once per connection instead of on every request (planning a query over every month partition
 * costs more than running it). The name is derived from the text, so one text is one statement.
 * Outside a transaction only. Rows come back as from `DataSource.query`.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) names.set(text, (name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  const pool = (dataSource.driver as unknown as { master: NamedQueryPool }).master;
  return (await pool.query({ name, text, values })).rows as T[];
}
