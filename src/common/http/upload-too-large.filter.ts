import { ArgumentsHost, Catch, ExceptionFilter, Inject, PayloadTooLargeException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainExceptionFilter } from '../errors/domain-exception.filter.js';
import { SpreadsheetException } from '../spreadsheet/spreadsheet.exception.js';

/** The upload interceptor's "File too large" becomes the Indonesian 413 FILE_TOO_LARGE naming the limit (UploadFile routes). */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  private readonly fallback = new DomainExceptionFilter();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    this.fallback.catch(SpreadsheetException.fileTooLarge(this.config.uploadMaxBytes), host);
  }
}
