/**
 * Boots the real application (every module, guard, pipe and filter) on a fresh copy of the
 * migrated test database, and offers small helpers to call it as each role.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { APP_CONFIG, type AppConfig, loadConfig } from '../../src/common/config/app-config.js';
import { configureApp, httpAdapter } from '../../src/configure-app.js';
import { UsersService } from '../../src/users/users.service.js';
import { Role } from '../../src/users/role.js';
import { createTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'rahasia-uji-123';
export const TEST_PASSWORD_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FixedClock;
  config: AppConfig;
  /** Bearer tokens of one user per role, created on first use. */
  token(role: Role): Promise<string>;
  /** Logs the role's test user in again: its cached token died when the user logged out (the console's Keluar ends every session). */
  relogin(role: Role): Promise<string>;
  as(role: Role): Promise<{ get(url: string): request.Test; head(url: string): request.Test; post(url: string): request.Test; patch(url: string): request.Test; delete(url: string): request.Test }>;
  close(): Promise<void>;
}

/** The test user of a role, as `token`, `relogin` and the browser tests' `userFor` name it: `uji-keuangan`. */
export const testUsername = (role: Role) => `uji-${role.toLowerCase().replace(/_/g, '-')}`;

export async function createTestApp(overrides: Partial<AppConfig> = {}, now = new Date('2026-11-15T03:00:00Z')): Promise<TestApp> {
  const { drop: dropDatabase, ...database } = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ JWT_SECRET: 'test-secret-test-secret-test-secret!', LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' }),
    // a data directory of its own (uploaded files): apps of other test files start and clean up beside it
    dataDir: mkdtempSync(join(tmpdir(), 'jamkesda-app-')),
    // argon2's defaults (64 MiB, three passes) cost ~0.8 s a test user on CI's machine: hash and login
    passwordHashing: TEST_PASSWORD_HASHING,
    // On PostgreSQL the service hands allocations by hand and projections to its funding worker's thread, which loads
    // the service's modules anew (1.4–2 s built, 2–4 s from TypeScript while other specs run): for every spec that
    // allocated, that was 20–27 s more over six funding specs. So the specs run them in the service's thread unless
    // they ask for the thread (`{ allocationWorker: true }`: the worker's own spec and a few that allocate, project and
    // answer errors through it); the thread imports the TypeScript sources as Jest does.
    allocationWorker: false,
    workerImport: new URL('./worker-typescript.mjs', import.meta.url).href,
    ...database,
    ...overrides,
  };
  const clock = new FixedClock(now);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ config, clock })] }).compile();
  const app = await startApp(moduleRef);
  const http = request(app.getHttpServer());
  const tokens = new Map<Role, string>();

  const token = async (role: Role) => {
    if (!tokens.has(role)) {
      const username = testUsername(role);
      await app.get(UsersService).create(username, TEST_PASSWORD, role);
      const res = await http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
      tokens.set(role, res.body.accessToken);
    }
    return tokens.get(role)!;
  };

  const relogin = async (role: Role) => {
    const username = testUsername(role);
    const res = await http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
    tokens.set(role, res.body.accessToken);
    return res.body.accessToken as string;
  };

  return {
    app,
    http,
    relogin,
    dataSource: app.get(DataSource),
    clock,
    config,
    token,
    async as(role: Role) {
      const auth = `Bearer ${await token(role)}`;
      return {
        get: (url: string) => http.get(url).set('Authorization', auth),
        head: (url: string) => http.head(url).set('Authorization', auth),
        post: (url: string) => http.post(url).set('Authorization', auth),
        patch: (url: string) => http.patch(url).set('Authorization', auth),
        delete: (url: string) => http.delete(url).set('Authorization', auth),
      };
    },
    async close() {
      await app.close();
      await dropDatabase();
      if (!overrides.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

const routesServed = new WeakMap<object, string[]>();

/** `METHOD path` of every route the HTTP server serves (Nest's and anything registered beside them), HEAD left out. */
export function servedRoutes(app: INestApplication): string[] {
  return routesServed.get(app) ?? [];
}

/** The compiled module as the service runs it (configure-app.ts), initialized and ready for requests. */
export async function startApp(moduleRef: TestingModule): Promise<NestFastifyApplication> {
  const created = moduleRef.createNestApplication<NestFastifyApplication>(httpAdapter(moduleRef.get<AppConfig>(APP_CONFIG)), { logger: false });
  const served: string[] = [];
  created.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') served.push(`${method} ${route.url}`);
  });
  const app = await configureApp(created);
  routesServed.set(app, served);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
