/**
 * The console's files: served without login under /console/, with helmet's content security policy,
 * and written so that policy can stay strict (no inline script or style, no HTML built from strings).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { consolePublicDir } from '../../src/console/console-assets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BOOT_TIMEOUT } from './support/browser.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('console static pages and content security policy', () => {
  let t: TestApp;
  const dir = consolePublicDir();
  const files = filesUnder(dir);
  beforeAll(async () => (t = await createTestApp()), BOOT_TIMEOUT);
  afterAll(() => t.close());

  it('redirects the home page to the console', async () => {
    const res = await t.http.get('/').expect(302);
    expect(res.headers.location).toBe('/console/');
    await t.http.get('/console').expect(301);
  });

  it('serves the page without login, under a strict content security policy', async () => {
    const res = await t.http.get('/console/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // Plain-HTTP intranet hosts must be able to load the scripts (see configure-app.ts).
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.text).toContain('<html lang="id">');
  });

  it('serves every asset with its type and no login', async () => {
    for (const file of files) {
      const url = `/console/${relative(dir, file).split('\\').join('/')}`;
      const res = await t.http.get(url).expect(200);
      const type = res.headers['content-type'];
      if (file.endsWith('.js')) expect(type).toMatch(/javascript/);
      if (file.endsWith('.css')) expect(type).toMatch(/^text\/css/);
    }
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
  });

  it('answers a missing console file with 404, and keeps the API behind the login', async () => {
    await t.http.get('/console/js/tidak-ada.js').expect(404);
    await t.http.get('/api/v1/pledges').expect(401);
  });

  it('has no inline script, inline style or inline event handler in its HTML', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/);
      for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) expect(body.trim()).toBe('');
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/\son[a-z]+=/);
      expect(html).not.toMatch(/javascript:/);
    }
  });

  it('never builds markup from strings in its JavaScript (output is escaped by construction)', () => {
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const js = readFileSync(file, 'utf8');
      const where = relative(dir, file);
      for (const pattern of [/\.innerHTML\b/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /setAttribute\(\s*['"]style['"]/]) {
        expect({ where, found: pattern.test(js) }).toEqual({ where, found: false });
      }
    }
  });
});
