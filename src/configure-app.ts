import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { loginRateLimit } from './auth/login-rate-limit.js';
import { APP_CONFIG, type AppConfig } from './common/config/app-config.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { requestLogger } from './common/http/request-logger.js';
import { RejectNulPipe } from './common/http/reject-nul.pipe.js';
import { createValidationPipe } from './common/http/validation.js';

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Everything main.ts and the tests apply to the app alike: pipes, filters, headers, limits, docs. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
  // API answers carry residents' NIKs and names: no browser or proxy keeps a copy (a shared office
  // PC's disk cache included), and so no ETag is worth hashing each body for.
  express.set('etag', false);
  app.use(['/api', '/health'], noStore);
  app.use(requestLogger(config.logLevel));
  express.useBodyParser('json', { limit: '1mb' });
  express.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use('/api/v1/auth/login', loginRateLimit(config));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
          // The service speaks plain HTTP (TLS, when used, ends at a proxy). helmet's default
          // upgrade-insecure-requests makes a browser on http://<intranet-ip>:3000 fetch the console's
          // scripts over https, which fails; the console's URLs are relative, so HTTPS sites lose nothing.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
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
