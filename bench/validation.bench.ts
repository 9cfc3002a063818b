/**
 * `npm run bench:validation`: the CPU the app's validation pipe takes on the auditors' lookup query
 * (`GET /api/v1/splits?nik=`: SplitsQueryDto), with each DTO class's rules looked up once
 * (validation-metadata-cache.ts) and with class-validator's own lookup, which tests every class
 * that has rules on each validation. Five rounds of 20,000 queries each way, alternated, after a
 * warm-up; the medians printed. No database.
 */
import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppModule } from '../src/app.module.js';
import { createValidationPipe } from '../src/common/http/validation.js';
import { uncachedValidationMetadata } from '../src/common/http/validation-metadata-cache.js';
import { SplitsQueryDto } from '../src/funding/dto/splits-query.dto.js';

const QUERIES = 20_000;
const ROUNDS = 5;

const pipe = createValidationPipe(); // installs the cache
const storage = getMetadataStorage();
const cached = storage.getTargetValidationMetadatas;
const uncached = uncachedValidationMetadata();
const query: ArgumentMetadata = { type: 'query', metatype: SplitsQueryDto };

/** µs of this process's CPU per validated query. */
async function round(): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < QUERIES; i++) await pipe.transform({ nik: String(1703010101000000 + i) }, query);
  const { user, system } = process.cpuUsage(before);
  return (user + system) / QUERIES;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const classes = (storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.size;
  await round(); // warm-up
  const times = { cached: [] as number[], uncached: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    storage.getTargetValidationMetadatas = uncached;
    times.uncached.push(await round());
    storage.getTargetValidationMetadatas = cached;
    times.cached.push(await round());
  }
  const said = (xs: number[]) => `${median(xs).toFixed(1)} µs (rounds ${xs.map((x) => x.toFixed(1)).join(', ')})`;
  console.log(`Validation of GET /api/v1/splits?nik='s query (${classes} classes with rules, ${AppModule.name} loaded), CPU a query, median of ${ROUNDS} rounds of ${QUERIES.toLocaleString('en')}:`);
  console.log(`  class-validator's own lookup of the class's rules: ${said(times.uncached)}`);
  console.log(`  the rules looked up once (validation-metadata-cache.ts): ${said(times.cached)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
