import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { LoginDto } from '../../src/auth/dto/login.dto.js';
import { AuditQueryDto } from '../../src/audit/dto/audit-query.dto.js';
import { createValidationPipe } from '../../src/common/http/validation.js';
import { UpdateUserDto } from '../../src/users/dto/create-user.dto.js';

/** The `details` the global pipe answers for `value` as the body/query of `dto`. */
async function details(dto: new () => object, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    await createValidationPipe().transform(value, { type, metatype: dto });
  } catch (err) {
    return ((err as BadRequestException).getResponse() as { details: unknown }).details;
  }
  return [];
}

describe('validation messages are Indonesian, per field', () => {
  it('lengths, types and unknown fields', async () => {
    expect(await details(LoginDto, { username: 'a'.repeat(101), password: 5, extra: 1 })).toEqual([
      { field: 'extra', messages: ['kolom extra tidak dikenal'] },
      { field: 'username', messages: ['username terlalu panjang (101 karakter, paling banyak 100)'] }, // as a sheet's NAMA is told
      { field: 'password', messages: ['password harus berupa teks, bukan angka'] }, // not also its length: a number has none
    ]);
  });

  it('booleans', async () => {
    expect(await details(UpdateUserDto, { active: 'ya' })).toEqual([{ field: 'active', messages: ['active harus true atau false, bukan teks'] }]);
  });

  it('dates and numbers in a query', async () => {
    expect(await details(AuditQueryDto, { from: 'kemarin', page: 'dua' }, 'query')).toEqual([
      { field: 'from', messages: ['from harus tanggal/waktu ISO, mis. 2026-11-15T00:00:00+07:00'] },
      { field: 'page', messages: ['page harus bilangan bulat, bukan "dua"'] },
    ]);
  });
});
