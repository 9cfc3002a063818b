import { UnsupportedMediaTypeException } from '@nestjs/common';
import { errorCodes, type FastifyBodyParser, type FastifyInstance } from 'fastify';

/** JSON declared in another charset than UTF-8 (its bytes read as UTF-8 would garble names). */
const notUtf8 = (type: string | undefined) => !!type && /;\s*charset=(?!"?utf-?8"?\s*(;|$))/i.test(type);

/**
 * The parser of JSON bodies (`app.useBodyParser('application/json', …)`), reading them as the API
 * always has (Express's body-parser, strict): JSON in another charset than UTF-8 is refused (415),
 * an empty body with `Content-Type: application/json` is `{}` (clients that send the header on
 * every POST, finalize included), and a body that is not an object or an array (`123`, `"teks"`,
 * `true`) is not valid JSON for the API. Anything else goes to Fastify's own parser, with its
 * refusal of `__proto__` and `constructor` keys.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req, body, done) => {
    if (notUtf8(req.headers['content-type'])) return done(new UnsupportedMediaTypeException(), undefined);
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    if (!/^\s*[[{]/.test(text)) return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    parse(req, text, done);
  };
}
