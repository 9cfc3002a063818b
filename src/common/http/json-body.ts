import { errorCodes, type FastifyBodyParser, type FastifyInstance } from 'fastify';

/**
 * The parser of JSON bodies (`app.useBodyParser('application/json', …)`), reading them as the API
 * always has (Express's body-parser, strict): an empty body with `Content-Type: application/json`
 * is `{}` (clients that send the header on every POST, finalize included), and a body that is not
 * an object or an array (`123`, `"teks"`, `true`) is not valid JSON for the API. Anything else goes
 * to Fastify's own parser, with its refusal of `__proto__` and `constructor` keys.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req, body, done) => {
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    if (!/^\s*[[{]/.test(text)) return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    parse(req, text, done);
  };
}
