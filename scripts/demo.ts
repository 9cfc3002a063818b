/**
 * `npm run demo`: starts the service on the embedded database (in DEMO_DATA_DIR, default data/demo,
 * reset each time: see demo-data-dir.ts), loads the synthetic sample regency through the same HTTP
 * routes users call, and keeps serving.
 */
import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../src/common/config/app-config.js';
import { createApp } from '../src/configure-app.js';
import type { DemoContext, DemoFile, DemoRole } from './demo/demo-context.js';
import { DemoDataDirRefused, resetDemoDataDir } from './demo/demo-data-dir.js';
import { DEMO_ADMIN as ADMIN, demoBaseUrl, demoEnv } from './demo/demo-environment.js';
import { sampleRegency } from './demo/sample-regency.js';
import { DEMO_STEPS } from './demo/steps.js';
import { DEMO_USERS } from './demo/steps/01-users.js';

async function main(): Promise<void> {
  const config = loadConfig(demoEnv(process.env));
  resetDemoDataDir(config.dataDir);

  const started = Date.now();
  const app = await createApp(config, new ConsoleLogger({ logLevels: ['error', 'warn'] }));
  await app.listen(config.port, config.host);
  const baseUrl = demoBaseUrl(config.host, config.port);
  console.log(`Service up on the embedded database in ${config.dataDir} in ${Date.now() - started} ms; loading the sample regency...`);

  const tokens = new Map<DemoRole, string>();
  const credentials: Record<DemoRole, { username: string; password: string }> = {
    ADMIN,
    OPERATOR_DINKES: DEMO_USERS[0],
    KEUANGAN: DEMO_USERS[1],
    KEUANGAN_CHECKER: DEMO_USERS[2],
    AUDITOR: DEMO_USERS[3],
  };
  const request = async (method: string, path: string, token: string | undefined, body?: { json?: unknown; form?: Record<string, string | DemoFile> }) => {
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    let payload: FormData | string | undefined;
    if (body?.form) {
      const form = new FormData();
      for (const [k, v] of Object.entries(body.form)) {
        if (typeof v === 'string') form.append(k, v);
        else form.append(k, new Blob([v.content], { type: v.contentType ?? 'application/octet-stream' }), v.name);
      }
      payload = form;
    } else if (body?.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body.json);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text.slice(0, 500)}`);
    const type = res.headers.get('content-type') ?? '';
    return type.includes('json') ? JSON.parse(text) : text;
  };
  const token = async (role: DemoRole) => {
    if (!tokens.has(role)) {
      const { username, password } = credentials[role];
      tokens.set(role, (await request('POST', '/api/v1/auth/login', undefined, { json: { username, password } })).accessToken);
    }
    return tokens.get(role)!;
  };

  const ctx: DemoContext = {
    baseUrl,
    dataDir: config.dataDir,
    call: async (role, method, path, body) => request(method, path, await token(role), body),
    residents: sampleRegency(),
    months: ['2026-07', '2026-08', '2026-09', '2026-10'],
    log: (message) => console.log(`  ${message}`),
  };
  for (const step of DEMO_STEPS) {
    console.log(`- ${step.name}`);
    await step.run(ctx);
  }

  console.log(`\nDemo ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${baseUrl}/`);
  console.log(`  API docs:  ${baseUrl}/api/docs`);
  console.log('  Logins (username / password):');
  // the role as the service names it (POST /api/v1/users takes these): keuangan2 is a second KEUANGAN user, for maker-checker
  const roleOf = (role: DemoRole) => (role === 'KEUANGAN_CHECKER' ? 'KEUANGAN (kedua, pemeriksa finalisasi)' : role);
  for (const [role, c] of Object.entries(credentials)) console.log(`    ${c.username.padEnd(10)} / ${c.password.padEnd(20)} ${roleOf(role as DemoRole)}`);
  console.log('Press Ctrl+C to stop.');
}

main().catch((err) => {
  // A refused data directory or setting is said in one message, without a stack.
  console.error(err instanceof DemoDataDirRefused || err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
