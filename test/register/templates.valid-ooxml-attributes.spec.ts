/**
 * The templates users download open in Excel without a repair: their data validations use only
 * the attribute values ECMA-376 defines (ExcelJS writes whatever it is given; `errorStyle="error"`
 * made openpyxl refuse the enrollment template and is not a value Excel knows).
 */
import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { buildPledgeTemplate } from '../../src/funding/pledge-upload/pledge-template.js';
import { buildEnrollmentTemplate } from '../../src/register/workbooks/enrollment-template.js';

const ALLOWED: Record<string, string[]> = {
  errorStyle: ['stop', 'warning', 'information'],
  type: ['none', 'whole', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'],
  operator: ['between', 'notBetween', 'equal', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'],
};

async function validationAttributes(xlsx: Buffer): Promise<{ name: string; value: string }[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const found: { name: string; value: string }[] = [];
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    for (const [tag] of xml.matchAll(/<dataValidation [^>]*>/g)) {
      for (const [, name, value] of tag.matchAll(/(\w+)="([^"]*)"/g)) if (name in ALLOWED) found.push({ name, value });
    }
  }
  return found;
}

describe('templates: data validations as ECMA-376 defines them', () => {
  it.each([
    ['enrollment', buildEnrollmentTemplate],
    ['pledges', buildPledgeTemplate],
  ])('%s template', async (_, build) => {
    const attributes = await validationAttributes(await build());
    for (const { name, value } of attributes) expect(ALLOWED[name]).toContain(value);
  });

  it('the enrollment template has its drop-downs (so the check above checked something)', async () => {
    const attributes = await validationAttributes(await buildEnrollmentTemplate());
    expect(attributes.filter((a) => a.name === 'type' && a.value === 'list')).toHaveLength(3);
    expect(attributes.filter((a) => a.name === 'errorStyle')).toEqual([{ name: 'errorStyle', value: 'stop' }, { name: 'errorStyle', value: 'stop' }, { name: 'errorStyle', value: 'stop' }]);
  });
});
