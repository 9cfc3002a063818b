/**
 * The demo's funding step uploads a pledge sheet through the real route, so the Komitmen page's history of pledge
 * sheets is not empty: listed with its counts (two pledges saved, one row refused) and a row report naming the
 * refused row. Run again on the same data it uploads nothing, as the step skips the pledges it created before.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { DemoContext, DemoRole } from '../../scripts/demo/demo-context.js';
import { DEMO_PLEDGE_SHEET_NAME, uploadDemoPledgeSheet } from '../../scripts/demo/demo-pledge-sheet.js';
import { WILAYAH_1703 } from '../../src/regions/data/wilayah-1703.js';
import { Role } from '../../src/users/role.js';
import { binary } from '../reports/support/xlsx.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const VILLAGES = WILAYAH_1703.filter((r) => r[1] === 'desa').slice(0, 2).map((r) => r[0]);

/** The demo's client (DemoContext.call) over the test app, as the finance officer whatever role is asked. */
function demoContext(t: TestApp, logs: string[]): DemoContext {
  return {
    baseUrl: '',
    dataDir: '',
    residents: [],
    months: [],
    log: (message) => logs.push(message),
    async call(_role: DemoRole, method, path, body) {
      const api = await t.as(Role.KEUANGAN);
      let req = method === 'POST' ? api.post(path) : api.get(path);
      for (const [name, v] of Object.entries(body?.form ?? {})) req = typeof v === 'string' ? req.field(name, v) : req.attach(name, v.content, v.name);
      const res = await req;
      if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status}: ${res.text}`);
      return res.body;
    },
  };
}

describe('demo: a pledge sheet in the Komitmen history', () => {
  let t: TestApp;
  const logs: string[] = [];
  const existing = async () => new Set<string>(((await (await t.as(Role.AUDITOR)).get('/api/v1/pledges?fiscalYear=2026').expect(200)).body as { code: string }[]).map((p) => p.code));
  beforeAll(async () => {
    t = await createTestApp();
    await uploadDemoPledgeSheet(demoContext(t, logs), 2026, VILLAGES, await existing());
  });
  afterAll(() => t?.close());

  it('is listed with two pledges saved and one row refused, and its row report names the refused row', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const list = (await auditor.get('/api/v1/pledge-uploads').expect(200)).body;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ filename: DEMO_PLEDGE_SHEET_NAME, uploadedBy: 'uji-keuangan', rowsRead: 3, accepted: 2, rejected: 1, listRowsRejected: 0 });
    expect([...(await existing())].sort()).toEqual([`DESA-${VILLAGES[0].replace(/\./g, '')}-2026`, 'TJSLP-KOPI-2026']);

    const res = await auditor.get(`/api/v1/pledge-uploads/${list.items[0].id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    const perbaiki = report.getWorksheet('Perbaiki')!;
    expect(perbaiki.rowCount).toBe(2);
    const header = (perbaiki.getRow(1).values as string[]).slice(1);
    const row = (perbaiki.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('KODE')]).toBe('DESA-1703992001-2026');
    expect(row[header.indexOf('KETERANGAN')]).toMatch(/^Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 17\.03\.99\.2001\./);
    expect(logs.join('\n')).toContain(`GET /api/v1/pledge-uploads/${list.items[0].id}/report.xlsx`);
  });

  it('is not uploaded again once its pledges exist (the demo re-run on the same data)', async () => {
    await uploadDemoPledgeSheet(demoContext(t, logs), 2026, VILLAGES, await existing());
    expect((await (await t.as(Role.AUDITOR)).get('/api/v1/pledge-uploads').expect(200)).body.total).toBe(1);
  });
});
