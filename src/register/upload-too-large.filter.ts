import { ArgumentsHost, Catch, ExceptionFilter, Inject, PayloadTooLargeException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { DomainExceptionFilter } from '../common/errors/domain-exception.filter.js';
import { RegisterException } from './register.exception.js';

/** The upload interceptor's "File too large" becomes the register's Indonesian 413 naming the limit. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  private readonly fallback = new DomainExceptionFilter();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    this.fallback.catch(RegisterException.fileTooLarge(this.config.uploadMaxBytes), host);
  }
}
