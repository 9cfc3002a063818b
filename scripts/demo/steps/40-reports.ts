/**
 * Downloads, as the auditor, the reconciliation workbook of the latest run of each sample month
 * (when there is one) and the village statement of the busiest village for the last month, and
 * writes them under exports/ in the demo's data directory (DEMO_DATA_DIR, default data/demo).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoContext, DemoStep } from '../demo-context.js';
import { DEMO_USERS } from './01-users.js';

/** The routes return binary workbooks, which DemoContext.call (text/JSON) would garble: fetch them directly. */
async function downloader(ctx: DemoContext): Promise<(path: string) => Promise<Buffer>> {
  const auditor = DEMO_USERS.find((u) => u.role === 'AUDITOR')!;
  const { accessToken } = await ctx.call('ADMIN', 'POST', '/api/v1/auth/login', { json: { username: auditor.username, password: auditor.password } });
  return async (path) => {
    const res = await fetch(`${ctx.baseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (!res.ok) throw new Error(`GET ${path} -> ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return Buffer.from(await res.arrayBuffer());
  };
}

export const reportsStep: DemoStep = {
  name: 'Buku kerja rekonsiliasi dan laporan desa',
  async run(ctx) {
    const folder = join(ctx.dataDir, 'exports');
    mkdirSync(folder, { recursive: true });
    const download = await downloader(ctx);
    const save = (name: string, body: Buffer) => {
      const file = join(folder, name);
      writeFileSync(file, body);
      ctx.log(`${file} (${(body.length / 1024).toFixed(0)} KB)`);
    };
    for (const month of ctx.months) {
      const runs: { id: string; version: number; status: string }[] = await ctx.call('AUDITOR', 'GET', `/api/v1/reconciliations?month=${month}`);
      const latest = runs.find((r) => r.status === 'DONE' || r.status === 'FINAL');
      if (!latest) continue;
      save(`rekonsiliasi-${month}-v${latest.version}.xlsx`, await download(`/api/v1/reconciliations/${latest.id}/workbook.xlsx`));
    }
    const month = ctx.months[ctx.months.length - 1];
    const counts = new Map<string, number>();
    for (const r of ctx.residents) counts.set(r.villageCode, (counts.get(r.villageCode) ?? 0) + 1);
    const village = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    save(`laporan-desa-${village.replace(/\./g, '')}-${month}.xlsx`, await download(`/api/v1/statements/villages/${village}.xlsx?month=${month}`));
  },
};
