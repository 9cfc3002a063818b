import type { LogLevel } from '@nestjs/common';

/** Nest's log levels shown at LOG_LEVEL (`info`: fatal to log), for the service's logger and its worker thread's. */
export function nestLogLevels(level: string): LogLevel[] {
  const order = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
  const upTo = { silent: -1, fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 }[level] ?? 3;
  return order.slice(0, upTo + 1);
}
