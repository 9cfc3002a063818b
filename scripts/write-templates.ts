/**
 * Writes the upload templates under templates/ from the same column definitions the parsers use
 * (`npm run templates`). The service builds the same workbooks for GET /api/v1/templates/*.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPledgeTemplate } from '../src/funding/pledge-upload/pledge-template.js';
import { buildPaymentTemplate } from '../src/payments/payment-template.js';
import { buildBillTemplate, buildPbiTemplate } from '../src/reconciliation/templates/bpjs-input-templates.js';
import { buildEnrollmentTemplate } from '../src/register/workbooks/enrollment-template.js';

const TEMPLATES: Record<string, () => Promise<Buffer>> = {
  'enrollment.xlsx': buildEnrollmentTemplate,
  'pledges.xlsx': buildPledgeTemplate,
  'payments.xlsx': buildPaymentTemplate,
  'bill.xlsx': buildBillTemplate,
  'pbi-apbn.xlsx': buildPbiTemplate,
};

const dir = join(process.cwd(), 'templates');
await mkdir(dir, { recursive: true });
for (const [name, build] of Object.entries(TEMPLATES)) {
  await writeFile(join(dir, name), await build());
  console.log(`templates/${name}`);
}
