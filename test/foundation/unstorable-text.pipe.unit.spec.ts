import { BadRequestException } from '@nestjs/common';
import { RejectUnstorableTextPipe } from '../../src/common/http/reject-unstorable-text.pipe.js';

/**
 * The pipe checks what a request sent (body, query, path, an uploaded file), not what the app's own parameter
 * decorators give: a request's recomputes (`@RecomputesOf()`) hold the reply and through it the whole server, and
 * walking that kept every app-booting suite busy forever (session 43).
 */
describe('RejectUnstorableTextPipe: what it reads', () => {
  const pipe = new RejectUnstorableTextPipe();

  it('refuses a body string PostgreSQL cannot store, naming the field', () => {
    expect(() => pipe.transform({ funderName: 'PT \u0000A' }, { type: 'body', data: undefined })).toThrow(BadRequestException);
  });

  it('refuses a bad name of an uploaded file, which comes as a custom parameter', () => {
    expect(() => pipe.transform({ originalname: 'peserta\u0000.xlsx', size: 1 }, { type: 'custom', data: undefined })).toThrow(BadRequestException);
  });

  it('passes the app’s own custom parameters through unread, a cyclic one included', () => {
    const reply: Record<string, unknown> = { label: 'x\u0000' };
    reply.server = { reply, routes: Array.from({ length: 50 }, () => ({ reply })) };
    const recomputes = { months: new Set<string>(), reply };
    expect(pipe.transform(recomputes, { type: 'custom', data: undefined })).toBe(recomputes);
  });
});
