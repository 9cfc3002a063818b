/**
 * templates/*.xlsx (what the repository hands out) are the workbooks the builders make, and the service
 * serves the same at GET /api/v1/templates/*: a change to a builder without `npm run templates` fails here.
 * Compared part by part, unzipped: the zip's own timestamps differ from build to build, and so do the
 * pledge template's created/modified properties (the time it was built).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { buildPledgeTemplate } from '../../src/funding/pledge-upload/pledge-template.js';
import { buildPaymentTemplate } from '../../src/payments/payment-template.js';
import { buildBillTemplate, buildPbiTemplate } from '../../src/reconciliation/templates/bpjs-input-templates.js';
import { buildEnrollmentTemplate } from '../../src/register/workbooks/enrollment-template.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

async function parts(xlsx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
  const text = async (name: string) => (await zip.file(name)!.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1');
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await text(name)] as const)));
}

const committed = (name: string) => readFile(join(process.cwd(), 'templates', name));

describe('the committed templates are current', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it.each([
    ['enrollment.xlsx', buildEnrollmentTemplate],
    ['pledges.xlsx', buildPledgeTemplate],
    ['payments.xlsx', buildPaymentTemplate],
    ['bill.xlsx', buildBillTemplate],
    ['pbi-apbn.xlsx', buildPbiTemplate],
  ])('templates/%s', async (name, build) => {
    expect(await parts(await committed(name))).toEqual(await parts(await build()));
  });

  it.each(['enrollment.xlsx', 'pledges.xlsx', 'payments.xlsx', 'bill.xlsx', 'pbi-apbn.xlsx'])('GET /api/v1/templates/%s serves templates/ as committed', async (name) => {
    const res = await (await t.as(Role.OPERATOR_DINKES))
      .get(`/api/v1/templates/${name}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(await parts(res.body as Buffer)).toEqual(await parts(await committed(name)));
  });
});
