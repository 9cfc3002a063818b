import type { IncomingMessage } from 'node:http';
import { parse } from 'node:querystring';
import type { Socket } from 'node:net';
import { HttpException, type NestApplicationOptions, UnsupportedMediaTypeException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module.js';
import { AuditService } from './audit/audit.service.js';
import { sayRecomputedMonths } from './funding/recomputed-months.route.js';
import { AllocateMonth } from './funding/use-cases/allocate-month.use-case.js';
import { useLoginRateLimit } from './auth/login-rate-limit.js';
import { APP_CONFIG, type AppConfig } from './common/config/app-config.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { refuseEncodedBodies } from './common/http/content-encoding.js';
import { jsonBodyParser } from './common/http/json-body.js';
import { answerWrongMethods } from './common/http/method-not-allowed.js';
import { connectionRefusal, requestHook } from './common/http/request-hook.js';
import { RejectUnstorableTextPipe } from './common/http/reject-unstorable-text.pipe.js';
import { answerStalledBodies, requestTimeoutMs } from './common/http/request-timeouts.js';
import { createValidationPipe } from './common/http/validation.js';
import { BODY_LIMIT } from './common/http/json-body.js';

export { BODY_LIMIT } from './common/http/json-body.js';

/**
 * The HTTP server every app runs on (main.ts, the tests, the benches): Fastify, whose per-request
 * cost is a third of Express's on the 2-core machines the auditors' lookups are measured on
 * (README, funding figures). Paths match as Express matched them (any case, trailing slash or
 * not). Behind a proxy TRUST_PROXY names (default: one on the same host), the client address is the
 * proxy's `X-Forwarded-For`.
 * Every request first goes through requestHook (headers, request id, log line), refusals of the
 * router too; those and refusals of the connection itself answer in the one error format. A body
 * that stops arriving is answered 408, and every request has a time limit (request-timeouts.ts). A
 * served path called with a method it does not serve is 405 with `Allow` (method-not-allowed.ts).
 */
export function httpAdapter(config: AppConfig): FastifyAdapter {
  const hook = requestHook(config.logLevel);
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    requestTimeout: requestTimeoutMs(config),
    routerOptions: { caseSensitive: false, querystringParser: parseQuery },
    rewriteUrl: (req: IncomingMessage) => routedUrl(req.url ?? '/'),
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const body = new DomainExceptionFilter().toBody(new HttpException(error.message, error.statusCode ?? 400, { cause: error }));
      hook(req.raw, reply.raw, () => void reply.code(body.statusCode).send(body));
    },
    clientErrorHandler: (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) => {
      if (!socket.writable) return socket.destroy();
      socket.end(connectionRefusal(error));
    },
  });
  const stalled = answerStalledBodies(config.requestIdleSeconds);
  adapter.getInstance().addHook('onRequest', (req, reply, done) => {
    stalled(req.raw, reply.raw);
    hook(req.raw, reply.raw, done);
  });
  answerWrongMethods(adapter.getInstance());
  return adapter;
}

/**
 * The URL a request is routed by: an absolute URL in the request line (`GET http://host/api/…`) is
 * read as its path, `/api/v1/villages/` as `/api/v1/villages`, as on Express, and a final `.XLSX` as `.xlsx`. Not under
 * `/console/`: the console's files are served by folder (`/console` redirects to `/console/`, whose
 * relative URLs need that slash), and a folder there redirects to itself with one.
 */
export function routedUrl(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  if (origin) url = url.slice(origin[0].length) || '/';
  const query = url.indexOf('?');
  let path = query < 0 ? url : url.slice(0, query);
  if (path.length >= 2 && path.endsWith('/') && !/^\/console\//i.test(path)) path = path.replace(/\/+$/, '') || '/';
  // the router matches paths in any case, but not the `.xlsx` after a parameter (`/statements/pledges/:code.xlsx`; QA: `.XLSX` was 404)
  if (/\.xlsx$/i.test(path)) path = `${path.slice(0, -5)}.xlsx`;
  return path + (query < 0 ? '' : url.slice(query));
}

/** Query strings as Express read them: a parameter without a name (`?=x`, `&=x`) is dropped. */
function parseQuery(text: string): Record<string, unknown> {
  const query = parse(text);
  delete query[''];
  return query;
}

/**
 * The service's app on `config`, configured and not yet listening: what main.ts, the demo and the
 * benches run (the tests build theirs from a testing module: test/support/test-app.ts).
 */
export async function createApp(config: AppConfig, logger: NestApplicationOptions['logger']): Promise<NestFastifyApplication> {
  return configureApp(await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config }), httpAdapter(config), { logger }));
}

/** Everything main.ts and the tests apply to the app alike: pipes, filters, headers, limits, docs. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  refuseEncodedBodies(fastify);
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, jsonBodyParser(fastify));
  // No route reads plain text or forms: such a body is 415, as XML is. As text it reached validation as a string and
  // was refused for the wrong reason; as a form it was read like JSON and created users and runs (QA).
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/x-www-form-urlencoded', {}, (_req, _body, done) => done(new UnsupportedMediaTypeException(), undefined));
  await useLoginRateLimit(fastify, config, app.get(AuditService));
  sayRecomputedMonths(fastify, app.get(AllocateMonth));
  app.useGlobalPipes(new RejectUnstorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();

  // Built on the first request of /api/docs or /api/docs-json, not at start: scanning every route costs ~1 s (measured
  // under load on the 2-core machine, 2026-12-06), which every test app paid, ~280 of them a test run.
  const document = () =>
    SwaggerModule.createDocument(
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
