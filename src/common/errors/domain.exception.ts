/**
 * Base of every module's error type. A module declares its own codes (an enum) and maps each
 * to an HTTP status with an exhaustive switch; the message is Indonesian, for the person who
 * acts on it. `DomainExceptionFilter` turns these into the one JSON error format of API.md.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  abstract get httpStatus(): number;
}

/** Compile-time proof that a switch over a code enum handled every member. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled code: ${String(value)}`);
}

/**
 * A value the user sent, as a message or its details repeats it: cut to 60 characters. A 100,000
 * character code or path came back whole (twice) in the error.
 */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
