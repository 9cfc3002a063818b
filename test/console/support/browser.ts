/**
 * Headless Chromium for the console's end-to-end tests (playwright-core driving the Debian
 * `chromium` package). Without the browser the specs skip with a message; CI installs it.
 */
import { afterAll, beforeAll, describe } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type FileChooser, type Page, type Request } from 'playwright-core';
import { Role } from '../../../src/users/role.js';
import { UsersService } from '../../../src/users/users.service.js';
import type { AppConfig } from '../../../src/common/config/app-config.js';
import { createTestApp, TEST_PASSWORD, type TestApp, testUsername } from '../../support/test-app.js';

/** Booting the app (a fresh database) and a browser path can take minutes on a busy two-core machine. */
export const BOOT_TIMEOUT = 240_000;
export const BROWSER_TIMEOUT = 240_000;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The spec file's Chromium: launched by its first `browserApp`, shared by the others, closed after the file's last test. */
let fileBrowser: Promise<Browser> | undefined;
let fileBrowserCloses = false;

/**
 * `describe` when Chromium is installed, otherwise `describe.skip` with a clear message. Called at a spec file's top
 * level: the first call also registers the file's `afterAll` that closes the shared browser.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    if (!fileBrowserCloses) {
      fileBrowserCloses = true;
      afterAll(async () => {
        const launched = fileBrowser;
        fileBrowser = undefined;
        await (await launched?.catch(() => undefined))?.close();
      });
    }
    return describe(name, body);
  }
  console.warn(`[console e2e] ${CHROMIUM_PATH} not found: skipping "${name}". Install it with: apt-get install -y chromium`);
  describe.skip(name, body);
}

/** What a browser spec drives: the test app, its console's base URL and a headless Chromium. */
export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
}

/**
 * Before a browser spec's tests: a fresh test app (with `config` overrides) served on a free port,
 * Chromium, then `setup(t)` to fill the database through the API; after them, the app closed. The
 * returned object is filled in by the time the first test runs. The describes of a file share one
 * Chromium (each launch cost 1–3 s on the busy 2-core machine): every test opens its own browser
 * context (`openPage`), so no cookie, storage or page of one describe reaches another.
 */
export function browserApp(setup: (t: TestApp) => Promise<void> = async () => undefined, config: Partial<AppConfig> = {}): BrowserApp {
  const app = {} as BrowserApp;
  beforeAll(async () => {
    app.t = await createTestApp(config);
    app.base = await listen(app.t);
    app.browser = await (fileBrowser ??= launchBrowser());
    await setup(app.t);
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await app.t?.close();
  });
  return app;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Serves the test app on a free local port; returns the console's base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A login for the UI: the test app's user of that role, or a further one named `suffix`. */
export async function userFor(t: TestApp, role: Role, suffix?: string): Promise<{ username: string; password: string }> {
  const base = testUsername(role);
  if (!suffix) {
    await t.token(role);
    return { username: base, password: TEST_PASSWORD };
  }
  const username = `${base}-${suffix}`;
  await t.app.get(UsersService).create(username, TEST_PASSWORD, role);
  return { username, password: TEST_PASSWORD };
}

/**
 * A fresh browser context (its own sessionStorage) with page errors collected for assertions. `locale`:
 * the browser's language (Indonesian unless a spec plays an English browser, e.g. 'en-US').
 */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }, { locale = 'id-ID' } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale, timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const errors: string[] = [];
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) errors.push(msg.text());
  });
  page.setDefaultTimeout(45_000); // generous: the machine may be busy
  return { context, page, errors };
}

const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Waits until a page of `openPage` has had no request in flight for `quietMs`: what it asked for has arrived, and a
 * request made on the answer's arrival would have started. Playwright's `networkidle` waits 500 ms of quiet, which
 * cost the page-by-page specs half a second a page.
 */
export async function settled(page: Page, quietMs = 100): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('settled(): the page was not opened with openPage()');
  const deadline = Date.now() + 45_000;
  let quietSince = Date.now();
  for (;;) {
    if (pending.size) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`settled(): still waiting for ${[...pending].map((r) => r.url()).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Logs in from the console's home, or from a bookmarked address `at` (e.g. '#/peserta?name=budi'). */
export async function login(page: Page, base: string, user: { username: string; password: string }, at = ''): Promise<void> {
  await page.goto(`${base}/console/${at}`);
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Attached, not visible: on a phone the user box sits in the closed menu.
  await page.locator('#user button').waitFor({ state: 'attached' });
}

export async function logout(page: Page): Promise<void> {
  if (!(await page.getByRole('button', { name: 'Keluar' }).isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  // the console shows its login page without waiting for POST /auth/logout: a test that logs the same user in again
  // right after must wait for the server to end the sessions first, or its new token is ended too (CI: a 401 later)
  const ended = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
  await page.getByRole('button', { name: 'Keluar' }).click();
  await ended;
  await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
}

/**
 * The file chooser that `action` opens. Playwright starts intercepting choosers only when the first
 * listener is added, by a message that races the action's own: a key press sent alongside could open the
 * browser's real dialog, which nobody answers in a headless browser (seen in CI: Space, then Enter,
 * opened no chooser one run in three). One round trip to the page after the listener lets the
 * interception arrive first.
 */
export async function fileChooserOf(page: Page, action: () => Promise<unknown>): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => undefined);
  await action();
  return chooser;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // for a person to look at, never asserted on: `.ci/run` turns them off (about a minute of its browser specs' time)
  if (process.env.SCREENSHOTS === 'off') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
