/**
 * The Nest apps of bench:http-floor: one module with a `GET /health` route that runs `SELECT 1`
 * and, when given the split-lookup statement, a `GET /splits?nik=` route that runs it as a named
 * prepared statement (as SplitsService does) and returns `{ items: rows }`. Nothing else: no
 * guards, pipes, interceptors, helmet or request logger. On Fastify, as the service.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Inject, Module, Query, type DynamicModule, type INestApplication, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import pg from 'pg';

const POOL = Symbol('pg.Pool');
const SPLITS = Symbol('split lookup');

/** A named prepared statement: $1 = NIK, $2 = LIMIT, $3 = OFFSET. */
export interface SplitLookup {
  name: string;
  text: string;
}

@Controller()
class HealthController {
  constructor(@Inject(POOL) private readonly pool: pg.Pool) {}

  @Get('health')
  async health(): Promise<{ status: string }> {
    await this.pool.query('SELECT 1');
    return { status: 'ok' };
  }
}

@Controller()
class SplitsController {
  constructor(
    @Inject(POOL) private readonly pool: pg.Pool,
    @Inject(SPLITS) private readonly lookup: SplitLookup,
  ) {}

  @Get('splits')
  async splits(@Query('nik') nik: string): Promise<{ items: unknown[] }> {
    const { rows } = await this.pool.query({ ...this.lookup, values: [nik, 50, 0] });
    return { items: rows };
  }
}

@Module({})
class FloorModule {
  static with(pool: pg.Pool, lookup?: SplitLookup): DynamicModule {
    const providers: Provider[] = [{ provide: POOL, useValue: pool }];
    if (lookup) providers.push({ provide: SPLITS, useValue: lookup });
    return { module: FloorModule, controllers: lookup ? [HealthController, SplitsController] : [HealthController], providers };
  }
}

/** The app listening on a free port of 127.0.0.1, and its origin. */
export async function startNest(pool: pg.Pool, lookup?: SplitLookup): Promise<{ app: INestApplication; base: string }> {
  const app = await NestFactory.create(FloorModule.with(pool, lookup), new FastifyAdapter(), { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}
