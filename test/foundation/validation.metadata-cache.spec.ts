/**
 * The validation pipe's cache of each DTO class's rules (validation-metadata-cache.ts): the answer
 * is class-validator's own, for every class of the app and each way the app asks; asked again it is
 * not searched again; a class defined after the cache exists gets its own rules and its parents'.
 */
import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { getMetadataStorage, IsInt, Max } from 'class-validator';
import { AppModule } from '../../src/app.module.js';
import { createValidationPipe } from '../../src/common/http/validation.js';
import { memoizeValidationMetadata, uncachedValidationMetadata } from '../../src/common/http/validation-metadata-cache.js';
import { SplitsQueryDto } from '../../src/funding/dto/splits-query.dto.js';

const pipe = createValidationPipe(); // installs the cache
const storage = getMetadataStorage();
/** Every class with rules of its own: AppModule's import loaded each DTO of the app. */
const classes = () => [...(storage as unknown as { validationMetadatas: Map<new () => object, unknown> }).validationMetadatas.keys()];
const asked: [string, boolean, boolean, string[] | undefined][] = [
  ['', false, false, undefined], // ValidationPipe's validate()
  ['', true, false, undefined], // the app's own readers (declared fields, optional parameters, messages)
  ['', false, true, ['x']],
];

describe('each DTO class has its rules looked up once', () => {
  it('answers as class-validator does, for every class of the app, its parents\' rules included', () => {
    expect(AppModule).toBeDefined();
    expect(classes().length).toBeGreaterThan(20);
    const uncached = uncachedValidationMetadata();
    for (const target of classes())
      for (const [schema, always, strict, groups] of asked) expect(storage.getTargetValidationMetadatas(target, schema, always, strict, groups)).toEqual(uncached(target, schema, always, strict, groups));
    const splitsRules = storage.getTargetValidationMetadatas(SplitsQueryDto, '', true, false).map((m) => m.propertyName);
    expect(new Set(splitsRules)).toEqual(new Set(['from', 'to', 'month', 'pledgeCode', 'nik', 'villageCode', 'sourceType', 'page', 'pageSize']));
  });

  it('asked again, gives the answer it kept; asked otherwise, another', () => {
    const first = storage.getTargetValidationMetadatas(SplitsQueryDto, '', false, false);
    expect(storage.getTargetValidationMetadatas(SplitsQueryDto, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(SplitsQueryDto, '', false, true, ['x'])).not.toBe(first);
  });

  it('installed twice, wraps class-validator once', () => {
    const lookUp = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata();
    createValidationPipe();
    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
    expect(uncachedValidationMetadata()).not.toBe(lookUp);
  });

  it('a class defined after the first validations is validated by its own rules and its parents\'', async () => {
    const query: ArgumentMetadata = { type: 'query', metatype: SplitsQueryDto };
    await expect(pipe.transform({ nik: '1703010101010001' }, query)).resolves.toBeInstanceOf(SplitsQueryDto);
    class Later extends SplitsQueryDto {
      @IsInt({ message: 'limit harus bilangan bulat' })
      @Max(5, { message: 'limit paling banyak 5' })
      limit!: number;
    }
    const refusal = await pipe.transform({ nik: '12', limit: 9 }, { type: 'body', metatype: Later }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(BadRequestException);
    const details = ((refusal as BadRequestException).getResponse() as { details: { field: string; messages: string[] }[] }).details;
    expect(details).toEqual([
      { field: 'limit', messages: ['limit paling banyak 5'] },
      { field: 'nik', messages: ['nik harus 16 digit angka'] },
    ]);
  });
});
