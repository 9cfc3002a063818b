import { DomainException } from '../../common/errors/domain.exception.js';

/** An error of the funding worker's job as it crosses to the service (structured clone keeps only plain data). */
export interface ErrorMessage {
  message: string;
  stack?: string;
  /** Set for a domain error: what the service's error filter answers with. */
  domain?: { name: string; code: string; details?: unknown; httpStatus: number };
}

export function errorMessage(err: unknown): ErrorMessage {
  if (err instanceof DomainException) {
    return { message: err.message, domain: { name: err.name, code: err.code, details: err.details, httpStatus: err.httpStatus } };
  }
  return err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
}

/**
 * A domain error raised in the funding worker, as the service throws it: the same code, Indonesian message, details
 * and HTTP status, so the one error filter answers it as if the service had raised it itself.
 */
export class RelayedDomainException extends DomainException {
  constructor(
    private readonly raised: NonNullable<ErrorMessage['domain']>,
    message: string,
  ) {
    super(raised.code, message, raised.details);
    this.name = raised.name;
  }

  get httpStatus(): number {
    return this.raised.httpStatus;
  }
}

/** The error the service throws for a job's ErrorMessage. */
export function relayedError({ message, stack, domain }: ErrorMessage): Error {
  if (domain) return new RelayedDomainException(domain, message);
  const err = new Error(`funding worker: ${message}`);
  if (stack) err.stack = `${err.stack}\nin the worker thread: ${stack}`;
  return err;
}
