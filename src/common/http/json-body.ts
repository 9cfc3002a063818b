import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { errorCodes, type FastifyBodyParser, type FastifyInstance } from 'fastify';
import { CommonErrorCode, CommonException } from '../errors/common.exception.js';
import { OBJECT_EXPECTED } from './validation-messages.js';
import { refused } from './validation.js';

/** JSON bodies (and form fields) up to 1 MB; uploads have their own limit (UPLOAD_MAX_MB). */
export const BODY_LIMIT = 1024 * 1024;

/** The 413 of a body over BODY_LIMIT, naming the limit as an upload's names UPLOAD_MAX_MB. */
export const BODY_TOO_LARGE = `Data yang dikirim terlalu besar: isi permintaan (JSON) paling besar ${BODY_LIMIT / (1024 * 1024)} MB. Berkas diunggah lewat rute unggahan sebagai multipart/form-data.`;

/** JSON declared in another charset than UTF-8 (its bytes read as UTF-8 would garble names). */
const notUtf8 = (type: string | undefined) => !!type && /;\s*charset=(?!"?utf-?8"?\s*(;|$))/i.test(type);

/**
 * The deepest nesting of objects and arrays a JSON body may have: every body the API reads is at
 * most three deep. Deeper ones (`[[[…]]]` two thousand times) overflowed the stack of the
 * validation (class-transformer) and came back as a 500, before any login.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests objects and arrays deeper than `max`, read without recursion and outside
 * strings (secure-json-parse, behind Fastify's parser, has no depth limit).
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The parser of JSON bodies (`app.useBodyParser('application/json', …)`), reading them as the API
 * always has (Express's body-parser, strict): JSON in another charset than UTF-8 is refused (415),
 * an empty body with `Content-Type: application/json` is `{}` (clients that send the header on
 * every POST, finalize included), and valid JSON that is not an object or an array (`123`, `"teks"`,
 * `true`, `null`) is told it must be an object, as an array is (QA: it was "bukan JSON yang valid"). A body nested deeper than MAX_JSON_DEPTH is 400
 * JSON_TOO_DEEP. Anything else goes to Fastify's own parser, with its refusal of `__proto__` and
 * `constructor.prototype` keys, answered as an unknown field (VALIDATION_FAILED).
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req, body, done) => {
    if (notUtf8(req.headers['content-type'])) return done(new UnsupportedMediaTypeException(), undefined);
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    if (!/^\s*[[{]/.test(text)) {
      return done(isValidJson(text) ? refused([{ field: 'body', messages: [OBJECT_EXPECTED] }]) : new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    }
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new CommonException(CommonErrorCode.JSON_TOO_DEEP, `Isi permintaan bersarang terlalu dalam: paling banyak ${MAX_JSON_DEPTH} tingkat objek atau daftar di dalam satu sama lain.`), undefined);
    }
    parse(req, text, (err, value) => {
      // a `__proto__` key (or `constructor.prototype`) is valid JSON the API does not take: an unknown field, as
      // `constructor` alone is told (QA: "Isi permintaan bukan JSON yang valid" for valid JSON). Fastify's refusal
      // does not say which it was: JSON.parse, which gives such a key no meaning, tells valid JSON apart.
      if (err && isValidJson(text)) return done(unknownField(/"__proto__"\s*:/.test(text) ? '__proto__' : 'constructor.prototype'), undefined);
      done(err, value);
    });
  };
}

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function unknownField(field: string): BadRequestException {
  return new BadRequestException({ message: 'Data yang dikirim tidak valid.', details: [{ field, messages: [`kolom ${field} tidak dikenal`] }] });
}
