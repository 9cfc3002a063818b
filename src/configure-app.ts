import { HttpException, UnsupportedMediaTypeException } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { useLoginRateLimit } from './auth/login-rate-limit.js';
import { APP_CONFIG, type AppConfig } from './common/config/app-config.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { requestLogger } from './common/http/request-logger.js';
import { RejectNulPipe } from './common/http/reject-nul.pipe.js';
import { createValidationPipe } from './common/http/validation.js';

/** JSON declared in another charset than UTF-8 (Fastify would read its bytes as UTF-8 and garble names). */
const jsonNotInUtf8 = (type: string | undefined) => !!type && /^application\/json\s*;/i.test(type) && /;\s*charset=(?!"?utf-?8"?\s*(;|$))/i.test(type);

/** JSON bodies (and form fields) up to 1 MB; uploads have their own limit (UPLOAD_MAX_MB). */
export const BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP server every app runs on (main.ts, the tests, the benches): Fastify, whose per-request
 * cost is a third of Express's on the 2-core machines the auditors' lookups are measured on
 * (README, funding figures). Behind a proxy on the same host, the client address is the proxy's
 * `X-Forwarded-For`.
 */
export function httpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback',
    bodyLimit: BODY_LIMIT,
    // Refused by Fastify's router before any hook (a malformed or over-long path): the same JSON and words as every error.
    frameworkErrors: (error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const body = new DomainExceptionFilter().toBody(new HttpException(error.message, error.statusCode ?? 400, { cause: error }));
      void reply.code(body.statusCode).send(body);
    },
  });
}

/** Everything main.ts and the tests apply to the app alike: pipes, filters, headers, limits, docs. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  const log = requestLogger(config.logLevel);
  // helmet's headers, its policy parsed once (@fastify/helmet builds helmet anew on every request)
  const secure = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
        // The service speaks plain HTTP (TLS, when used, ends at a proxy). helmet's default
        // upgrade-insecure-requests makes a browser on http://<intranet-ip>:3000 fetch the console's
        // scripts over https, which fails; the console's URLs are relative, so HTTPS sites lose nothing.
        upgradeInsecureRequests: null,
      },
    },
  });
  // First on every request, 404s included. Headers go on the raw response, so that errors carry them too.
  fastify.addHook('onRequest', (req, reply, done) => {
    // API answers carry residents' NIKs and names: no browser or proxy keeps a copy (a shared office
    // PC's disk cache included).
    const path = req.url.split('?', 1)[0];
    if (path === '/health' || path.startsWith('/api/') || path === '/api') reply.raw.setHeader('Cache-Control', 'no-store');
    secure(req.raw, reply.raw, () =>
      log(req.raw, reply.raw, () => done(jsonNotInUtf8(req.headers['content-type']) ? new UnsupportedMediaTypeException() : undefined)),
    );
  });
  await useLoginRateLimit(fastify, config);
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jamkesda Bengkulu Utara: rekonsiliasi pendanaan iuran')
      .setDescription('Register, pledges, allocation, BPJS bills, payments and reconciliation (see README).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
