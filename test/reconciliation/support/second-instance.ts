import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../../src/app.module.js';
import { FixedClock } from '../../../src/common/clock/clock.js';
import { startApp, type TestApp } from '../../support/test-app.js';

/** Another instance of the whole service on the same PostgreSQL database as `t` (its own pool, own clock). */
export async function secondInstance(t: TestApp): Promise<INestApplication> {
  const config = { ...t.config };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ config, clock: new FixedClock(t.clock.now()) })] }).compile();
  return startApp(moduleRef);
}
