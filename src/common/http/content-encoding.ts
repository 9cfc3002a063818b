import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * A compressed body (`Content-Encoding: gzip`, `br`, …) is refused with 415 before any parser reads
 * it: no route inflates bodies, and read as JSON its bytes were answered "bukan JSON yang valid".
 */
export function refuseEncodedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (req, _reply, payload, done) => {
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return done(null, payload);
    done(new UnsupportedMediaTypeException(`Isi permintaan yang dikompresi (Content-Encoding: ${encoding.slice(0, 20)}) tidak didukung: kirim tanpa kompresi.`), payload);
  });
}
