/**
 * The service settings of `npm run demo`, from the caller's environment. The demo keeps its data in
 * DEMO_DATA_DIR (default ./data/demo), never in DATA_DIR: it deletes that directory on every run, and an
 * exported DATA_DIR is where someone's real embedded database lives. DATABASE_URL is dropped (the demo
 * runs on the embedded database) and the admin is the demo's own. HOST and PORT are honoured as by the
 * service; HOST defaults to 127.0.0.1, not 0.0.0.0: the demo's passwords are printed in the README.
 */
import { resolve } from 'node:path';

export const DEMO_ADMIN = { username: 'admin', password: 'admin-demo-12345' } as const;

type Env = Record<string, string | undefined>;

/** The environment `loadConfig` gets for the demo. */
export function demoEnv(env: Env): Env {
  const demo: Env = {
    JWT_SECRET: 'demo-only-secret-change-me-in-production-0000',
    LOG_LEVEL: 'warn',
    ...env,
    HOST: env.HOST || '127.0.0.1',
    DATA_DIR: resolve(env.DEMO_DATA_DIR || './data/demo'),
    ADMIN_USERNAME: DEMO_ADMIN.username,
    ADMIN_PASSWORD: DEMO_ADMIN.password,
  };
  delete demo.DATABASE_URL;
  return demo;
}

/** Where the demo's own HTTP client reaches a service listening on `host` (a wildcard address: this machine). */
export function demoBaseUrl(host: string, port: number): string {
  const reach = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}
