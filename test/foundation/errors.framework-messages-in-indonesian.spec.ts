import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainExceptionFilter } from '../../src/common/errors/domain-exception.filter.js';
import { CommonException } from '../../src/common/errors/common.exception.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** What Fastify raises (a FastifyError): Nest keeps it as the cause. */
function fastifyError(code: string, statusCode: number): Error {
  return Object.assign(new Error('x'), { name: 'FastifyError', code, statusCode });
}

describe('errors raised by the framework reach the user in Indonesian, ours unchanged', () => {
  const filter = new DomainExceptionFilter();

  it.each([
    [new BadRequestException('Validation failed (uuid is expected)'), 400, 'Permintaan tidak valid.', 'BAD_REQUEST'],
    [new NotFoundException('Cannot GET /x'), 404, 'Alamat tidak ditemukan.', 'NOT_FOUND'],
    [new PayloadTooLargeException('File too large'), 413, 'Data yang dikirim terlalu besar.', 'PAYLOAD_TOO_LARGE'],
    [new BadRequestException('Unexpected field'), 400, 'Permintaan tidak valid.', 'BAD_REQUEST'],
    [new HttpException('Request body is too large', 413, { cause: fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413) }), 413, 'Data yang dikirim terlalu besar: isi permintaan (JSON) paling besar 1 MB. Berkas diunggah lewat rute unggahan sebagai multipart/form-data.', 'PAYLOAD_TOO_LARGE'],
    [new HttpException("'/%E0' is not a valid url component", 400, { cause: fastifyError('FST_ERR_BAD_URL', 400) }), 400, 'Permintaan tidak valid.', 'BAD_REQUEST'],
    [new HttpException('Body is not valid JSON', 400, { cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400) }), 400, 'Isi permintaan bukan JSON yang valid.', 'INVALID_JSON'],
    [new BadRequestException('Bulan harus berformat YYYY-MM.'), 400, 'Bulan harus berformat YYYY-MM.', 'BAD_REQUEST'],
    [new BadRequestException('Bulan tidak valid.', { cause: new Error('internal') }), 400, 'Bulan tidak valid.', 'BAD_REQUEST'],
    // as the upload interceptor raises them: multer's text for the code, then the field at fault
    [new BadRequestException('Too many files'), 400, 'Kirim satu berkas saja per unggahan, pada kolom "file".', 'INVALID_UPLOAD_FORM'],
    [new BadRequestException('Too many fields'), 400, 'Formulir unggahan memuat terlalu banyak isian: kirim hanya berkas pada kolom "file".', 'INVALID_UPLOAD_FORM'],
    [new BadRequestException('Unexpected file field - lampiran'), 400, 'Berkas dikirim pada kolom "lampiran": kirim pada kolom "file".', 'INVALID_UPLOAD_FORM'],
    [new BadRequestException('Field name nesting too deep - a[b][c]'), 400, 'Formulir unggahan tidak valid: kirim satu berkas pada kolom "file".', 'INVALID_UPLOAD_FORM'],
  ])('%s', (exception, statusCode, message, code) => {
    expect(filter.toBody(exception)).toEqual({ statusCode, message, code });
  });

  it('keeps a domain error\'s code and details', () => {
    expect(filter.toBody(CommonException.monthClosed('2026-10'))).toMatchObject({ statusCode: 409, code: 'MONTH_CLOSED', details: { month: '2026-10' } });
  });

  it('hides an unexpected error behind a 500 without its text', () => {
    expect(filter.toBody(new Error('relation "x" does not exist'))).toEqual({
      statusCode: 500,
      message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.',
      code: 'INTERNAL_ERROR',
    });
  });

  describe('over HTTP', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp()));
    afterAll(() => t.close());

    it('a malformed id in the path answers 404 in Indonesian, as an unknown id (http.body-and-errors.spec.ts)', async () => {
      const res = await (await t.as(Role.ADMIN)).patch('/api/v1/users/bukan-uuid').send({ active: false }).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'USER_NOT_FOUND', message: 'Pengguna "bukan-uuid" tidak ditemukan.' });
    });

    it('a JSON body in a charset other than UTF-8 answers 415 in Indonesian', async () => {
      const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json; charset=latin1').send('{"username":"a","password":"b"}').expect(415);
      expect(res.body).toEqual({ statusCode: 415, message: expect.stringMatching(/^Jenis isi permintaan tidak didukung: kirim JSON dalam UTF-8/), code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('a body sent as text/plain, XML or a form answers 415, not a validation error about its fields (QA)', async () => {
      const keuangan = await t.as(Role.KEUANGAN);
      for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/xml']) {
        const res = await keuangan.post('/api/v1/allocations').set('Content-Type', type).send('{"month":"2026-02"}').expect(415);
        expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      }
      // a form is not read either: it created users and logged in (QA)
      const admin = await t.as(Role.ADMIN);
      const form = await admin.post('/api/v1/users').type('form').send({ username: 'formuser', password: 'formpassword12', role: 'ADMIN' }).expect(415);
      expect(form.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      await t.http.post('/api/v1/auth/login').type('form').send({ username: 'a', password: 'b' }).expect(415);
    });

    it('a malformed percent-encoding in the path answers 400', async () => {
      const res = await t.http.get('/api/v1/users/%E0%A4%A').set('Authorization', `Bearer ${await t.token(Role.ADMIN)}`);
      expect([400, 404]).toContain(res.status);
      expect(res.body.message).not.toMatch(/URI|malformed/);
    });
  });
});
